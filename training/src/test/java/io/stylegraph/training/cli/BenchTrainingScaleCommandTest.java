package io.stylegraph.training.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTrainingScaleCommandTest {

    @CommandLine.Command(name = "stylegraph")
    static final class Launcher {
    }

    @Test
    void shouldNameItselfOnceInTheReportWhenRunAsASubcommand(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new Launcher()).addSubcommand("bench-training-scale",
                new BenchTrainingScaleCommand(new PrintStream(console, true, StandardCharsets.UTF_8)));

        int exit = cli.execute("bench-training-scale", "--sizes", "400:120:3000", "--max-batches", "1",
                "--evaluation-users", "20", "--threads", "1", "--max-batches-per-epoch", "0,1", "--work-dir",
                dir.resolve("work").toString(), "--report-dir", dir.resolve("reports").toString());

        assertEquals(0, exit, console.toString(StandardCharsets.UTF_8));
        String markdown = Files.readString(dir.resolve("reports/scale-training.md"));
        assertTrue(markdown.contains("Written by `bench-training-scale --sizes 400:120:3000 "), markdown);
        assertTrue(markdown.contains("| 400 | 120 | 3000 |"), markdown);
    }
}
