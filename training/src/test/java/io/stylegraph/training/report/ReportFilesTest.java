package io.stylegraph.training.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    private static final Provenance RUN = new Provenance("./stylegraph evaluate-x --seed 1", "abc123-dirty",
            "2026-12-06T10:00:00Z", "2026-12-06T10:05:00Z", new Machine(2, 3L * 1024 * 1024 * 1024, "17.0.15",
            "Linux amd64"));

    record Figures(String name, int count, Map<String, Double> scores, List<String> notes) {
    }

    @Test
    void shouldWriteTheJsonAndTheMarkdownSideBySideUnderTheReportsName(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("new/reports");
        Figures figures = new Figures("x", 3, Map.of("AUC", 0.75), List.of("one run"));

        Path[] written = ReportFiles.write(folder, "evaluate-x", figures, "# X\n");

        assertArrayEquals(new Path[] {folder.resolve("evaluate-x.json"), folder.resolve("evaluate-x.md")}, written);
        assertEquals("""
                {
                  "name" : "x",
                  "count" : 3,
                  "scores" : {
                    "AUC" : 0.75
                  },
                  "notes" : [ "one run" ]
                }""", Files.readString(written[0]));
        assertEquals("# X\n", Files.readString(written[1]));
    }

    @Test
    void shouldOpenTheMarkdownWithTheCommandRevisionTimesAndMachine() {
        assertEquals("""
                Written by `./stylegraph evaluate-x --seed 1`.

                - git revision: `abc123-dirty`
                - started 2026-12-06T10:00:00Z, finished 2026-12-06T10:05:00Z
                - machine: 2 cores, max heap 3072 MiB, Java 17.0.15, Linux amd64
                """, ReportFiles.provenance(RUN, ReportFiles.HeapLine.WITH_MAX_HEAP));
        assertEquals("""
                Written by `./stylegraph evaluate-x --seed 1`.

                - git revision: `abc123-dirty`
                - started 2026-12-06T10:00:00Z, finished 2026-12-06T10:05:00Z
                - machine: 2 cores, Java 17.0.15, Linux amd64
                """, ReportFiles.provenance(RUN, ReportFiles.HeapLine.WITHOUT_MAX_HEAP));
    }

    @Test
    void shouldShowBytesAsWholeMebibytesAndAFigureThatCouldNotBeReadAsNotAvailable() {
        assertEquals("3 MiB", ReportFiles.mib(3L * 1024 * 1024));
        assertEquals("2 MiB", ReportFiles.mib(1024 * 1024 + 600 * 1024));
        assertEquals("0 MiB", ReportFiles.mib(0));
        assertEquals("n/a", ReportFiles.mib(-1));
    }

    @Test
    void shouldReadTheRevisionAndMachineWhenARunStartsAndTheTimeWhenItFinishes() {
        Provenance started = Provenance.start("cmd");

        Provenance finished = started.finish();

        assertEquals("cmd", started.command());
        assertFalse(started.gitRevision().isBlank());
        assertNull(started.finishedAt());
        assertEquals(Machine.current(), started.machine());
        assertEquals(started.gitRevision(), finished.gitRevision());
        assertEquals(started.startedAt(), finished.startedAt());
        assertTrue(finished.startedAt().compareTo(finished.finishedAt()) <= 0, finished.finishedAt());
    }
}
