package io.stylegraph.api.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker/bin/trainer-schedule, the compose trainer's daily loop, run for real with a command due in seconds. */
class TrainerScheduleTest {
    private static final Path SCRIPT = RepositoryRoot.find().resolve("docker/bin/trainer-schedule");

    private static Process start(String at, Path log, String... command) throws IOException {
        String[] line = new String[command.length + 2];
        line[0] = "sh";
        line[1] = SCRIPT.toString();
        System.arraycopy(command, 0, line, 2, command.length);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TZ", "UTC");
        builder.environment().put("STYLEGRAPH_TRAIN_AT", at);
        return builder.start();
    }

    @Test
    void shouldRunTheCommandAtTheTimeOfDayAndStopAtOnceWhenAsked(@TempDir Path folder) throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        assumeTrue(now.isBefore(LocalTime.of(23, 59, 50)), "too close to midnight for a time later today");
        assumeTrue(gnuDate(), "needs GNU date, as in the image");
        String at = now.plusSeconds(3).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        Path marker = folder.resolve("ran");
        Path log = folder.resolve("log");

        Process schedule = start(at, log, "sh", "-c", "echo train >> " + marker);
        try {
            for (int i = 0; i < 100 && !Files.exists(marker); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(marker), "the command did not run at " + at + ": " + Files.readString(log));
            Thread.sleep(500);
            assertEquals("train\n", Files.readString(marker), "once, then waits for the next day");
            assertTrue(schedule.isAlive());
        } finally {
            schedule.destroy(); // SIGTERM, as docker stop sends
        }
        assertTrue(schedule.waitFor(5, TimeUnit.SECONDS), "stopped while sleeping until tomorrow");
        assertEquals(143, schedule.exitValue());
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("run finished with exit status 0"), output);
        assertEquals(2, output.lines().filter(l -> l.contains("next run at")).count(), output);
    }

    @Test
    void shouldRefuseATimeThatIsNotATimeOfDay(@TempDir Path folder) throws Exception {
        assumeTrue(gnuDate(), "needs GNU date, as in the image");
        Path log = folder.resolve("log");

        Process schedule = start("25:99", log, "true");

        assertTrue(schedule.waitFor(5, TimeUnit.SECONDS));
        assertEquals(2, schedule.exitValue());
        assertTrue(Files.readString(log).contains("STYLEGRAPH_TRAIN_AT=25:99 is not a time of day"));
    }

    private static boolean gnuDate() throws IOException, InterruptedException {
        Process date = new ProcessBuilder("date", "-d", "tomorrow 02:30", "+%s").redirectErrorStream(true).start();
        return date.waitFor(5, TimeUnit.SECONDS) && date.exitValue() == 0;
    }
}
