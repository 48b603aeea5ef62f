package io.stylegraph.api.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stylegraph.api.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service in a child JVM ({@code serve} on embedded Neo4j and PostgreSQL in a temporary data directory) takes a
 * stream of likes, is killed with SIGKILL in the middle of it (its PostgreSQL is left running, as after a
 * {@code kill -9}), and is started again on the same data directory: it must come up with one start, and every like it
 * had answered 202 must be there, in the API and in PostgreSQL.
 */
class CrashRestartTest {
    private static final Pattern ADMIN_TOKEN = Pattern.compile("^\\s+admin\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Duration START_LIMIT = Duration.ofSeconds(150);
    private static final int LIKES_BEFORE_KILL = 25;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldKeepEveryAnsweredLikeAcrossAKillAndComeBackWithOneStart(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        Path catalogue = Files.createDirectories(work.resolve("catalogue"));
        Files.writeString(catalogue.resolve("items.jsonl"),
                "{\"id\": \"crash-1\", \"title\": \"Linen shirt\", \"slot\": \"top\"}\n");
        Files.createDirectories(work.resolve("no-datasets"));
        Path pgData = data.resolve("postgres");
        int port = freePort();
        Process first = null;
        Process second = null;
        try {
            first = start(work, data, catalogue, port, work.resolve("first.log"));
            String token = awaitReady(first, work.resolve("first.log"), port);

            List<String> answered = new CopyOnWriteArrayList<>();
            Thread likes = new Thread(() -> sendLikes(port, token, answered), "likes");
            likes.setDaemon(true);
            likes.start();
            while (answered.size() < LIKES_BEFORE_KILL && likes.isAlive()) {
                Thread.sleep(5);
            }
            first.destroyForcibly();
            first.waitFor();
            likes.join(10_000);
            assertTrue(answered.size() >= LIKES_BEFORE_KILL, "likes answered before the kill: " + answered.size());
            assertTrue(StalePostmaster.runningPostmaster(pgData).isPresent(),
                    "the killed service's PostgreSQL is still running, as after kill -9");

            second = start(work, data, catalogue, port, work.resolve("second.log"));
            String again = awaitReady(second, work.resolve("second.log"), port);

            for (String user : answered) {
                String feedback = get(port, again, "/v1/users/" + user + "/feedback");
                assertTrue(feedback.contains("crash-1"), user + ": " + feedback);
            }
            String restartLog = Files.readString(work.resolve("second.log"), StandardCharsets.UTF_8);
            assertTrue(restartLog.contains("still running in " + pgData), "the orphan is reported:\n" + restartLog);
            assertTrue(restartLog.contains("was not shut down cleanly"), "Neo4j's recovery is reported");
            Set<String> stored = likedInPostgres(pgData);
            assertTrue(stored.containsAll(answered), "missing in PostgreSQL: " + missing(answered, stored));
            assertEquals(Set.copyOf(answered).size(), answered.size());
        } finally {
            stop(second);
            stop(first);
            StalePostmaster.runningPostmaster(pgData).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().join();
            });
        }
    }

    private static Set<String> missing(List<String> answered, Set<String> stored) {
        Set<String> missing = new HashSet<>(answered);
        missing.removeAll(stored);
        return missing;
    }

    private static Process start(Path work, Path data, Path catalogue, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "serve", "--data-dir", data.toString(), "--port", String.valueOf(port), "--bolt-port", "0",
                "--catalog", catalogue.toString(), "--datasets-dir", work.resolve("no-datasets").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("STYLEGRAPH_") || name.startsWith("NEO4J_")
                || name.startsWith("JDBC_"));
        env.put("STYLEGRAPH_NEO4J_PAGECACHE_MB", "32");
        env.put("STYLEGRAPH_RATE_LIMIT_ENABLED", "false");
        return builder.start();
    }

    /** Waits for the service to answer its readiness probe; returns the admin token it printed. */
    private String awaitReady(Process child, Path log, int port) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the service exited with " + child.exitValue() + ":\n" + tail(log));
            }
            Matcher token = ADMIN_TOKEN.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (token.find() && status(port, "/health/readiness") == 200) {
                return token.group(1);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready within " + START_LIMIT.toSeconds() + " s:\n"
                + tail(log));
    }

    private void sendLikes(int port, String token, List<String> answered) {
        for (int i = 0; i < 100_000; i++) {
            String user = "crash-u" + i;
            HttpRequest like = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/users/" + user
                            + "/feedback")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"itemId\": \"crash-1\", \"signal\": \"like\", "
                            + "\"clientEventId\": \"crash-e" + i + "\"}")).build();
            try {
                HttpResponse<String> response = http.send(like, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    answered.add(user);
                }
            } catch (IOException e) {
                return; // the service is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String get(int port, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    /** The users with a like in the feedback log, read straight from the embedded PostgreSQL. */
    private static Set<String> likedInPostgres(Path pgData) throws Exception {
        List<String> pid = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        String url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/" + EmbeddedInfrastructure.DATABASE;
        Set<String> users = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT user_id FROM feedback_event WHERE signal = 'like' AND target_id = 'crash-1'")) {
            while (rs.next()) {
                users.add(rs.getString(1));
            }
        }
        return users;
    }

    private static void stop(Process child) throws InterruptedException {
        if (child == null || !child.isAlive()) {
            return;
        }
        child.destroy();
        if (!child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 4000));
    }
}
