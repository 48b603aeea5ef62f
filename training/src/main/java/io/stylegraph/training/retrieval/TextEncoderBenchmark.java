package io.stylegraph.training.retrieval;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.imports.ImportSinks;
import io.stylegraph.graph.imports.sources.FashionProductsSource;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.Vectors;
import io.stylegraph.models.text.LangChain4jMiniLmEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.report.RunEnvironment;

/**
 * The MiniLM text encoder benchmark on the fashion-products catalogue: encodes a seeded sample of item texts, joined
 * as the embedding job joins them ({@link ItemTexts}), and the titles alone, with the langchain4j encoder (one text
 * per ONNX call) and the batched {@link MiniLmTextEncoder}, in calls of the embedding job's size; measures texts/s and
 * texts per CPU second of each (every round and the median), and the cosine between their vectors; optionally
 * compares precision@10 of the retrieval evaluation with each encoder's text vectors. Answers the report with the
 * figures, the machine, the git revision and the load average beside them.
 */
public final class TextEncoderBenchmark {
    private static final int WARM_UP_TEXTS = 256;

    /**
     * What to measure.
     *
     * @param folder       the fashion-products folder ({@code items.csv})
     * @param texts        items in the sample (those with words)
     * @param rounds       timed rounds per encoder and workload
     * @param textsPerCall texts per encode call
     * @param batch        texts per model run of the batched encoder
     * @param threads      ONNX Runtime threads of the batched encoder; 0 for one per processor
     */
    public record Settings(Path folder, int texts, int rounds, int textsPerCall, int batch, int threads, long seed) {
        public Settings {
            if (texts < 1 || rounds < 1 || textsPerCall < 1 || batch < 1 || threads < 0) {
                throw new IllegalArgumentException("texts, rounds, texts per call and batch must be at least 1, "
                        + "threads at least 0");
            }
        }
    }

    /**
     * Precision@10 of the retrieval evaluation over the sampled items with these text vectors (item id to vector),
     * one row per modality and reranking as {@code evaluate-retrieval} reports them.
     */
    @FunctionalInterface
    public interface TextPrecision {
        List<PrecisionRow> rows(List<Item> items, Map<String, float[]> textVectors);
    }

    private final Settings settings;
    private final PrintStream out;

    private TextEncoderBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the benchmark once.
     *
     * @param command   the command line to name in the report
     * @param precision the retrieval evaluation to compare the encoders' text vectors with; null to skip it
     * @param out       where the rounds' progress goes
     * @return the report as {@code bench-text-encoder} writes it to {@code text-encoder-fashion-products.json}
     */
    public static Map<String, Object> run(Settings settings, String command, TextPrecision precision,
                                          PrintStream out) throws IOException {
        return new TextEncoderBenchmark(settings, out).run(command, precision);
    }

    private Map<String, Object> run(String command, TextPrecision precision) throws IOException {
        // the revision of the code that runs, even if the checkout changes before the report is written
        Map<String, Object> environment = RunEnvironment.describe();
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("start", RunEnvironment.loadAverage());
        List<Item> items = sample();
        List<String> itemTexts = items.stream().map(TextEncoderBenchmark::text).toList();
        List<String> titles = items.stream().map(Item::title).filter(t -> t != null && !t.isBlank()).toList();

        List<EncoderWorkload> workloads = new ArrayList<>();
        Map<String, float[]> referenceVectors;
        Map<String, float[]> batchedVectors;
        int batchedThreads;
        double referenceLoadSeconds;
        double batchedLoadSeconds;
        long started = System.nanoTime();
        try (LangChain4jMiniLmEncoder reference = new LangChain4jMiniLmEncoder()) {
            referenceLoadSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
            try (MiniLmTextEncoder batched = new MiniLmTextEncoder(threads, settings.batch())) {
                batchedLoadSeconds = (System.nanoTime() - started) / 1e9;
                batchedThreads = batched.threads();
                List<String> warmUp = itemTexts.subList(0, Math.min(WARM_UP_TEXTS, itemTexts.size()));
                reference.encode(warmUp);
                batched.encode(warmUp);
                List<List<float[]>> itemVectors = measure("item texts", itemTexts, reference, batched, workloads);
                measure("titles", titles, reference, batched, workloads);
                referenceVectors = byItem(items, itemVectors.get(0));
                batchedVectors = byItem(items, itemVectors.get(1));
            }
        }
        load.put("afterEncoders", RunEnvironment.loadAverage());
        List<Map<String, Object>> precisionRows = precision == null ? List.of()
                : compare(precision.rows(items, referenceVectors), precision.rows(items, batchedVectors));
        load.put("end", RunEnvironment.loadAverage());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "text-encoder");
        report.put("dataset", FashionProductsSource.NAME);
        report.put("path", settings.folder().toString());
        report.put("command", command);
        report.put("date", Instant.now().toString());
        report.put("items", items.size());
        report.put("seed", settings.seed());
        report.put("rounds", settings.rounds());
        report.put("textsPerCall", settings.textsPerCall());
        report.put("model", MiniLmTextEncoder.MODEL_ID);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("encoder", "langchain4j AllMiniLmL6V2EmbeddingModel: one text per ONNX Runtime call, the "
                + "texts of a call spread over its worker pool");
        reference.put("workers", Runtime.getRuntime().availableProcessors());
        reference.put("loadSeconds", round(referenceLoadSeconds, 1));
        report.put("reference", reference);
        Map<String, Object> batchedSettings = new LinkedHashMap<>();
        batchedSettings.put("encoder", "MiniLmTextEncoder: ONNX Runtime, texts sorted by token count, padded per "
                + "batch");
        batchedSettings.put("batch", settings.batch());
        batchedSettings.put("intraOpThreads", batchedThreads);
        batchedSettings.put("maxTokens", MiniLmTextEncoder.MAX_TOKENS);
        batchedSettings.put("loadSeconds", round(batchedLoadSeconds, 1));
        report.put("batched", batchedSettings);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EncoderWorkload workload : workloads) {
            rows.add(workload.row());
        }
        report.put("workloads", rows);
        report.put("precisionAt10", precisionRows);
        report.put("environment", environment);
        report.put("loadAverage", load);
        return report;
    }

    /** The first {@code texts} items, in a seeded random order, that have words. */
    private List<Item> sample() throws IOException {
        List<Item> all = new ArrayList<>();
        new FashionProductsSource(settings.folder()).read(ImportSinks.itemsTo(all::add));
        Collections.shuffle(all, new Random(settings.seed()));
        List<Item> items = new ArrayList<>(Math.min(settings.texts(), all.size()));
        for (Item item : all) {
            if (items.size() == settings.texts()) {
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

    /** Times both encoders on the texts, interleaved round by round; answers the last round's vectors of each. */
    private List<List<float[]>> measure(String name, List<String> workload, TextEncoder reference,
                                        MiniLmTextEncoder batched, List<EncoderWorkload> outcomes) {
        int rounds = settings.rounds();
        List<Double> referenceRates = new ArrayList<>();
        List<Double> batchedRates = new ArrayList<>();
        List<Double> referenceCpuRates = new ArrayList<>();
        List<Double> batchedCpuRates = new ArrayList<>();
        List<float[]> referenceVectors = List.of();
        List<float[]> batchedVectors = List.of();
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long cpu = processCpuNanos();
            referenceVectors = encodeInCalls(reference, workload);
            referenceRates.add(workload.size() / ((System.nanoTime() - started) / 1e9));
            referenceCpuRates.add(workload.size() / ((processCpuNanos() - cpu) / 1e9));
            started = System.nanoTime();
            cpu = processCpuNanos();
            batchedVectors = encodeInCalls(batched, workload);
            batchedRates.add(workload.size() / ((System.nanoTime() - started) / 1e9));
            batchedCpuRates.add(workload.size() / ((processCpuNanos() - cpu) / 1e9));
            out.printf(Locale.ROOT, "%s, round %d/%d: langchain4j %.1f texts/s (%.1f per CPU second), "
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
        outcomes.add(new EncoderWorkload(name, workload.size(), tokens / (double) workload.size(), referenceRates,
                batchedRates, referenceCpuRates, batchedCpuRates, sum / workload.size(), min));
        return List.of(referenceVectors, batchedVectors);
    }

    /** CPU time of the whole process, ONNX Runtime's native threads included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private List<float[]> encodeInCalls(TextEncoder encoder, List<String> workload) {
        int perCall = settings.textsPerCall();
        List<float[]> vectors = new ArrayList<>(workload.size());
        for (int from = 0; from < workload.size(); from += perCall) {
            vectors.addAll(encoder.encode(workload.subList(from, Math.min(from + perCall, workload.size()))));
        }
        return vectors;
    }

    private static Map<String, float[]> byItem(List<Item> items, List<float[]> vectors) {
        Map<String, float[]> byId = new LinkedHashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            byId.put(items.get(i).id(), vectors.get(i));
        }
        return byId;
    }

    /**
     * The text and hybrid rows of the two precision runs side by side: article type, base colour and both of each
     * encoder's run, and the largest difference between them.
     */
    static List<Map<String, Object>> compare(List<PrecisionRow> reference, List<PrecisionRow> batched) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            PrecisionRow was = reference.get(i);
            PrecisionRow now = batched.get(i);
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

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
