package io.stylegraph.training.cli;

import io.stylegraph.training.graph.ItemKnnGraph;
import io.stylegraph.training.model.FreedomConfig;
import io.stylegraph.training.report.ReportFiles;
import io.stylegraph.training.scale.TrainingScaleBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench-training-scale}: times the item kNN build, an epoch and an evaluation pass on seeded synthetic
 * catalogues of the given sizes ({@link TrainingScaleBenchmark}) and writes {@code <report-name>.json} and {@code .md}.
 */
@Command(name = "bench-training-scale", mixinStandardHelpOptions = true,
        description = "Measure how training's costs grow with the catalogue on synthetic data and write a report.")
public final class BenchTrainingScaleCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "23000:10000:278000,230000:100000:2800000",
            description = "size points as items:users:likes (default: ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--seed", defaultValue = "1", description = "generator and training seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--work-dir", defaultValue = "/tmp/stylegraph-scale",
            description = "where the generated catalogues are kept between runs (default: ${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--model", defaultValue = "lightgcn", description = "lightgcn, freedom or bpr (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--max-batches", defaultValue = "2147483647",
            description = "time at most this many batches of the epoch and project to the whole epoch (default: all)")
    int maxBatches;

    @Option(names = "--max-batches-per-epoch", split = ",",
            defaultValue = "" + FreedomConfig.DEFAULT_MAX_BATCHES_PER_EPOCH,
            description = "bounds on an epoch's batches to compare, each timed at every size, 0 for none "
                    + "(e.g. 0,128; default: ${DEFAULT-VALUE})")
    List<Integer> batchBounds;

    @Option(names = "--time-object-reader",
            description = "also time reading each catalogue with the object-per-like loader, for comparison")
    boolean timeObjectReader;

    @Option(names = "--knn-probes", defaultValue = "" + ItemKnnGraph.DEFAULT_PROBES,
            description = "k-means cells each item searches in the approximate item kNN build (default: ${DEFAULT-VALUE})")
    int knnProbes;

    @Option(names = "--evaluation-users", defaultValue = "10000",
            description = "users in the seeded evaluation sample (default: ${DEFAULT-VALUE})")
    int evaluationUsers;

    @Option(names = "--threads", description = "training threads (default: all cores)")
    Integer threads;

    @Option(names = "--dense-adam", description = "step every embedding row on every batch (default: lazy Adam)")
    boolean denseAdam;

    @Option(names = "--report-dir", defaultValue = "reports", description = "report directory (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--report-name", defaultValue = "scale-training",
            description = "file name of the report without extension (default: ${DEFAULT-VALUE})")
    String reportName;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;

    public BenchTrainingScaleCommand() {
        this(System.out);
    }

    BenchTrainingScaleCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchTrainingScaleCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!reportName.matches("[A-Za-z0-9._-]+")) {
            throw refused("--report-name must be a plain file name, got '" + reportName + "'");
        }
        TrainingScaleBenchmark.Settings settings;
        try {
            settings = new TrainingScaleBenchmark.Settings(sizes.stream().map(TrainingScaleBenchmark.SizePoint::parse)
                    .toList(), seed, workDir, model, maxBatches, evaluationUsers,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads, !denseAdam,
                    batchBounds, timeObjectReader, knnProbes);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        List<String> args = spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
        // as a subcommand (./stylegraph bench-training-scale …) picocli hands over the whole line, its own name first
        List<String> own = !args.isEmpty() && args.get(0).equals(spec.name()) ? args.subList(1, args.size()) : args;
        String command = "bench-training-scale" + (own.isEmpty() ? "" : " " + String.join(" ", own));
        Map<String, Object> report = new TrainingScaleBenchmark(settings, out).run(command);
        Path[] written = ReportFiles.write(reportDir, reportName, report, TrainingScaleBenchmark.markdown(report));
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    private CommandLine.ParameterException refused(String message) {
        return new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(), message);
    }
}
