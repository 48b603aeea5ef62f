package io.stylegraph.training.cli;

import io.stylegraph.training.outfit.OutfitEvaluationReport;
import io.stylegraph.training.report.ReportFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link OutfitEvaluationReport} through {@link ReportFiles} as {@code <name>.json} and {@code <name>.md};
 * this class holds the Markdown body.
 */
final class OutfitReportWriter {

    private OutfitReportWriter() {
    }

    static Path[] write(OutfitEvaluationReport report, Path directory, String name) throws IOException {
        return ReportFiles.write(directory, name, report, markdown(report));
    }

    static String markdown(OutfitEvaluationReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Outfit compatibility on ").append(report.dataset()).append("\n\n");
        md.append(ReportFiles.provenance(report.provenance(), ReportFiles.HeapLine.WITH_MAX_HEAP));
        md.append(String.format(Locale.ROOT, "- peak heap %s, peak RSS %s%n", ReportFiles.mib(report.peakHeapBytes()),
                ReportFiles.mib(report.peakRssBytes())));
        md.append("\n## Results\n\n");
        Set<String> labels = new LinkedHashSet<>();
        report.results().forEach(r -> labels.addAll(r.scores().keySet()));
        md.append("| benchmark | metric | n |");
        labels.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append(" chance |\n|---|---|---:|");
        labels.forEach(l -> md.append("---:|"));
        md.append("---:|\n");
        for (OutfitEvaluationReport.Result result : report.results()) {
            md.append("| ").append(result.benchmark()).append(" | ").append(result.metric()).append(" | ")
                    .append(result.count()).append(" |");
            for (String label : labels) {
                Double value = result.scores().get(label);
                md.append(' ').append(value == null ? "" : format(result.metric(), value)).append(" |");
            }
            md.append(' ').append(format(result.metric(), result.chance())).append(" |\n");
        }
        md.append("\n### Protocols\n\n");
        for (OutfitEvaluationReport.Result result : report.results()) {
            md.append("- **").append(result.benchmark()).append("**: ").append(result.protocol()).append('\n');
        }
        retrieval(md, report.retrieval());
        if (!report.anchors().isEmpty()) {
            md.append("\n## Published anchors\n\n");
            report.anchors().forEach(a -> md.append("- ").append(a).append('\n'));
        }
        if (!report.notes().isEmpty()) {
            md.append("\n## Reading these numbers\n\n");
            report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## Data\n\n");
        report.data().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Timings\n\n");
        report.timings().forEach((k, v) -> md.append("- ").append(k).append(": ")
                .append(String.format(Locale.ROOT, v >= 100 || v == Math.rint(v) ? "%.0f" : "%.2f", v))
                .append('\n'));
        md.append("\n## Parameters\n\n");
        List<String> parameters = new ArrayList<>();
        for (Map.Entry<String, String> e : report.parameters().entrySet()) {
            parameters.add(e.getKey() + "=" + e.getValue());
        }
        md.append(String.join(", ", parameters)).append('\n');
        if (!report.epochs().isEmpty()) {
            md.append("\n## Training\n\n| epoch | loss | seconds | examples |\n|---:|---:|---:|---:|\n");
            for (OutfitEvaluationReport.Epoch epoch : report.epochs()) {
                md.append(String.format(Locale.ROOT, "| %d | %.5f | %.2f | %d |%n", epoch.epoch(), epoch.loss(),
                        epoch.seconds(), epoch.examples()));
            }
        }
        return md.toString();
    }

    /** The complete-the-look tables: overall rows first, then the rows per slot of the hidden item. */
    private static void retrieval(StringBuilder md, List<OutfitEvaluationReport.RetrievalRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<Integer> cutoffs = new java.util.TreeSet<>();
        rows.forEach(r -> cutoffs.addAll(r.accuracy().keySet()));
        md.append("\n### Complete-the-look retrieval\n\n");
        md.append("One item hidden per outfit (seeded); candidates ranked by their score with the rest of the outfit; "
                + "the items still worn are not candidates. Ties count as broken at random.\n\n");
        retrievalTable(md, rows.stream().filter(r -> r.slot() == null).toList(), cutoffs, false);
        List<OutfitEvaluationReport.RetrievalRow> perSlot = rows.stream().filter(r -> r.slot() != null).toList();
        if (!perSlot.isEmpty()) {
            md.append("\nPer slot of the hidden item:\n\n");
            retrievalTable(md, perSlot, cutoffs, true);
        }
    }

    private static void retrievalTable(StringBuilder md, List<OutfitEvaluationReport.RetrievalRow> rows,
                                       Set<Integer> cutoffs, boolean slots) {
        md.append("| pool | model |").append(slots ? " slot |" : "").append(" questions | candidates per question |");
        cutoffs.forEach(k -> md.append(" acc@").append(k).append(" |"));
        md.append("\n|---|---|").append(slots ? "---|" : "").append("---:|---:|");
        cutoffs.forEach(k -> md.append("---:|"));
        md.append('\n');
        for (OutfitEvaluationReport.RetrievalRow row : rows) {
            md.append("| ").append(row.pool()).append(" | ").append(row.model()).append(" |");
            if (slots) {
                md.append(' ').append(row.slot()).append(" |");
            }
            md.append(' ').append(row.questions() == null ? "unknown" : row.questions().toString()).append(" | ")
                    .append(row.candidates() == null ? "unknown"
                            : String.format(Locale.ROOT, "%.0f", row.candidates())).append(" |");
            for (int k : cutoffs) {
                Double value = row.accuracy().get(k);
                md.append(' ').append(value == null ? "" : Double.isNaN(value) ? "n/a"
                        : String.format(Locale.ROOT, "%.4f", value)).append(" |");
            }
            md.append('\n');
        }
    }

    private static String format(String metric, double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return metric.startsWith("FITB") ? String.format(Locale.ROOT, "%.1f %%", 100 * value)
                : String.format(Locale.ROOT, "%.4f", value);
    }
}
