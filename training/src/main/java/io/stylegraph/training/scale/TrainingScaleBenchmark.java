package io.stylegraph.training.scale;

import io.stylegraph.graph.imports.synthetic.SyntheticCatalogue;
import io.stylegraph.training.data.GenericFolderLoader;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.graph.ItemKnnGraph;
import io.stylegraph.training.graph.ItemNeighbours;
import io.stylegraph.training.model.FreedomConfig;
import io.stylegraph.training.model.FreedomTrainer;
import io.stylegraph.training.model.TrainingData;
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
 * ({@link SyntheticCatalogue}, generated once into the work folder) is read straight into training data, and the
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
                           int evaluationUsers, int threads, boolean lazyAdam) {
        public Settings {
            points = List.copyOf(points);
            if (points.isEmpty() || maxBatches < 1 || evaluationUsers < 1 || threads < 1) {
                throw new IllegalArgumentException("need a size point, and positive batches, users and threads");
            }
            if (!List.of("lightgcn", "freedom", "bpr").contains(model)) {
                throw new IllegalArgumentException("model is lightgcn, freedom or bpr, not '" + model + "'");
            }
        }
    }

    private final Settings settings;
    private final PrintStream out;

    public TrainingScaleBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
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
            rows.add(measure(point));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("provenance", run.finish());
        report.put("model", settings.model());
        report.put("parameters", config().toParameters());
        report.put("seed", settings.seed());
        report.put("maxBatchesPerEpoch", settings.maxBatches());
        report.put("evaluationUsers", settings.evaluationUsers());
        report.put("points", rows);
        report.put("epochSecondsExponent", rows.size() < 2 ? null : exponent(rows, "epochSeconds"));
        report.put("evaluationSecondsExponent", rows.size() < 2 ? null : exponent(rows, "evaluationSeconds"));
        return report;
    }

    private Map<String, Object> measure(SizePoint point) throws IOException {
        Path folder = settings.workDir().resolve(point.folderName(settings.seed()));
        if (!Files.exists(folder.resolve("interactions.jsonl"))) {
            out.printf(Locale.ROOT, "generating %s%n", folder);
            new SyntheticCatalogue(new SyntheticCatalogue.Settings(point.items(), point.users(), point.likes(),
                    settings.seed(), point.items() / 200, 32), SyntheticCatalogue.Progress.SILENT).write(folder);
        }
        System.gc();
        ResourceUsage.resetPeaks();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("items", point.items());
        row.put("users", point.users());
        row.put("likes", point.likes());
        long t0 = System.nanoTime();
        GenericFolderLoader.Loaded loaded = GenericFolderLoader.load(folder);
        TrainingData data = TrainingData.of(loaded.dataset()).withFeatures(loaded.features());
        row.put("loadSeconds", seconds(t0));
        row.put("trainLikes", data.likes().nnz());
        out.printf(Locale.ROOT, "%d items, %d users: %d train likes read in %.1f s%n", point.items(), point.users(),
                data.likes().nnz(), (double) row.get("loadSeconds"));

        FreedomTrainer trainer = new FreedomTrainer(config());
        long t1 = System.nanoTime();
        ItemNeighbours neighbours = new ItemKnnGraph(config().knnK()).neighbours(loaded.features());
        row.put("knnSeconds", seconds(t1));
        row.put("knnBuild", loaded.dataset().numItems() > ItemKnnGraph.EXACT_UP_TO ? "approximate (HNSW)" : "exact");
        out.printf(Locale.ROOT, "  item kNN (%s): %.1f s%n", row.get("knnBuild"), (double) row.get("knnSeconds"));

        FreedomTrainer.EpochTiming timing = trainer.timeFirstEpoch(data,
                config().itemGraph() ? neighbours : null, settings.maxBatches());
        row.put("batchesRun", timing.batchesRun());
        row.put("batchesPerEpoch", timing.batchesPerEpoch());
        row.put("measuredSeconds", timing.seconds());
        row.put("epochSeconds", timing.epochSeconds());
        row.put("epochSecondsPerMillionLikes", timing.epochSeconds() / (data.likes().nnz() / 1e6));
        out.printf(Locale.ROOT, "  epoch: %d of %d batches in %.1f s, %.1f s per epoch, %.1f s per million likes%n",
                timing.batchesRun(), timing.batchesPerEpoch(), timing.seconds(), timing.epochSeconds(),
                (double) row.get("epochSecondsPerMillionLikes"));

        try (Evaluator evaluator = Evaluator.standard(settings.threads())) {
            EvaluationResult result = evaluator.evaluateSample(timing.model().scorer(), data.likes(),
                    loaded.dataset().split().valid(), settings.evaluationUsers(), settings.seed());
            row.put("evaluationUsers", result.users());
            row.put("evaluationSeconds", result.seconds());
            row.put("validRecall@20", result.get("Recall@20"));
            out.printf(Locale.ROOT, "  evaluation on %d sampled users: %.1f s%n", result.users(), result.seconds());
        }
        row.put("peakHeapBytes", ResourceUsage.peakHeapBytes());
        row.put("peakRssBytes", ResourceUsage.peakRssBytes());
        return row;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The least-squares slope b of log(metric) against log(likes). */
    static double exponent(List<Map<String, Object>> rows, String metric) {
        int n = rows.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Map<String, Object> row : rows) {
            double x = Math.log(((Number) row.get("likes")).doubleValue());
            double y = Math.log(((Number) row.get(metric)).doubleValue());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
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
        md.append("| items | users | likes | train likes | read s | kNN | kNN s | batches timed | epoch s | "
                + "epoch s per M likes | eval users | eval s | valid Recall@20 | peak heap | peak RSS |\n");
        md.append("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("points")) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %s | %.1f | %d/%d | %.1f | %.1f | %d | "
                            + "%.1f | %.4f | %s | %s |%n", row.get("items"), row.get("users"), row.get("likes"),
                    row.get("trainLikes"), row.get("loadSeconds"), row.get("knnBuild"), row.get("knnSeconds"),
                    row.get("batchesRun"), row.get("batchesPerEpoch"), row.get("epochSeconds"),
                    row.get("epochSecondsPerMillionLikes"), row.get("evaluationUsers"), row.get("evaluationSeconds"),
                    row.get("validRecall@20"), ReportFiles.mib((long) row.get("peakHeapBytes")),
                    ReportFiles.mib((long) row.get("peakRssBytes"))));
        }
        Object b = report.get("epochSecondsExponent");
        md.append(b == null ? "\nOne point: no growth exponent.\n" : String.format(Locale.ROOT,
                "%nFitted growth: seconds per epoch ∝ likes^%.2f (1.00 would be a flat cost per like); evaluation "
                        + "seconds ∝ likes^%.2f.%n", (double) b, (double) report.get("evaluationSecondsExponent")));
        return md.toString();
    }
}
