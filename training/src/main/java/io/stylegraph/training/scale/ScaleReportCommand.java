package io.stylegraph.training.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.stylegraph.training.report.Provenance;

/**
 * The last step of {@code bench/scale.sh}: reads each size point's {@code measurements.properties} and writes
 * {@code <report-dir>/scale-<name>.md}, {@code .json} and {@code .png}. A point folder without measurements (its run
 * never started) is skipped with a line on stderr.
 *
 * <pre>java -cp stylegraph.jar io.stylegraph.training.scale.ScaleReportCommand --report-dir reports --name NAME
 *     --command "bench/scale.sh …" POINT_DIR...</pre>
 */
public final class ScaleReportCommand {
    private ScaleReportCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path reportDir = Path.of("reports");
        String name = null;
        String command = "bench/scale.sh";
        List<ScalePoint> points = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--report-dir" -> reportDir = Path.of(args[++i]);
                case "--name" -> name = args[++i];
                case "--command" -> command = args[++i];
                default -> {
                    Path folder = Path.of(args[i]);
                    if (Files.isRegularFile(folder.resolve("measurements.properties"))) {
                        points.add(ScalePoint.read(folder));
                    } else {
                        System.err.println("scale report: no measurements in " + folder + ", left out");
                    }
                }
            }
        }
        if (name == null || points.isEmpty()) {
            System.err.println("usage: ScaleReportCommand --report-dir DIR --name NAME [--command LINE] POINT_DIR...");
            System.exit(2);
        }
        Provenance run = Provenance.start(command).finish();
        Path written = new ScaleReport(name, run, points).write(reportDir);
        System.err.println("scale report: wrote " + written + " and its .json and .png");
    }
}
