package io.stylegraph.training.retrieval;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.job.AnnScoring;
import io.stylegraph.training.job.ExactScores;
import io.stylegraph.training.job.ModelArtifact;
import io.stylegraph.training.job.RetrainingJob;
import io.stylegraph.training.job.ServableModel;
import io.stylegraph.training.model.ItemNeighbourTable;
import io.stylegraph.training.report.Provenance;
import io.stylegraph.training.report.ReportFiles;

/**
 * Served recommendations at catalogue scale, in process: for each catalogue size a synthetic model shaped like the
 * served one (dimension 64, clustered item embeddings whose norms vary with popularity, an item-walk of in-cluster
 * neighbours with a popularity prior, the walk weight and power the runs choose), the exact scan against the ANN path
 * ({@link AnnScoring}) for the same users: recall@20 of the ANN list against the exact one, p50/p99 of each (one
 * thread, after a warm-up), the graph's build time and the heap it holds. Filters: none; one outfit slot of six (items
 * whose row modulo 6 is 0, as the endpoint's slot filter removes five in six items) with its posting list, as the
 * endpoint passes it, and without (the ANN path then judges the filter by the share of its first candidates it
 * passes); half the items with their list (too long to be scored whole: the graph answers).
 * <p>
 * {@code ./stylegraph bench-recommendations-ann} ({@code training.cli.BenchRecommendationsAnnCommand}), or without
 * the service jar {@code java -cp <training classpath> io.stylegraph.training.retrieval.RecommendationAnnBenchmark
 * [report-dir] [sizes] [users] [build-threads]}.
 */
public final class RecommendationAnnBenchmark {
    static final String NAME = "scale-recommendations-ann";
    static final int D = 64;
    static final int K = 20;
    static final int WARM_UP = 50;
    static final int NEIGHBOURS = 10;
    static final double WALK_WEIGHT = 0.2;
    static final double WALK_EXPONENT = 0.25;

    private RecommendationAnnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("merge")) {
            List<Path> parts = Arrays.stream(args).skip(2).map(Path::of).toList();
            merge(Path.of(args[1]), parts);
            return;
        }
        Path directory = Path.of(args.length > 0 ? args[0] : "reports");
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "23000,230000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        HnswSettings defaults = AnnScoring.DEFAULT_SETTINGS;
        HnswSettings settings = args.length > 6 ? new HnswSettings(defaults.threshold(), Integer.parseInt(args[4]),
                Integer.parseInt(args[5]), Integer.parseInt(args[6])) : defaults;
        run(directory, sizes, users, threads, settings, "java -cp <training classpath> "
                + RecommendationAnnBenchmark.class.getName() + " " + String.join(" ", args));
    }

    /** Measures every size with the served defaults and writes the report; returns the Markdown file. */
    public static Path run(Path directory, int[] sizes, int users, int threads, String command) throws Exception {
        return run(directory, sizes, users, threads, AnnScoring.DEFAULT_SETTINGS, command);
    }

    /** Measures every size and writes {@value #NAME}.json and .md into {@code directory}; returns the Markdown file. */
    public static Path run(Path directory, int[] sizes, int users, int threads, HnswSettings settings, String command)
            throws Exception {
        return run(directory, sizes, users, threads, settings, new int[] {settings.ef()}, command);
    }

    /** As {@link #run(Path, int[], int, int, HnswSettings, String)}, each size searched at each of {@code efs}. */
    public static Path run(Path directory, int[] sizes, int users, int threads, HnswSettings settings, int[] efs,
                           String command) throws Exception {
        Provenance run = Provenance.start(command);
        List<Map<String, Object>> rows = new ArrayList<>();
        Path written = null;
        for (int size : sizes) {
            for (Map<String, Object> row : measure(size, users, settings, threads, efs)) {
                row.put("m", settings.m());
                row.put("efConstruction", settings.efConstruction());
                row.put("buildThreads", threads);
                row.put("users", users);
                rows.add(row);
            }
            System.err.println("done " + size + ": " + rows);
            // rewritten after every size, so a run stopped during a large one keeps the sizes it finished
            written = write(directory, List.of(run.finish()), rows);
        }
        return written;
    }

    /**
     * One report from the reports of runs made side by side (each part's rows, every part's provenance): a size too
     * large to build with the others in the time at hand runs in a process of its own.
     */
    @SuppressWarnings("unchecked")
    static Path merge(Path directory, List<Path> parts) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Provenance> runs = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path part : parts) {
            Map<String, Object> report = json.readValue(part.toFile(), Map.class);
            for (Object run : (List<Object>) report.get("runs")) {
                runs.add(json.convertValue(run, Provenance.class));
            }
            rows.addAll((List<Map<String, Object>>) report.get("rows"));
        }
        return write(directory, runs, rows);
    }

    /** Writes a report again from its JSON (as {@link #merge} of that one part). */
    public static Path rewrite(Path directory, Path json) throws java.io.IOException {
        return merge(directory, List.of(json));
    }

    private static Path write(Path directory, List<Provenance> runs, List<Map<String, Object>> rows)
            throws java.io.IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", runs);
        report.put("dimension", D);
        report.put("k", K);
        report.put("warmUp", WARM_UP);
        Map<String, Object> walk = new LinkedHashMap<>();
        walk.put("weight", WALK_WEIGHT);
        walk.put("exponent", WALK_EXPONENT);
        walk.put("neighbours", NEIGHBOURS);
        report.put("walk", walk);
        report.put("rows", rows);
        return ReportFiles.write(directory, NAME, report, markdown(runs, rows))[1];
    }

    static List<Map<String, Object>> measure(int n, int users, HnswSettings settings, int threads) throws Exception {
        return measure(n, users, settings, threads, new int[] {settings.ef()});
    }

    /** As {@link #measure(int, int, HnswSettings, int)} for each search ef in turn, over one build of the graph. */
    static List<Map<String, Object>> measure(int n, int users, HnswSettings settings, int threads, int[] efs)
            throws Exception {
        ServableModel model = new ServableModel(model(n, 17L + n));
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        AnnScoring built = AnnScoring.loadOrBuild(model, settings, threads);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        // the process's CPU time while building: unlike wall time, it does not grow with other work on the machine
        double buildCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        long indexBytes = usedHeap() - heapBefore;

        Random random = new Random(n);
        List<float[]> vectors = new ArrayList<>();
        List<List<String>> likes = new ArrayList<>();
        for (int u = 0; u < users + WARM_UP; u++) {
            List<String> liked = new ArrayList<>();
            float[] vector = new float[D];
            int cluster = random.nextInt(Math.max(1, n / 100));
            for (int l = 0; l < 5; l++) {
                int row = Math.min(n - 1, cluster * 100 + random.nextInt(100));
                liked.add(model.itemId(row));
                float[] item = model.itemVector(row);
                for (int k = 0; k < D; k++) {
                    vector[k] += item[k] / 5;
                }
            }
            vectors.add(vector);
            likes.add(liked);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Filter> filters = List.of(new Filter("none", row -> true, false),
                new Filter("one slot of six", row -> row % 6 == 0, true),
                new Filter(ONE_OF_SIX_UNLISTED, row -> row % 6 == 0, false),
                new Filter("half (listed)", row -> row % 2 == 0, true));
        for (int ef : efs) {
            AnnScoring ann = AnnScoring.of(model, built.index().withSearchEf(ef));
            for (Filter filter : filters) {
                int[] among = filter.listed()
                        ? java.util.stream.IntStream.range(0, n).filter(filter.wanted()).toArray() : null;
                Latencies exact = new Latencies(users);
                Latencies approximate = new Latencies(users);
                double recall = 0;
                for (int u = 0; u < users + WARM_UP; u++) {
                    float[] user = vectors.get(u);
                    long t0 = System.nanoTime();
                    int[] exactTop = ExactScores.of(model, user, likes.get(u), true).top(K, filter.wanted());
                    long t1 = System.nanoTime();
                    int[] annTop = ann.scores(user, likes.get(u), true).top(K, filter.wanted(), among);
                    long t2 = System.nanoTime();
                    if (u < WARM_UP) {
                        continue;
                    }
                    exact.add(t1 - t0);
                    approximate.add(t2 - t1);
                    Set<Integer> truth = new HashSet<>();
                    for (int row : exactTop) {
                        truth.add(row);
                    }
                    int hits = 0;
                    for (int row : annTop) {
                        hits += truth.contains(row) ? 1 : 0;
                    }
                    recall += (double) hits / Math.max(1, exactTop.length);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("items", n);
                row.put("filter", filter.name());
                row.put("recallAt20", round(recall / users, 4));
                row.put("exactP50Ms", round(exact.percentileMs(50), 2));
                row.put("exactP99Ms", round(exact.percentileMs(99), 2));
                row.put("annP50Ms", round(approximate.percentileMs(50), 2));
                row.put("annP99Ms", round(approximate.percentileMs(99), 2));
                row.put("buildSeconds", round(buildSeconds, 1));
                row.put("buildCpuSeconds", round(buildCpuSeconds, 3));
                row.put("buildCpuMsPerItem", round(buildCpuSeconds * 1000 / n, 4));
                row.put("indexMiB", round(indexBytes / (1024.0 * 1024.0), 0));
                // the machine is shared: its load says how much of a core each timed request had
                row.put("loadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 1));
                row.put("ef", ef);
                rows.add(row);
            }
        }
        return rows;
    }

    /** The slot filter as a caller without its posting list asks it. */
    static final String ONE_OF_SIX_UNLISTED = "one slot of six, no list";

    /** A filter, and whether the ANN path is told its posting list (as the endpoint is for slots and genders). */
    private record Filter(String name, IntPredicate wanted, boolean listed) {
    }

    /**
     * A model of n items: n/100 cluster centres, each item its centre plus noise, scaled by a norm that grows with
     * its popularity (as trained embeddings' norms do); users as the model never needs them (the benchmark brings its
     * own vectors); an item-walk of {@value #NEIGHBOURS} in-cluster neighbours per item with a Zipf-like prior.
     */
    static ModelArtifact model(int n, long seed) {
        Random random = new Random(seed);
        int clusters = Math.max(1, n / 100);
        float[] centres = new float[clusters * D];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) random.nextGaussian();
        }
        float[] items = new float[n * D];
        float[] prior = new float[n];
        List<String> ids = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            ids.add(String.format(Locale.ROOT, "item-%07d", row));
            int cluster = Math.min(clusters - 1, row / 100);
            double popularity = 1.0 / (1 + random.nextInt(1000));
            prior[row] = (float) (0.05 * popularity);
            double norm = 0.2 * (1 + 0.5 * Math.log1p(1000 * popularity));
            for (int k = 0; k < D; k++) {
                items[row * D + k] = (float) (norm * (centres[cluster * D + k] + 0.7 * random.nextGaussian()));
            }
        }
        int[] rowStart = new int[n + 1];
        int[] columns = new int[n * NEIGHBOURS];
        float[] values = new float[n * NEIGHBOURS];
        for (int row = 0; row < n; row++) {
            int cluster = Math.min(clusters - 1, row / 100);
            for (int j = 0; j < NEIGHBOURS; j++) {
                columns[row * NEIGHBOURS + j] = Math.min(n - 1, cluster * 100 + random.nextInt(100));
                values[row * NEIGHBOURS + j] = random.nextFloat();
            }
            rowStart[row + 1] = (row + 1) * NEIGHBOURS;
        }
        Map<String, Object> metadata = Map.of(RetrainingJob.ITEM_WALK, Map.of("knownUserWeight", WALK_WEIGHT,
                "foldInUserWeight", WALK_WEIGHT, "knownUserExponent", WALK_EXPONENT, "foldInUserExponent",
                WALK_EXPONENT));
        return new ModelArtifact(null, List.of("u"), ids, D, new float[D], items, metadata)
                .withItemWalk(new ItemNeighbourTable(rowStart, columns, values, prior));
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** The slope of log build CPU seconds on log items, one point per size; empty below two sizes. */
    static java.util.OptionalDouble fittedExponent(List<Map<String, Object>> rows) {
        Map<Double, Double> bySize = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Object cpu = row.get("buildCpuSeconds");
            if (cpu instanceof Number seconds && seconds.doubleValue() > 0) {
                bySize.put(((Number) row.get("items")).doubleValue(), seconds.doubleValue());
            }
        }
        return io.stylegraph.training.report.GrowthFit.of(bySize.entrySet().stream()
                        .map(e -> new io.stylegraph.training.report.GrowthFit.Point(e.getKey(), e.getValue())).toList())
                .map(fit -> java.util.OptionalDouble.of(fit.exponent())).orElse(java.util.OptionalDouble.empty());
    }

    static String markdown(List<Provenance> runs, List<Map<String, Object>> rows) {
        StringBuilder md = new StringBuilder("# Recommendations at scale: inner-product ANN against the exact scan\n\n");
        for (Provenance run : runs) {
            md.append(ReportFiles.provenance(run, ReportFiles.HeapLine.WITH_MAX_HEAP)).append('\n');
        }
        md.append(String.format(Locale.ROOT, "In process, one thread per request, after %d warm-up requests; k = %d, "
                        + "dimension %d; synthetic clustered item embeddings and an item-walk (%d neighbours, weight "
                        + "%s, power %s) blended as served. Latency is the ranking alone (scores, filter, top k), not "
                        + "HTTP. recall@20: share of the exact scan's 20 the ANN list has. A filter \"listed\" hands the ANN "
                        + "path its posting list; one of at most a quarter of the items is scored whole.%n%n", WARM_UP, K, D,
                NEIGHBOURS, WALK_WEIGHT, WALK_EXPONENT));
        boolean cpu = rows.stream().anyMatch(row -> row.containsKey("buildCpuSeconds"));
        md.append("| items | filter | recall@20 | exact p50 ms | exact p99 ms | ANN p50 ms | ANN p99 ms | build s "
                + (cpu ? "| build CPU s | build CPU ms/item " : "")
                + "| index MiB | M / efC / ef | build threads | users | load average |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|" + (cpu ? "---:|---:|" : "") + "---:|---|---:|---:|---:|\n");
        for (Map<String, Object> row : rows) {
            String cpuCells = cpu ? String.format(Locale.ROOT, " %s | %s |", row.get("buildCpuSeconds"),
                    row.get("buildCpuMsPerItem")) : "";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%s %s | %s / %s / %s | %s "
                            + "| %s | %s |%n",
                    row.get("items"), row.get("filter"), row.get("recallAt20"), row.get("exactP50Ms"),
                    row.get("exactP99Ms"), row.get("annP50Ms"), row.get("annP99Ms"), row.get("buildSeconds"),
                    cpuCells, row.get("indexMiB"), row.get("m"), row.get("efConstruction"), row.get("ef"),
                    row.get("buildThreads"), row.get("users"), row.get("loadAverage")));
        }
        fittedExponent(rows).ifPresent(exponent -> md.append(String.format(Locale.ROOT, "%nBuild CPU time grows "
                + "as items^%.2f (least-squares fit of log CPU seconds on log items over the sizes above).%n",
                exponent)));
        return md.toString();
    }
}
