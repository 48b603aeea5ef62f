package io.stylegraph.training.scale;

import io.stylegraph.graph.imports.synthetic.SyntheticCatalogue;
import io.stylegraph.training.data.GenericFolderLoader;
import io.stylegraph.training.data.StreamingFolderLoader;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.graph.ItemKnnGraph;
import io.stylegraph.training.graph.ItemNeighbours;
import io.stylegraph.training.model.FreedomConfig;
import io.stylegraph.training.model.FreedomTrainer;
import io.stylegraph.training.model.TrainingData;
import io.stylegraph.training.report.GrowthFit;
import io.stylegraph.training.report.Provenance;
import io.stylegraph.training.report.ReportFiles;
import io.stylegraph.training.report.ResourceUsage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How training's costs grow with the catalogue: for each size point a seeded synthetic catalogue
 * ({@link SyntheticCatalogue}, generated once into the work folder) is read straight into training data
 * ({@link StreamingFolderLoader}; optionally also timed with the object-per-like {@link GenericFolderLoader}), and the
 * benchmark measures the item kNN build (FREEDOM's item–item graph; approximate above
 * {@link ItemKnnGraph#EXACT_UP_TO} items), one training epoch (or its first batches, projected to the epoch), one
 * evaluation pass on a seeded user sample, and the peak heap and resident memory. Across the points it fits
 * seconds per epoch ∝ likes^b by least squares on the logarithms: b = 1 is a cost per like that does not grow.
 */
public final class TrainingScaleBenchmark {

    /** One size of the synthetic catalogue. */
    public record SizePoint(long items, long users, long likes) {
        public static SizePoint parse(String text) {
            String[] parts = text.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a size point is items:users:likes, not '" + text + "'");
            }
            return new SizePoint(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }

        String folderName(long seed) {
            return "synthetic-" + items + "-" + users + "-" + likes + "-seed" + seed;
        }
    }

    /** What to measure. */
    public record Settings(List<SizePoint> points, long seed, Path workDir, String model, int maxBatches,
                           int evaluationUsers, int threads, boolean lazyAdam, List<Integer> batchBounds,
                           boolean timeObjectReader, int knnProbes) {
        public Settings {
            points = List.copyOf(points);
            batchBounds = List.copyOf(batchBounds);
            if (points.isEmpty() || maxBatches < 1 || evaluationUsers < 1 || threads < 1 || knnProbes < 1) {
                throw new IllegalArgumentException("need a size point, and positive batches, users, threads and kNN probes");
            }
            if (batchBounds.isEmpty() || batchBounds.stream().anyMatch(b -> b < 0)
                    || batchBounds.stream().distinct().count() < batchBounds.size()) {
                throw new IllegalArgumentException("batches-per-epoch bounds are distinct counts, 0 for none, not "
                        + batchBounds);
            }
            if (!List.of("lightgcn", "freedom", "bpr").contains(model)) {
                throw new IllegalArgumentException("model is lightgcn, freedom or bpr, not '" + model + "'");
            }
        }
    }

    /** Items per modality whose exact neighbours measure the kNN build's recall. */
    static final int KNN_RECALL_SAMPLE = 200;

    private final Settings settings;
    private final PrintStream out;

    public TrainingScaleBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    private FreedomConfig config(int batchBound) {
        return config().withMaxBatchesPerEpoch(batchBound);
    }

    private FreedomConfig config() {
        FreedomConfig base = switch (settings.model()) {
            case "freedom" -> FreedomConfig.freedom();
            case "bpr" -> FreedomConfig.bprMf();
            default -> FreedomConfig.lightGcn();
        };
        return base.withMaxEpochs(1).withThreads(settings.threads()).withLazyAdam(settings.lazyAdam())
                .withSeed(settings.seed());
    }

    /** Measures every point in turn and returns the report (as JSON-ready maps). */
    public Map<String, Object> run(String command) throws IOException {
        Provenance run = Provenance.start(command);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SizePoint point : settings.points()) {
            rows.addAll(measure(point));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("provenance", run.finish());
        report.put("model", settings.model());
        report.put("parameters", config().toParameters());
        report.put("seed", settings.seed());
        report.put("maxBatchesPerEpoch", settings.maxBatches());
        report.put("evaluationUsers", settings.evaluationUsers());
        report.put("points", rows);
        Map<String, Object> epochExponents = new LinkedHashMap<>();
        Map<String, Object> evaluationExponents = new LinkedHashMap<>();
        for (int bound : settings.batchBounds()) {
            List<Map<String, Object>> same = rows.stream()
                    .filter(row -> ((Number) row.get("maxBatchesPerEpoch")).intValue() == bound).toList();
            epochExponents.put(String.valueOf(bound), same.size() < 2 ? null : exponent(same, "epochSeconds"));
            evaluationExponents.put(String.valueOf(bound),
                    same.size() < 2 ? null : exponent(same, "evaluationSeconds"));
        }
        report.put("batchBounds", settings.batchBounds());
        report.put("epochSecondsExponents", epochExponents);
        report.put("evaluationSecondsExponents", evaluationExponents);
        return report;
    }

    /** One row per batches-per-epoch bound: the data and kNN are read and built once and shared by the rows. */
    private List<Map<String, Object>> measure(SizePoint point) throws IOException {
        Path folder = settings.workDir().resolve(point.folderName(settings.seed()));
        if (!Files.exists(folder.resolve("interactions.jsonl"))) {
            out.printf(Locale.ROOT, "generating %s%n", folder);
            new SyntheticCatalogue(new SyntheticCatalogue.Settings(point.items(), point.users(), point.likes(),
                    settings.seed(), point.items() / 200, 32), SyntheticCatalogue.Progress.SILENT).write(folder);
        }
        Double objectReadSeconds = null;
        if (settings.timeObjectReader()) {
            System.gc();
            long t = System.nanoTime();
            int likes = GenericFolderLoader.load(folder).dataset().split().train().nnz();
            objectReadSeconds = seconds(t);
            out.printf(Locale.ROOT, "%d items: %d train likes read as objects in %.1f s%n", point.items(), likes,
                    objectReadSeconds);
        }
        System.gc();
        ResourceUsage.resetPeaks();
        Map<String, Object> shared = new LinkedHashMap<>();
        Map<String, Object> row = shared;
        row.put("items", point.items());
        row.put("users", point.users());
        row.put("likes", point.likes());
        long t0 = System.nanoTime();
        GenericFolderLoader.Loaded loaded = StreamingFolderLoader.load(folder);
        TrainingData data = TrainingData.of(loaded.dataset()).withFeatures(loaded.features());
        row.put("loadSeconds", seconds(t0));
        row.put("objectLoadSeconds", objectReadSeconds);
        row.put("trainLikes", data.likes().nnz());
        out.printf(Locale.ROOT, "%d items, %d users: %d train likes read in %.1f s%n", point.items(), point.users(),
                data.likes().nnz(), (double) row.get("loadSeconds"));

        ItemNeighbours neighbours = null;
        if (config().itemGraph()) {
            long t1 = System.nanoTime();
            neighbours = new ItemKnnGraph(config().knnK(), ItemKnnGraph.EXACT_UP_TO,
                    settings.knnProbes()).neighbours(loaded.features());
            row.put("knnSeconds", seconds(t1));
            row.put("knnProbes", settings.knnProbes());
            row.put("knnSampledRecall", ItemKnnGraph.sampledRecall(loaded.features(), neighbours, KNN_RECALL_SAMPLE,
                    settings.seed()));
            row.put("knnBuild", loaded.dataset().numItems() > ItemKnnGraph.EXACT_UP_TO ? "approximate (cells)" : "exact");
            out.printf(Locale.ROOT, "  item kNN (%s, %d probes): %.1f s, recall@k %.4f on %d sampled items%n",
                    row.get("knnBuild"), settings.knnProbes(), (double) row.get("knnSeconds"),
                    (double) row.get("knnSampledRecall"), KNN_RECALL_SAMPLE);
        } else {
            // the model has no item-item graph (LightGCN, BPR): nothing to build, and nothing in its epoch uses one
            row.put("knnBuild", "none (" + settings.model() + ")");
        }

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int bound : settings.batchBounds()) {
            row = new LinkedHashMap<>(shared);
            rows.add(row);
            timeEpoch(row, bound, data, loaded, neighbours);
            row.put("peakHeapBytes", ResourceUsage.peakHeapBytes());
            row.put("peakRssBytes", ResourceUsage.peakRssBytes());
        }
        return rows;
    }

    private void timeEpoch(Map<String, Object> row, int bound, TrainingData data, GenericFolderLoader.Loaded loaded,
                           ItemNeighbours neighbours) {
        FreedomConfig config = config(bound);
        FreedomTrainer trainer = new FreedomTrainer(config);
        FreedomTrainer.EpochTiming timing = trainer.timeFirstEpoch(data,
                config.itemGraph() ? neighbours : null, settings.maxBatches());
        row.put("maxBatchesPerEpoch", bound);
        row.put("batchSize", timing.batchSize());
        row.put("learningRate", config.forTrainingLikes(data.likes().nnz()).learningRate());
        row.put("batchesRun", timing.batchesRun());
        row.put("batchesPerEpoch", timing.batchesPerEpoch());
        row.put("measuredSeconds", timing.seconds());
        row.put("epochSeconds", timing.epochSeconds());
        row.put("epochSecondsPerMillionLikes", timing.epochSeconds() / (data.likes().nnz() / 1e6));
        out.printf(Locale.ROOT, "  bound %d, batch %d: %d of %d batches in %.1f s, %.1f s per epoch, %.1f s per "
                        + "million likes%n", bound, timing.batchSize(), timing.batchesRun(), timing.batchesPerEpoch(), timing.seconds(), timing.epochSeconds(),
                (double) row.get("epochSecondsPerMillionLikes"));

        try (Evaluator evaluator = Evaluator.standard(settings.threads())) {
            EvaluationResult result = evaluator.evaluateSample(timing.model().scorer(), data.likes(),
                    loaded.dataset().split().valid(), settings.evaluationUsers(), settings.seed());
            row.put("evaluationUsers", result.users());
            row.put("evaluationSeconds", result.seconds());
            row.put("validRecall@20", result.get("Recall@20"));
            out.printf(Locale.ROOT, "  evaluation on %d sampled users: %.1f s, valid Recall@20 %.4f%n",
                    result.users(), result.seconds(), result.get("Recall@20"));
        }
    }

    private static String orDash(Object value, String format) {
        return value == null ? "—" : String.format(Locale.ROOT, format, value);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The least-squares slope b of log(metric) against log(likes) ({@link GrowthFit}); NaN below two sizes. */
    static double exponent(List<Map<String, Object>> rows, String metric) {
        return GrowthFit.of(rows.stream().map(row -> new GrowthFit.Point(((Number) row.get("likes")).doubleValue(),
                ((Number) row.get(metric)).doubleValue())).toList()).map(GrowthFit::exponent).orElse(Double.NaN);
    }

    /** The Markdown of a report {@link #run} returned. */
    @SuppressWarnings("unchecked")
    public static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# Training at scale\n\n");
        md.append(ReportFiles.provenance((Provenance) report.get("provenance"), ReportFiles.HeapLine.WITH_MAX_HEAP));
        md.append(String.format(Locale.ROOT, "%nModel %s, seed %s; an epoch is timed over its first %s batches at "
                        + "most and projected to the whole epoch; evaluation ranks every item for a seeded sample of "
                        + "at most %s users with validation likes.%n%n", report.get("model"), report.get("seed"),
                report.get("maxBatchesPerEpoch"), report.get("evaluationUsers")));
        md.append("The batches-per-epoch bound is FreedomConfig.maxBatchesPerEpoch (0: none, the batch stays "
                + "2,048); above it the batch grows and the learning rate with its square root. Read and kNN "
                + "seconds are shared by a size's rows; peak memory is the size's peak up to that row. Read s is the "
                + "streaming reader's; in brackets the object-per-like loader's on the same files, when timed.\n\n");
        md.append(String.format(Locale.ROOT, "The kNN build (both modalities) is timed on its own; its recall@k "
                + "against the exact neighbours of %d sampled items per modality is its recall column.%n%n",
                KNN_RECALL_SAMPLE));
        md.append("| items | users | likes | train likes | read s | kNN | kNN s | kNN recall | batch bound | batch | batches timed "
                + "| epoch s | epoch s per M likes | eval users | eval s | valid Recall@20 | peak heap | peak RSS |\n");
        md.append("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("points")) {
            Object objects = row.get("objectLoadSeconds");
            String read = String.format(Locale.ROOT, "%.1f", (double) row.get("loadSeconds"))
                    + (objects == null ? "" : String.format(Locale.ROOT, " (objects %.1f)", (double) objects));
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %s | %s | %s | %d | %d | %d/%d | "
                            + "%.1f | %.1f | %d | %.1f | %.4f | %s | %s |%n", row.get("items"), row.get("users"),
                    row.get("likes"), row.get("trainLikes"), read, row.get("knnBuild"),
                    orDash(row.get("knnSeconds"), "%.1f"), orDash(row.get("knnSampledRecall"), "%.4f"), row.get("maxBatchesPerEpoch"), row.get("batchSize"),
                    row.get("batchesRun"), row.get("batchesPerEpoch"), row.get("epochSeconds"),
                    row.get("epochSecondsPerMillionLikes"), row.get("evaluationUsers"), row.get("evaluationSeconds"),
                    row.get("validRecall@20"), ReportFiles.mib((long) row.get("peakHeapBytes")),
                    ReportFiles.mib((long) row.get("peakRssBytes"))));
        }
        Map<String, Object> epochExponents = (Map<String, Object>) report.get("epochSecondsExponents");
        Map<String, Object> evaluationExponents = (Map<String, Object>) report.get("evaluationSecondsExponents");
        md.append('\n');
        for (Map.Entry<String, Object> e : epochExponents.entrySet()) {
            Object b = e.getValue();
            md.append(b == null ? String.format(Locale.ROOT, "Batch bound %s: one point, no growth exponent.%n",
                    e.getKey()) : String.format(Locale.ROOT, "Batch bound %s: fitted growth seconds per epoch ∝ "
                            + "likes^%.2f (1.00 would be a flat cost per like); evaluation seconds ∝ likes^%.2f.%n",
                    e.getKey(), (double) b, (double) evaluationExponents.get(e.getKey())));
        }
        return md.toString();
    }
}
