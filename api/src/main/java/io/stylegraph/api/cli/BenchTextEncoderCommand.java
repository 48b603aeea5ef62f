package io.stylegraph.api.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import io.stylegraph.api.search.ActiveEncoders;
import io.stylegraph.api.search.ItemEmbedder;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.api.search.evaluation.RetrievalEvaluation;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.imports.ImportSinks;
import io.stylegraph.graph.imports.sources.FashionProductsSource;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.Vectors;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.models.text.LangChain4jMiniLmEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.report.ReportFiles;
import io.stylegraph.training.report.RunEnvironment;
import io.stylegraph.training.retrieval.CatalogueEmbedder;
import io.stylegraph.training.retrieval.EmbeddedCatalogue;
import io.stylegraph.training.retrieval.ItemTexts;
import io.stylegraph.training.retrieval.PrecisionRow;
import io.stylegraph.training.retrieval.Throughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-text-encoder", mixinStandardHelpOptions = true,
        description = {"Encodes a seeded sample of fashion-products texts, joined as the embedding job joins them (and "
                + "the titles alone), with the langchain4j MiniLM encoder (one text per ONNX call) and the batched "
                + "MiniLM encoder, in calls of the embedding job's size: texts/s of each (median of the rounds), the "
                + "ratio, and the cosine between their vectors; optionally precision@10 of the retrieval evaluation "
                + "on the sample with each encoder's text vectors. Writes text-encoder-fashion-products.json and .md."})
public class BenchTextEncoderCommand implements Callable<Integer> {
    private static final int K = 10;
    private static final int WARM_UP_TEXTS = 256;
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

    /** One workload's outcome: the texts/s of every round of each encoder and how their vectors agree. */
    record Workload(String name, int texts, double meanTokens, List<Double> referenceRates, List<Double> batchedRates,
                    List<Double> referenceCpuRates, List<Double> batchedCpuRates, double meanCosine,
                    double minCosine) {
        double referenceMedian() {
            return median(referenceRates);
        }

        double batchedMedian() {
            return median(batchedRates);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path folder = datasetsDirectory.resolve("fashion-products").toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            System.err.println("No fashion-products dataset at " + folder);
            return 2;
        }
        // the revision of the code that runs, even if the checkout changes before the report is written
        Map<String, Object> environment = RunEnvironment.describe();
        if (texts < 1 || rounds < 1 || batch < 1 || threads < 0 || callSize < 0 || retrievalQueries < 0) {
            System.err.println("--texts, --rounds and --batch must be at least 1; --threads, --call-size and "
                    + "--retrieval-queries at least 0");
            return 2;
        }
        SearchConfiguration config = new SearchConfiguration();
        int perCall = callSize > 0 ? callSize : config.getEmbedBatchSize();
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("start", RunEnvironment.loadAverage());
        List<Item> items = sample(folder);
        List<String> itemTexts = items.stream().map(BenchTextEncoderCommand::text).toList();
        List<String> titles = items.stream().map(Item::title).filter(t -> t != null && !t.isBlank()).toList();

        List<Workload> workloads = new ArrayList<>();
        Map<String, float[]> referenceVectors;
        Map<String, float[]> batchedVectors;
        int batchedThreads;
        double referenceLoadSeconds;
        double batchedLoadSeconds;
        long started = System.nanoTime();
        try (LangChain4jMiniLmEncoder reference = new LangChain4jMiniLmEncoder()) {
            referenceLoadSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            try (MiniLmTextEncoder batched = threads > 0 ? new MiniLmTextEncoder(threads, batch)
                    : new MiniLmTextEncoder(Runtime.getRuntime().availableProcessors(), batch)) {
                batchedLoadSeconds = (System.nanoTime() - started) / 1e9;
                batchedThreads = batched.threads();
                List<String> warmUp = itemTexts.subList(0, Math.min(WARM_UP_TEXTS, itemTexts.size()));
                reference.encode(warmUp);
                batched.encode(warmUp);
                List<float[]>[] itemVectors = measure("item texts", itemTexts, reference, batched, perCall,
                        workloads);
                measure("titles", titles, reference, batched, perCall, workloads);
                referenceVectors = byItem(items, itemVectors[0]);
                batchedVectors = byItem(items, itemVectors[1]);
            }
        }
        load.put("afterEncoders", RunEnvironment.loadAverage());
        List<Map<String, Object>> precision = retrievalQueries == 0 ? List.of()
                : precision(items, referenceVectors, batchedVectors, config, perCall);
        load.put("end", RunEnvironment.loadAverage());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "text-encoder");
        report.put("dataset", "fashion-products");
        report.put("path", folder.toString());
        report.put("command", commandLine());
        report.put("date", java.time.Instant.now().toString());
        report.put("items", items.size());
        report.put("seed", seed);
        report.put("rounds", rounds);
        report.put("textsPerCall", perCall);
        report.put("model", MiniLmTextEncoder.MODEL_ID);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("encoder", "langchain4j AllMiniLmL6V2EmbeddingModel: one text per ONNX Runtime call, the texts of "
                + "a call spread over its worker pool");
        reference.put("workers", Runtime.getRuntime().availableProcessors());
        reference.put("loadSeconds", round(referenceLoadSeconds, 1));
        report.put("reference", reference);
        Map<String, Object> batchedSettings = new LinkedHashMap<>();
        batchedSettings.put("encoder", "MiniLmTextEncoder: ONNX Runtime, texts sorted by token count, padded per batch");
        batchedSettings.put("batch", batch);
        batchedSettings.put("intraOpThreads", batchedThreads);
        batchedSettings.put("maxTokens", MiniLmTextEncoder.MAX_TOKENS);
        batchedSettings.put("loadSeconds", round(batchedLoadSeconds, 1));
        report.put("batched", batchedSettings);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Workload workload : workloads) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("workload", workload.name());
            row.put("texts", workload.texts());
            row.put("meanTokens", round(workload.meanTokens(), 1));
            row.put("referenceTextsPerSecond", round(workload.referenceMedian(), 1));
            row.put("batchedTextsPerSecond", round(workload.batchedMedian(), 1));
            row.put("ratio", round(workload.batchedMedian() / workload.referenceMedian(), 2));
            row.put("referenceRounds", workload.referenceRates().stream().map(r -> round(r, 1)).toList());
            row.put("batchedRounds", workload.batchedRates().stream().map(r -> round(r, 1)).toList());
            double referenceCpu = median(workload.referenceCpuRates());
            double batchedCpu = median(workload.batchedCpuRates());
            row.put("referenceTextsPerCpuSecond", round(referenceCpu, 1));
            row.put("batchedTextsPerCpuSecond", round(batchedCpu, 1));
            row.put("cpuRatio", round(batchedCpu / referenceCpu, 2));
            row.put("meanCosine", round(workload.meanCosine(), 6));
            row.put("minCosine", round(workload.minCosine(), 6));
            rows.add(row);
        }
        report.put("workloads", rows);
        report.put("precisionAt10", precision);
        report.put("environment", environment);
        report.put("loadAverage", load);
        write(report);
        return 0;
    }

    /** The first {@link #texts} items, in a seeded random order, that have words. */
    private List<Item> sample(Path folder) throws IOException {
        List<Item> all = new ArrayList<>();
        new FashionProductsSource(folder).read(ImportSinks.itemsTo(all::add));
        Collections.shuffle(all, new Random(seed));
        List<Item> items = new ArrayList<>(Math.min(texts, all.size()));
        for (Item item : all) {
            if (items.size() == texts) {
                break;
            }
            if (!text(item).isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    /** The words the embedding job encodes for an item. */
    static String text(Item item) {
        return ItemTexts.of(item.title(), item.category(), item.colour(), item.description(), item.brand(),
                item.categories());
    }

    /** Times both encoders on the texts, interleaved round by round; returns the last round's vectors of each. */
    @SuppressWarnings("unchecked")
    private List<float[]>[] measure(String name, List<String> workload, TextEncoder reference,
                                    MiniLmTextEncoder batched, int perCall, List<Workload> out) {
        List<Double> referenceRates = new ArrayList<>();
        List<Double> batchedRates = new ArrayList<>();
        List<Double> referenceCpuRates = new ArrayList<>();
        List<Double> batchedCpuRates = new ArrayList<>();
        List<float[]> referenceVectors = List.of();
        List<float[]> batchedVectors = List.of();
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long cpu = processCpuNanos();
            referenceVectors = encodeInCalls(reference, workload, perCall);
            referenceRates.add(workload.size() / ((System.nanoTime() - started) / 1e9));
            referenceCpuRates.add(workload.size() / ((processCpuNanos() - cpu) / 1e9));
            started = System.nanoTime();
            cpu = processCpuNanos();
            batchedVectors = encodeInCalls(batched, workload, perCall);
            batchedRates.add(workload.size() / ((System.nanoTime() - started) / 1e9));
            batchedCpuRates.add(workload.size() / ((processCpuNanos() - cpu) / 1e9));
            System.out.printf(Locale.ROOT, "%s, round %d/%d: langchain4j %.1f texts/s (%.1f per CPU second), "
                            + "batched %.1f texts/s (%.1f per CPU second)%n", name, round, rounds,
                    referenceRates.get(round - 1), referenceCpuRates.get(round - 1), batchedRates.get(round - 1),
                    batchedCpuRates.get(round - 1));
        }
        double sum = 0;
        double min = 1;
        for (int i = 0; i < workload.size(); i++) {
            double cosine = Vectors.dot(referenceVectors.get(i), batchedVectors.get(i));
            sum += cosine;
            min = Math.min(min, cosine);
        }
        long tokens = 0;
        for (String text : workload) {
            tokens += batched.tokens(text);
        }
        out.add(new Workload(name, workload.size(), tokens / (double) workload.size(), referenceRates, batchedRates,
                referenceCpuRates, batchedCpuRates, sum / workload.size(), min));
        return new List[] {referenceVectors, batchedVectors};
    }

    /** CPU time of the whole process, ONNX Runtime's native threads included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<float[]> encodeInCalls(TextEncoder encoder, List<String> workload, int perCall) {
        List<float[]> vectors = new ArrayList<>(workload.size());
        for (int from = 0; from < workload.size(); from += perCall) {
            vectors.addAll(encoder.encode(workload.subList(from, Math.min(from + perCall, workload.size()))));
        }
        return vectors;
    }

    private static Map<String, float[]> byItem(List<Item> items, List<float[]> vectors) {
        Map<String, float[]> out = new LinkedHashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            out.put(items.get(i).id(), vectors.get(i));
        }
        return out;
    }

    /**
     * Precision@10 rows of the retrieval evaluation for the text and hybrid modalities, on the sample, once with each
     * encoder's text vectors (the visual vectors, from the built-in image encoder, are shared).
     */
    private List<Map<String, Object>> precision(List<Item> items, Map<String, float[]> referenceText,
                                                Map<String, float[]> batchedText, SearchConfiguration config,
                                                int perCall) {
        try (ActiveEncoders encoders = new ActiveEncoders((Path) null)) {
            ItemEmbedder embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
            Map<String, float[]> visual = new CatalogueEmbedder(encoders.image(), encoders.text(),
                    embedder::readImage, perCall).images(items, new Throughput.Builder());
            List<PrecisionRow> before = precisionRows(items, visual, referenceText, encoders,
                    embedder, config);
            List<PrecisionRow> after = precisionRows(items, visual, batchedText, encoders,
                    embedder, config);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                PrecisionRow was = before.get(i);
                PrecisionRow now = after.get(i);
                if (!was.modality().equals("text") && !was.modality().equals("hybrid")) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("modality", was.modality());
                row.put("aqe", was.aqe());
                row.put("dba", was.dba());
                row.put("queries", was.queries());
                row.put("reference", List.of(round(was.articleType(), 4), round(was.baseColour(), 4),
                        round(was.both(), 4)));
                row.put("batched", List.of(round(now.articleType(), 4), round(now.baseColour(), 4),
                        round(now.both(), 4)));
                row.put("largestDifference", round(Math.max(Math.abs(was.articleType() - now.articleType()),
                        Math.max(Math.abs(was.baseColour() - now.baseColour()), Math.abs(was.both() - now.both()))), 4));
                rows.add(row);
            }
            return rows;
        }
    }

    private List<PrecisionRow> precisionRows(List<Item> items, Map<String, float[]> visual,
                                                                 Map<String, float[]> text, ActiveEncoders encoders,
                                                                 ItemEmbedder embedder, SearchConfiguration config) {
        Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();
        vectors.put("visual", visual);
        vectors.put("text", text);
        RetrievalEvaluation evaluation = new RetrievalEvaluation(new EmbeddedCatalogue(items, vectors), encoders,
                embedder, config, seed);
        return evaluation.precision(evaluation.queryItems(retrievalQueries), K);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
