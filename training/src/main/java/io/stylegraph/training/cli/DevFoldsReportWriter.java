package io.stylegraph.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.stylegraph.training.outfit.DevFolds;
import io.stylegraph.training.report.ReportFiles;

/** Writes a {@link DevFolds.Report} as {@code <name>.json} and {@code <name>.md}; this class holds the Markdown. */
final class DevFoldsReportWriter {

    private DevFoldsReportWriter() {
    }

    static Path[] write(DevFolds.Report report, Path directory, String name) throws IOException {
        return ReportFiles.write(directory, name, report, markdown(report));
    }

    static String markdown(DevFolds.Report report) {
        StringBuilder md = new StringBuilder("# Outfit compatibility: k-fold dev evaluation on polyvore-maryland\n\n");
        md.append(ReportFiles.provenance(report.provenance(), ReportFiles.HeapLine.WITH_MAX_HEAP));
        md.append(String.format(Locale.ROOT, "- peak heap %s, peak RSS %s%n", ReportFiles.mib(report.peakHeapBytes()),
                ReportFiles.mib(report.peakRssBytes())));
        md.append("\n## Fold means\n\nMean over the folds ± standard error; Δ: the paired difference from '")
                .append(DevFolds.SERVED).append("' on the same questions, mean ± standard error.\n\n");
        md.append("| contender |");
        DevFolds.METRICS.forEach(m -> md.append(' ').append(m).append(" | Δ ").append(m).append(" |"));
        md.append("\n|---|");
        DevFolds.METRICS.forEach(m -> md.append("---:|---:|"));
        md.append('\n');
        List<String> contenders = report.summaries().stream().map(DevFolds.Summary::contender).distinct().toList();
        for (String contender : contenders) {
            md.append("| ").append(contender).append(" |");
            for (String metric : DevFolds.METRICS) {
                DevFolds.Summary s = report.summaries().stream()
                        .filter(x -> x.contender().equals(contender) && x.metric().equals(metric)).findFirst()
                        .orElseThrow();
                boolean auc = metric.equals("AUC");
                md.append(' ').append(pm(s.mean(), s.standardError(), auc)).append(" | ")
                        .append(contender.equals(DevFolds.SERVED) ? "" : signed(s.meanDifferenceFromServed(),
                                s.differenceStandardError(), auc)).append(" |");
            }
            md.append('\n');
        }
        md.append("\n## Per fold\n\n| fold | outfits | contender |");
        DevFolds.METRICS.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---:|---:|---|");
        DevFolds.METRICS.forEach(m -> md.append("---:|"));
        md.append('\n');
        for (DevFolds.FoldResult r : report.folds()) {
            md.append("| ").append(r.fold() + 1).append(" | ").append(r.outfits()).append(" | ").append(r.contender())
                    .append(" |");
            for (String metric : DevFolds.METRICS) {
                double v = r.figures().get(metric);
                md.append(' ').append(metric.equals("AUC") ? String.format(Locale.ROOT, "%.4f", v)
                        : String.format(Locale.ROOT, "%.1f %%", 100 * v)).append(" |");
            }
            md.append('\n');
        }
        md.append("\n## Data and settings\n\n");
        report.data().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("- training settings: ").append(report.parameters()).append('\n');
        md.append("\n## Notes\n\n");
        report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static String pm(double value, double error, boolean auc) {
        return auc ? String.format(Locale.ROOT, "%.4f ± %.4f", value, error)
                : String.format(Locale.ROOT, "%.1f %% ± %.1f", 100 * value, 100 * error);
    }

    private static String signed(double value, double error, boolean auc) {
        return auc ? String.format(Locale.ROOT, "%+.4f ± %.4f", value, error)
                : String.format(Locale.ROOT, "%+.1f ± %.1f pts", 100 * value, 100 * error);
    }
}
