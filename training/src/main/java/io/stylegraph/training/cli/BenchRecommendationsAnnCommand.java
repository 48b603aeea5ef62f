package io.stylegraph.training.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.job.AnnScoring;
import io.stylegraph.training.retrieval.RecommendationAnnBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-recommendations-ann}: reads the options and runs {@link RecommendationAnnBenchmark}. */
@Command(name = "bench-recommendations-ann", mixinStandardHelpOptions = true,
        description = {"Served recommendations at catalogue scale, in process: for each size a synthetic model shaped "
                + "like the served one (dimension 64, clustered item embeddings, an item-walk), the exact scan against "
                + "the inner-product HNSW path for the same users: recall@20, p50/p99 of each, build time and index "
                + "heap. Writes scale-recommendations-ann.json and .md."})
public class BenchRecommendationsAnnCommand implements Callable<Integer> {

    @Option(names = "--sizes", defaultValue = "23000,230000,1000000", split = ",",
            description = "Catalogue sizes (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--users", defaultValue = "200", description = "Timed users per size (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--build-threads", defaultValue = "0",
            description = "Threads building each graph; 0 for one per processor.")
    int threads;

    @Option(names = "--ef", split = ",",
            description = "Search candidate list sizes to measure over each size's one graph (default: the served one).")
    int[] efs;

    @Option(names = "--ef-construction", description = "Candidate list size while building (default: the served one).")
    Integer efConstruction;

    @Option(names = "--report", defaultValue = "reports", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path reportDirectory;

    @Override
    public Integer call() throws Exception {
        if (users < 1 || threads < 0 || sizes.length == 0 || Arrays.stream(sizes).anyMatch(size -> size < 100)) {
            System.err.println("--users must be at least 1, --build-threads at least 0, every size at least 100");
            return 2;
        }
        int buildThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        String command = "./stylegraph bench-recommendations-ann --sizes "
                + String.join(",", Arrays.stream(sizes).mapToObj(Integer::toString).toList()) + " --users " + users
                + (threads > 0 ? " --build-threads " + threads : "");
        HnswSettings served = AnnScoring.DEFAULT_SETTINGS;
        HnswSettings settings = new HnswSettings(served.threshold(), served.m(),
                efConstruction != null ? efConstruction : served.efConstruction(), served.ef());
        int[] searched = efs != null ? efs : new int[] {served.ef()};
        if (settings.efConstruction() < 1 || Arrays.stream(searched).anyMatch(ef -> ef < 1)) {
            System.err.println("--ef and --ef-construction must be positive");
            return 2;
        }
        command += (efs != null ? " --ef " + String.join(",", Arrays.stream(efs).mapToObj(Integer::toString).toList())
                : "") + (efConstruction != null ? " --ef-construction " + efConstruction : "");
        Path written = RecommendationAnnBenchmark.run(reportDirectory, sizes, users, buildThreads, settings, searched,
                command);
        System.out.println("Report written to " + written);
        return 0;
    }
}
