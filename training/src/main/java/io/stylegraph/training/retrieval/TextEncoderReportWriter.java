package io.stylegraph.training.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.stylegraph.training.report.ReportFiles;

/**
 * Writes a {@link TextEncoderBenchmark} report through {@link ReportFiles} as
 * {@code text-encoder-fashion-products.json} and {@code .md}; this class holds the Markdown body.
 */
public final class TextEncoderReportWriter {
    public static final String NAME = "text-encoder-fashion-products";

    private TextEncoderReportWriter() {
    }

    public static Path[] write(Map<String, Object> report, Path directory) throws IOException {
        return ReportFiles.write(directory, NAME, report, markdown(report));
    }

    @SuppressWarnings("unchecked")
    public static String markdown(Map<String, Object> report) {
        Map<String, Object> batchedSettings = (Map<String, Object>) report.get("batched");
        Map<String, Object> reference = (Map<String, Object>) report.get("reference");
        StringBuilder md = new StringBuilder("# MiniLM text encoder on fashion-products: one text per call vs batched\n\n");
        md.append("Written by `").append(report.get("command")).append("` on ").append(report.get("date"))
                .append(". ").append(report.get("items")).append(" items drawn with seed ").append(report.get("seed"))
                .append("; their texts joined by `ItemTexts` as the embedding job joins them (title, category, colour, "
                        + "…), and their titles alone. Both encoders get the same texts in calls of ")
                .append(report.get("textsPerCall"))
                .append(" (the embedding job's batch), after an untimed warm-up; each round times the langchain4j "
                        + "encoder, then the batched one.\n\n");
        md.append("- langchain4j: ").append(reference.get("encoder")).append(" (").append(reference.get("workers"))
                .append(" workers).\n");
        md.append("- batched: ").append(batchedSettings.get("encoder")).append("; up to ")
                .append(batchedSettings.get("batch")).append(" texts per model run, ")
                .append(batchedSettings.get("intraOpThreads")).append(" intra-op threads, truncation at ")
                .append(batchedSettings.get("maxTokens")).append(" tokens.\n\n");
        md.append("| workload | texts | mean tokens | langchain4j texts/s | batched texts/s | ratio | "
                + "langchain4j texts/CPU-s | batched texts/CPU-s | CPU ratio | mean cosine | min cosine |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("workloads")) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s× | %s | %s | %s× | %.6f | %.6f |%n",
                    row.get("workload"), row.get("texts"), row.get("meanTokens"), row.get("referenceTextsPerSecond"),
                    row.get("batchedTextsPerSecond"), row.get("ratio"), row.get("referenceTextsPerCpuSecond"),
                    row.get("batchedTextsPerCpuSecond"), row.get("cpuRatio"),
                    ((Number) row.get("meanCosine")).doubleValue(), ((Number) row.get("minCosine")).doubleValue()));
        }
        md.append("\nTexts/s (wall clock) and texts per CPU second (the process's CPU time, ONNX Runtime's threads "
                + "included: what the work costs, whatever else the cores run) are medians of ")
                .append(report.get("rounds")).append(" rounds; texts/s of every round:\n\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("workloads")) {
            md.append("- ").append(row.get("workload")).append(": langchain4j ").append(row.get("referenceRounds"))
                    .append(", batched ").append(row.get("batchedRounds")).append("\n");
        }
        md.append("\nCosine: between the two encoders' vectors of the same text (1 = the same direction).\n");
        List<Map<String, Object>> precision = (List<Map<String, Object>>) report.get("precisionAt10");
        if (!precision.isEmpty()) {
            md.append("\n## Retrieval precision@10 with each encoder's text vectors\n\n");
            md.append("The retrieval evaluation of `evaluate-retrieval` run on the ").append(report.get("items"))
                    .append(" sampled items (every one a candidate) with ").append(precision.get(0).get("queries"))
                    .append(" query items, once with the langchain4j text vectors and once with the batched "
                            + "encoder's; visual vectors (built-in image encoder) shared. Article type / base colour / "
                            + "both.\n\n");
            md.append("| modality | AQE | DBA | langchain4j | batched | largest difference |\n"
                    + "| --- | --- | --- | --- | --- | --- |\n");
            for (Map<String, Object> row : precision) {
                md.append("| ").append(row.get("modality")).append(" | ").append((boolean) row.get("aqe") ? "yes" : "no")
                        .append(" | ").append((boolean) row.get("dba") ? "yes" : "no").append(" | ")
                        .append(slashed((List<Double>) row.get("reference"))).append(" | ")
                        .append(slashed((List<Double>) row.get("batched"))).append(" | ")
                        .append(row.get("largestDifference")).append(" |\n");
            }
        }
        md.append("\n## Environment\n\n| | |\n| --- | --- |\n");
        ((Map<String, Object>) report.get("environment")).forEach((key, value) -> md.append("| ").append(key)
                .append(" | ").append(value).append(" |\n"));
        md.append("| load average (start / after encoders / end) | ")
                .append(((Map<String, Double>) report.get("loadAverage")).values().stream().map(String::valueOf)
                        .collect(Collectors.joining(" / "))).append(" |\n");
        md.append("\nThe machine is shared and noisy: the load average shows work beside this run on its ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, which slows both encoders; compare the ratio more than single figures, and repeat "
                        + "the command for a spread. The JSON beside this file has every figure.\n");
        return md.toString();
    }

    private static String slashed(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(" / "));
    }
}
