package io.stylegraph.training.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes an {@link OutfitEvaluationReport} as {@code <name>.json} and {@code <name>.md}. */
final class OutfitReportWriter {

    private OutfitReportWriter() {
    }

    static Path[] write(OutfitEvaluationReport report, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(name + ".json");
        Path markdown = directory.resolve(name + ".md");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        Files.writeString(markdown, markdown(report));
        return new Path[] {json, markdown};
    }

    static String markdown(OutfitEvaluationReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Outfit compatibility on ").append(report.dataset()).append("\n\n");
        md.append("Written by `").append(report.command()).append("`.\n\n");
        md.append("- git revision: `").append(report.gitRevision()).append("`\n");
        md.append("- started ").append(report.startedAt()).append(", finished ").append(report.finishedAt())
                .append('\n');
        md.append(String.format(Locale.ROOT, "- machine: %d cores, max heap %s, Java %s, %s%n",
                report.machine().cores(), mib(report.machine().maxHeapBytes()), report.machine().java(),
                report.machine().os()));
        md.append(String.format(Locale.ROOT, "- peak heap %s, peak RSS %s%n", mib(report.peakHeapBytes()),
                mib(report.peakRssBytes())));
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

    private static String format(String metric, double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return metric.startsWith("FITB") ? String.format(Locale.ROOT, "%.1f %%", 100 * value)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
