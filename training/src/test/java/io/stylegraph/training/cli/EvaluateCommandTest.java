package io.stylegraph.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.training.data.AmazonClothingLoaderTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {

    @Test
    void shouldTrainEvaluateAndWriteJsonAndMarkdownReports(@TempDir Path dir) throws Exception {
        AmazonClothingLoaderTestSupport.writeMiniature(dir.resolve("data"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EvaluateCommand command = new EvaluateCommand(new PrintStream(console, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(command).execute("--dataset", "amazon-clothing", "--models", "popular,bpr,lightgcn",
                "--data-dir", dir.resolve("data").toString(), "--report-dir", dir.resolve("reports").toString(),
                "--epochs", "2", "--seed", "5", "--threads", "1");

        assertEquals(0, exit, console.toString(StandardCharsets.UTF_8));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("reports/evaluate-amazon-clothing.json").toFile());
        assertEquals(3, report.get("models").size());
        JsonNode lightgcn = report.get("models").get(2);
        assertEquals("lightgcn", lightgcn.get("name").asText());
        assertEquals(2, lightgcn.get("epochs").size());
        assertTrue(lightgcn.get("test").has("Recall@20"));
        assertTrue(lightgcn.get("test").has("Coverage@50"));
        assertEquals("5", lightgcn.get("parameters").get("seed").asText());
        assertEquals(2, report.get("data").get("testUsers").asInt());
        assertNotEquals("", report.get("gitRevision").asText());
        String markdown = Files.readString(dir.resolve("reports/evaluate-amazon-clothing.md"));
        assertTrue(markdown.contains("| lightgcn |"), markdown);
        assertTrue(markdown.contains("Written by `evaluate --dataset amazon-clothing --models popular,bpr,lightgcn"),
                markdown);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[bpr] epoch 2 loss"));
    }

    @Test
    void shouldRejectAnUnknownModel(@TempDir Path dir) throws Exception {
        AmazonClothingLoaderTestSupport.writeMiniature(dir.resolve("data"));
        EvaluateCommand command = new EvaluateCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(command);
        cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));

        int exit = cli.execute("--dataset", "amazon-clothing", "--models", "svd", "--data-dir",
                dir.resolve("data").toString(), "--report-dir", dir.resolve("reports").toString());

        assertNotEquals(0, exit);
        assertTrue(Files.notExists(dir.resolve("reports/evaluate-amazon-clothing.json")));
    }

    @Test
    void shouldCompareWaysOfUsingDislikesOnADatasetSplitInTimeOrder(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        RentTheRunwayMiniature.write(data);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EvaluateCommand command = new EvaluateCommand(new PrintStream(console, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(command).execute("--dataset", "rent-the-runway", "--models",
                "lightgcn-no-dislikes,lightgcn,lightgcn-signed,lightgcn-hard-signed", "--data-dir", data.toString(),
                "--report-dir", dir.resolve("reports").toString(), "--epochs", "2", "--threads", "1",
                "--dislike-edge-weight", "0.25", "--report-name", "dislikes-rent-the-runway");

        assertEquals(0, exit, console.toString(StandardCharsets.UTF_8));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("reports/dislikes-rent-the-runway.json").toFile());
        JsonNode models = report.get("models");
        assertEquals(4, models.size());
        assertEquals("0.0", models.get(0).get("parameters").get("hardNegativeRatio").asText());
        assertEquals("0.0", models.get(0).get("parameters").get("dislikeEdgeWeight").asText());
        assertEquals("0.5", models.get(1).get("parameters").get("hardNegativeRatio").asText());
        assertEquals("0.0", models.get(1).get("parameters").get("dislikeEdgeWeight").asText());
        assertEquals("0.0", models.get(2).get("parameters").get("hardNegativeRatio").asText());
        assertEquals("0.25", models.get(2).get("parameters").get("dislikeEdgeWeight").asText());
        assertEquals("0.5", models.get(3).get("parameters").get("hardNegativeRatio").asText());
        assertEquals("0.25", models.get(3).get("parameters").get("dislikeEdgeWeight").asText());
        // the miniature's one dislike given before its user's last train like is kept, the later one is not
        assertEquals(1, report.get("data").get("dislikes").asInt());
        assertEquals(RentTheRunwayMiniature.USERS_WITH_THREE_LIKES, report.get("data").get("testUsers").asInt());
    }
}
