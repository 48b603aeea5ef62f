package io.stylegraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.retrieval.CatalogueEmbedder;
import io.stylegraph.training.retrieval.RetrievalPrecision;
import io.stylegraph.training.retrieval.TextEncoderBenchmark;
import io.stylegraph.training.retrieval.TextEncoderReportWriter;
import io.stylegraph.training.search.SearchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-text-encoder}: reads the options, runs {@link TextEncoderBenchmark} (with {@link RetrievalPrecision}
 * unless skipped) and writes its report with {@link TextEncoderReportWriter}.
 */
@Command(name = "bench-text-encoder", mixinStandardHelpOptions = true,
        description = {"Encodes a seeded sample of fashion-products texts, joined as the embedding job joins them (and "
                + "the titles alone), with the langchain4j MiniLM encoder (one text per ONNX call) and the batched "
                + "MiniLM encoder, in calls of the embedding job's size: texts/s of each (median of the rounds), the "
                + "ratio, and the cosine between their vectors; optionally precision@10 of the retrieval evaluation "
                + "on the sample with each encoder's text vectors. Writes text-encoder-fashion-products.json and .md."})
public class BenchTextEncoderCommand implements Callable<Integer> {
    private static final int K = 10;

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
        int perCall = callSize > 0 ? callSize : CatalogueEmbedder.DEFAULT_BATCH;
        TextEncoderBenchmark.Settings settings = new TextEncoderBenchmark.Settings(folder, texts, rounds, perCall,
                batch, threads, seed);
        Map<String, Object> report;
        try (RetrievalPrecision precision = retrievalQueries == 0 ? null
                : new RetrievalPrecision(SearchSettings.DEFAULT, perCall, retrievalQueries, K, seed)) {
            report = TextEncoderBenchmark.run(settings, commandLine(), precision, System.out);
        }
        Path[] written = TextEncoderReportWriter.write(report, reportDirectory);
        System.out.println("Report written to " + written[1]);
        return 0;
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
}
