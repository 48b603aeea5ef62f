package io.stylegraph.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.models.classical.ColourGradientDescriptor;
import io.stylegraph.models.text.MiniLmTextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stylegraph generate-catalogue}: what it writes and prints, and how it refuses bad sizes. */
class GenerateCatalogueCommandTest {
    @TempDir
    Path work;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new StylegraphCommand()).execute(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void shouldWriteTheCatalogueWithVectorsOfTheNamedModels() throws IOException {
        Path out = work.resolve("synthetic");
        Run run = run("generate-catalogue", "--items", "400", "--users", "50", "--likes", "900", "--seed", "5",
                "--visual-dimension", "6", "--text-dimension", "4", "--text-model", "my-text", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Wrote 400 items, 50 users, 900 likes"), run.out());
        assertTrue(run.out().contains("likes    900 / 900"), run.out());
        for (String name : List.of("items.jsonl", "vectors.jsonl", "users.jsonl", "outfits.jsonl", "interactions.jsonl")) {
            assertTrue(run.out().contains(name), run.out());
        }
        assertEquals(400, Files.readAllLines(out.resolve("items.jsonl")).size());
        String vectors = Files.readAllLines(out.resolve("vectors.jsonl")).get(0);
        assertTrue(vectors.contains("\"visual_model\":\"synthetic-visual\""), vectors);
        assertTrue(vectors.contains("\"text_model\":\"my-text\""), vectors);
        assertEquals(2, Files.readAllLines(out.resolve("outfits.jsonl")).size());
    }

    @Test
    void shouldNameTheServiceEncodersWithTheirDimensionsWhenAsked() throws IOException {
        Path out = work.resolve("service-encoders");
        Run run = run("generate-catalogue", "--items", "200", "--users", "20", "--likes", "300", "--service-encoders",
                "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode row = new ObjectMapper().readTree(Files.readAllLines(out.resolve("vectors.jsonl")).get(0));
        ColourGradientDescriptor visual = new ColourGradientDescriptor();
        assertEquals(visual.modelId(), row.get("visual_model").asText());
        assertEquals(visual.dimension(), row.get("visual").size());
        assertEquals(MiniLmTextEncoder.MODEL_ID, row.get("text_model").asText());
        assertEquals(MiniLmTextEncoder.DIMENSION, row.get("text").size());
    }

    @Test
    void shouldRefuseMoreLikesThanTheUsersCanGiveWithoutWriting() {
        Path out = work.resolve("too-many");
        Run run = run("generate-catalogue", "--items", "10", "--users", "2", "--likes", "11", "--out", out.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("likes must be at most 10"), run.err());
        assertFalse(Files.exists(out));
    }
}
