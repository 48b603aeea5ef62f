package io.stylegraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.stylegraph.training.retrieval.RetrievalReport;
import io.stylegraph.training.retrieval.RetrievalBenchmark;
import io.stylegraph.training.retrieval.RetrievalReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate-retrieval}: reads the options, runs {@link RetrievalBenchmark} and writes its report. */
@Command(name = "evaluate-retrieval", mixinStandardHelpOptions = true,
        description = {"Embeds the fashion-products catalogue with the configured encoders and measures retrieval: "
                + "precision@10 of same article type / base colour / both for visual, text and hybrid similarity, "
                + "with and without AQE and DBA, beside a random baseline; encoder throughput; query latency against "
                + "the in-memory index; HNSW against the exact scan. Writes retrieval-fashion-products.json and .md."})
public class EvaluateRetrievalCommand implements Callable<Integer> {

    @Option(names = "--datasets-dir", defaultValue = "${STYLEGRAPH_DATASETS_DIR:-../shared/data}",
            description = "Folder holding fashion-products (default: ${DEFAULT-VALUE}).")
    Path datasetsDirectory;

    @Option(names = "--limit", defaultValue = "0",
            description = "Evaluate a seeded random sample of this many items (default: all).")
    int limit;

    @Option(names = "--queries", defaultValue = "1000",
            description = "Query items for precision and latency (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--throughput-sample", defaultValue = "2000",
            description = "Items embedded afresh to time the encoders (default: ${DEFAULT-VALUE}).")
    int throughputSample;

    @Option(names = "--seed", defaultValue = "42", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--siglip-dir", defaultValue = "${STYLEGRAPH_SIGLIP_DIR:-}",
            description = "A FashionSigLIP model folder; blank for the built-in encoders.")
    String siglipDir;

    @Option(names = "--vectors-cache", defaultValue = "data/retrieval-vectors",
            description = "Keeps the catalogue's vectors between runs, per model (default: ${DEFAULT-VALUE}; "
                    + "'none' to embed every time).")
    String vectorsCache;

    @Option(names = "--skip-hnsw", description = "Do not build HNSW graphs to compare with the exact scan.")
    boolean skipHnsw;

    @Option(names = "--report", defaultValue = "reports", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path reportDirectory;

    @Override
    public Integer call() throws Exception {
        Path folder = datasetsDirectory.resolve("fashion-products").toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            System.err.println("No fashion-products dataset at " + folder);
            return 2;
        }
        RetrievalReport report = RetrievalBenchmark.run(new RetrievalBenchmark.Settings(folder, limit, queries,
                throughputSample, seed, siglipDir.isBlank() ? null : Path.of(siglipDir),
                "none".equals(vectorsCache) ? null : Path.of(vectorsCache), skipHnsw), commandLine(), System.out);
        Path[] written = RetrievalReportWriter.write(report, reportDirectory);
        System.out.println("Report written to " + written[1]);
        return 0;
    }

    private String commandLine() {
        StringBuilder command = new StringBuilder("./stylegraph evaluate-retrieval");
        if (limit > 0) {
            command.append(" --limit ").append(limit);
        }
        if (queries != 1000) {
            command.append(" --queries ").append(queries);
        }
        if (seed != 42) {
            command.append(" --seed ").append(seed);
        }
        if (!siglipDir.isBlank()) {
            command.append(" --siglip-dir ").append(siglipDir);
        }
        if (skipHnsw) {
            command.append(" --skip-hnsw");
        }
        return command.toString();
    }
}
