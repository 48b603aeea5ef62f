package io.stylegraph.api.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.stylegraph.api.search.ActiveEncoders;
import io.stylegraph.api.search.ItemEmbedder;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.api.search.evaluation.RetrievalEvaluation;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.report.ReportFiles;
import io.stylegraph.training.retrieval.CatalogueEmbedder;
import io.stylegraph.training.retrieval.EmbeddedCatalogue;
import io.stylegraph.training.retrieval.PrecisionRow;
import io.stylegraph.training.retrieval.TextEncoderBenchmark;
import io.stylegraph.training.retrieval.Throughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-text-encoder}: reads the options, runs {@link TextEncoderBenchmark} and writes its report. */
@Command(name = "bench-text-encoder", mixinStandardHelpOptions = true,
        description = {"Encodes a seeded sample of fashion-products texts, joined as the embedding job joins them (and "
                + "the titles alone), with the langchain4j MiniLM encoder (one text per ONNX call) and the batched "
                + "MiniLM encoder, in calls of the embedding job's size: texts/s of each (median of the rounds), the "
                + "ratio, and the cosine between their vectors; optionally precision@10 of the retrieval evaluation "
                + "on the sample with each encoder's text vectors. Writes text-encoder-fashion-products.json and .md."})
public class BenchTextEncoderCommand implements Callable<Integer> {
    private static final int K = 10;
    static final String REPORT_NAME = "text-encoder-fashion-products";

    @Option(names = "--datasets-dir", defaultValue = "${STYLEGRAPH_DATASETS_DIR:-../shared/data}",
            description = "Folder holding fashion-products (default: ${DEFAULT-VALUE}).")
    Path datasetsDirectory;

    @Option(names = "--texts", defaultValue = "5000", description = "Items in the sample (default: ${DEFAULT-VALUE}).")
    int texts;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds per encoder and workload; the report "
            + "gives their median (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--call-size", defaultValue = "0", description = "Texts per encode call; 0 for the embedding "
            + "job's stylegraph.search.embed-batch-size (64).")
    int callSize;

    @Option(names = "--batch", defaultValue = "" + MiniLmTextEncoder.DEFAULT_BATCH,
            description = "Texts per model run of the batched encoder (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "0",
            description = "ONNX Runtime threads of the batched encoder; 0 for one per processor.")
    int threads;

    @Option(names = "--retrieval-queries", defaultValue = "1000", description = "Query items of the retrieval "
            + "precision comparison on the sample (embeds the sample's pictures once); 0 skips it "
            + "(default: ${DEFAULT-VALUE}).")
    int retrievalQueries;

    @Option(names = "--seed", defaultValue = "42", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", defaultValue = "reports", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path reportDirectory;

    @Override
    public Integer call() throws Exception {
        Path folder = datasetsDirectory.resolve("fashion-products").toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            System.err.println("No fashion-products dataset at " + folder);
            return 2;
        }
        if (texts < 1 || rounds < 1 || batch < 1 || threads < 0 || callSize < 0 || retrievalQueries < 0) {
            System.err.println("--texts, --rounds and --batch must be at least 1; --threads, --call-size and "
                    + "--retrieval-queries at least 0");
            return 2;
        }
        SearchConfiguration config = new SearchConfiguration();
        int perCall = callSize > 0 ? callSize : config.getEmbedBatchSize();
        TextEncoderBenchmark.Settings settings = new TextEncoderBenchmark.Settings(folder, texts, rounds, perCall,
                batch, threads, seed);
        Map<String, Object> report;
        try (ServicePrecision precision = retrievalQueries == 0 ? null : new ServicePrecision(config, perCall)) {
            report = TextEncoderBenchmark.run(settings, commandLine(), precision, System.out);
        }
        write(report);
        return 0;
    }

    /**
     * Precision@10 of the service's retrieval evaluation ({@link RetrievalEvaluation}) on the sample with given text
     * vectors; the visual vectors, from the built-in image encoder, are embedded at the first call and shared. The
     * encoders open at the first call, after the benchmark's own have closed.
     */
    private final class ServicePrecision implements TextEncoderBenchmark.TextPrecision, AutoCloseable {
        private final SearchConfiguration config;
        private final int perCall;
        private ActiveEncoders encoders;
        private ItemEmbedder embedder;
        private Map<String, float[]> visual;

        ServicePrecision(SearchConfiguration config, int perCall) {
            this.config = config;
            this.perCall = perCall;
        }

        @Override
        public List<PrecisionRow> rows(List<Item> items, Map<String, float[]> text) {
            if (encoders == null) {
                encoders = new ActiveEncoders((Path) null);
                embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
                visual = new CatalogueEmbedder(encoders.image(), encoders.text(), embedder::readImage, perCall)
                        .images(items, new Throughput.Builder());
            }
            Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();
            vectors.put("visual", visual);
            vectors.put("text", text);
            RetrievalEvaluation evaluation = new RetrievalEvaluation(new EmbeddedCatalogue(items, vectors), encoders,
                    embedder, config, seed);
            return evaluation.precision(evaluation.queryItems(retrievalQueries), K);
        }

        @Override
        public void close() {
            if (encoders != null) {
                encoders.close();
            }
        }
    }

    private String commandLine() {
        StringBuilder command = new StringBuilder("./stylegraph bench-text-encoder");
        if (texts != 5000) {
            command.append(" --texts ").append(texts);
        }
        if (rounds != 3) {
            command.append(" --rounds ").append(rounds);
        }
        if (callSize != 0) {
            command.append(" --call-size ").append(callSize);
        }
        if (batch != MiniLmTextEncoder.DEFAULT_BATCH) {
            command.append(" --batch ").append(batch);
        }
        if (threads != 0) {
            command.append(" --threads ").append(threads);
        }
        if (retrievalQueries != 1000) {
            command.append(" --retrieval-queries ").append(retrievalQueries);
        }
        if (seed != 42) {
            command.append(" --seed ").append(seed);
        }
        return command.toString();
    }

    @SuppressWarnings("unchecked")
    private void write(Map<String, Object> report) throws IOException {
        Map<String, Object> batchedSettings = (Map<String, Object>) report.get("batched");
        Map<String, Object> reference = (Map<String, Object>) report.get("reference");
        StringBuilder md = new StringBuilder("# MiniLM text encoder on fashion-products: one text per call vs batched\n\n");
        md.append("Written by `").append(report.get("command")).append("` on ").append(report.get("date"))
                .append(". ").append(report.get("items")).append(" items drawn with seed ").append(seed)
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
                    row.get("batchedTextsPerCpuSecond"), row.get("cpuRatio"), (double) row.get("meanCosine"),
                    (double) row.get("minCosine")));
        }
        md.append("\nTexts/s (wall clock) and texts per CPU second (the process's CPU time, ONNX Runtime's threads "
                + "included: what the work costs, whatever else the cores run) are medians of ").append(rounds)
                .append(" rounds; texts/s of every round:\n\n");
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
                        .collect(java.util.stream.Collectors.joining(" / "))).append(" |\n");
        md.append("\nThe machine is shared and noisy: the load average shows work beside this run on its ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, which slows both encoders; compare the ratio more than single figures, and repeat "
                        + "the command for a spread. The JSON beside this file has every figure.\n");
        Path[] written = ReportFiles.write(reportDirectory, REPORT_NAME, report, md.toString());
        System.out.println("Report written to " + written[1]);
    }

    private static String slashed(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
