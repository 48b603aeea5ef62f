package io.stylegraph.training.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.stylegraph.training.regions.RegionEvaluation;
import io.stylegraph.training.regions.RegionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-regions}: reads the options, runs {@link RegionEvaluation} (shop-the-look's garment regions against
 * annotated boxes in a folder laid out as clothing-co-parsing: {@code photos/<id>.jpg}, {@code boxes.csv}) and writes
 * {@code regions-<name>.md} and {@code .json}: mean IoU and recall at IoU 0.5 per slot for the built-in
 * body-proportion regions, the ONNX detector when {@code --detector} is given, a fixed-proportion baseline and random
 * boxes.
 */
@Command(name = "evaluate-regions", mixinStandardHelpOptions = true,
        description = "Measure garment regions (shop the look) against annotated boxes and write a report.")
public final class EvaluateRegionsCommand implements Callable<Integer> {

    @Option(names = "--folder", required = true, description = "folder with photos/<id>.jpg and boxes.csv")
    Path folder;

    @Option(names = "--name", description = "report name (default: the folder's name)")
    String name;

    @Option(names = "--report-dir", defaultValue = "reports", description = "report directory (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--detector", description = "a YOLO-style ONNX garment detector to measure as well")
    Path detector;

    @Option(names = "--detector-classes", split = ",",
            description = "the detector's class slots by class index, comma-separated; an empty entry ignores a class")
    List<String> detectorClasses;

    @Option(names = "--detector-layout", description = "auto, v8, v8-rows, v5, v5-columns (default: auto)")
    String detectorLayout;

    @Option(names = "--detector-input-size", defaultValue = "640",
            description = "input side when the model leaves it open (default: ${DEFAULT-VALUE})")
    int detectorInputSize;

    @Option(names = "--limit", description = "evaluate only the first N photos (a quick look; do not report)")
    Integer limit;

    @Option(names = "--seed", defaultValue = "7",
            description = "seed of the random boxes and off-centre offsets (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--off-centre-widen", defaultValue = "1.6", description = "also measure on off-centre copies: "
            + "each photo on a canvas this many times as wide, at a random offset; 0 to skip (default: ${DEFAULT-VALUE})")
    double widen;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    public EvaluateRegionsCommand() {
        this(System.out);
    }

    EvaluateRegionsCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateRegionsCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RegionEvaluation.Detector detectorSettings = null;
        if (detector != null) {
            try {
                detectorSettings = new RegionEvaluation.Detector(detector, detectorClasses, detectorLayout,
                        detectorInputSize);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        RegionReport report = RegionEvaluation.run(new RegionEvaluation.Settings(folder, name, detectorSettings,
                limit, seed, widen), commandLine(), out);
        Path[] written = RegionReportWriter.write(report, reportDir);
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    private String commandLine() {
        List<String> args = spec == null || spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        int at = spec == null ? -1 : args.indexOf(spec.name());
        if (at >= 0) {
            args = args.subList(at + 1, args.size());
        }
        return "./stylegraph evaluate-regions " + String.join(" ", args);
    }
}
