package io.stylegraph.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.stylegraph.training.regions.RegionEvaluation;
import io.stylegraph.training.regions.RegionReport;
import io.stylegraph.training.regions.SlotScore;
import io.stylegraph.training.report.ReportFiles;

/**
 * Writes a {@link RegionReport} through {@link ReportFiles} as {@code <name>.json} and {@code <name>.md}; this class
 * holds the Markdown body.
 */
final class RegionReportWriter {

    private RegionReportWriter() {
    }

    static Path[] write(RegionReport report, Path directory) throws IOException {
        return ReportFiles.write(directory, report.name(), report, markdown(report));
    }

    static String markdown(RegionReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Garment regions on ").append(report.folder()).append("\n\n");
        md.append(ReportFiles.provenance(report.provenance(), ReportFiles.HeapLine.WITHOUT_MAX_HEAP));
        report.data().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Over the slots each source gives\n\n");
        md.append("| source | framing | slots | boxes | mean IoU | found (IoU >= 0.5) | ms per photo |\n");
        md.append("|---|---|---|---:|---:|---:|---:|\n");
        for (RegionReport.Source s : report.sources()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %.1f %% | %s |%n", s.label(),
                    s.framing(), String.join(", ", s.slots()), s.overSlots().boxes(), s.overSlots().meanIou(),
                    100 * s.overSlots().recallAt50(), Double.isNaN(s.msPerPhoto()) ? ""
                            : String.format(Locale.ROOT, "%.1f", s.msPerPhoto())));
        }
        for (String framing : List.of(RegionEvaluation.AS_PHOTOGRAPHED, RegionEvaluation.OFF_CENTRE)) {
            List<RegionReport.Source> inFraming = report.sources().stream()
                    .filter(s -> s.framing().equals(framing)).toList();
            if (!inFraming.isEmpty()) {
                perSlot(md, framing, inFraming);
            }
        }
        md.append("\n## Sources\n\n");
        report.sources().stream().filter(s -> s.framing().equals(RegionEvaluation.AS_PHOTOGRAPHED))
                .forEach(s -> md.append("- **")
                .append(s.label()).append("**: ").append(s.description()).append('\n'));
        md.append("\n## Notes\n\n");
        report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static void perSlot(StringBuilder md, String framing, List<RegionReport.Source> sources) {
        md.append("\n## Per slot, ").append(framing)
                .append("\n\nmean IoU / found (IoU >= 0.5) / mean IoU where given\n\n");
        List<String> slots = new ArrayList<>(sources.get(0).bySlot().keySet());
        md.append("| slot | boxes |");
        sources.forEach(s -> md.append(' ').append(s.label()).append(" |"));
        md.append("\n|---|---:|");
        sources.forEach(s -> md.append("---:|"));
        md.append('\n');
        for (String slot : slots) {
            md.append("| ").append(slot).append(" | ")
                    .append(sources.get(0).bySlot().get(slot).boxes()).append(" |");
            for (RegionReport.Source s : sources) {
                SlotScore score = s.bySlot().get(slot);
                md.append(String.format(Locale.ROOT, " %.3f / %.1f %% / %s |", score.meanIou(),
                        100 * score.recallAt50(), Double.isNaN(score.meanIouWhenPredicted()) ? "-"
                                : String.format(Locale.ROOT, "%.3f", score.meanIouWhenPredicted())));
            }
            md.append('\n');
        }
    }
}
