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
                "--datasets-dir", dir.resolve("data").toString(), "--report-dir", dir.resolve("reports").toString(),
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

        int exit = cli.execute("--dataset", "amazon-clothing", "--models", "svd", "--datasets-dir",
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
                "lightgcn-no-dislikes,lightgcn,lightgcn-signed,lightgcn-hard-signed", "--datasets-dir", data.toString(),
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

    /**
     * 60 items in six (kind, style) groups of ten; each of 36 users likes six items of one group (four train, one
     * valid, one test). Item B59, the last wrap dress, is liked once, in test only: a cold item only content can find.
     */
    private static void writeGzip(Path file, String text) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeContentMiniature(Path root) throws Exception {
        String[] kinds = {"Shoes", "Dresses"};
        String[][] styles = {{"Boots", "Sandals", "Sneakers"}, {"Maxi", "Mini", "Wrap"}};
        StringBuilder itemsCsv = new StringBuilder("item_id,brand,categories\n");
        for (int i = 0; i < 60; i++) {
            int group = i / 10;
            itemsCsv.append("B").append(i).append(i % 4 == 0 ? ",Acme," : ",,").append('"')
                    .append("Clothing, Shoes & Jewelry|").append(kinds[group / 3]).append('|')
                    .append(styles[group / 3][group % 3]).append("\"\n");
        }
        StringBuilder interactions = new StringBuilder("user_id,item_id,position\n");
        StringBuilder split = new StringBuilder("user_id,item_id,split\n");
        java.util.Random random = new java.util.Random(7);
        for (int u = 0; u < 36; u++) {
            int group = u % 6;
            java.util.List<Integer> members = new java.util.ArrayList<>();
            for (int i = group * 10; i < group * 10 + 9; i++) {
                members.add(i); // B59 is left out of everyone's history
            }
            java.util.Collections.shuffle(members, random);
            java.util.List<Integer> picked = new java.util.ArrayList<>(members.subList(0, 6));
            if (u == 5) {
                picked.set(5, 59); // user 5 (wrap dresses) likes the cold B59, in test
            }
            for (int k = 0; k < 6; k++) {
                String row = "U" + u + ",B" + picked.get(k);
                interactions.append(row).append(',').append(k).append('\n');
                split.append(row).append(',').append(k < 4 ? "train" : k == 4 ? "valid" : "test").append('\n');
            }
        }
        Path dir = root.resolve("amazon-clothing");
        writeGzip(dir.resolve("items.csv.gz"),
                itemsCsv.toString());
        writeGzip(dir.resolve("interactions.csv.gz"),
                interactions.toString());
        writeGzip(dir.resolve("split.csv.gz"),
                split.toString());
    }

    @Test
    void shouldCompareContentAwareAndIdOnlyModelsWithAColdItemSlice(@TempDir Path dir) throws Exception {
        writeContentMiniature(dir.resolve("data"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EvaluateCommand command = new EvaluateCommand(new PrintStream(console, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(command).execute("--dataset", "amazon-clothing", "--models",
                "popular,content-knn,freedom-id,freedom,item-walk", "--datasets-dir", dir.resolve("data").toString(),
                "--report-dir", dir.resolve("reports").toString(), "--epochs", "3", "--seed", "5", "--threads", "1",
                "--knn-k", "5", "--content-knn-k", "12", "--content-embedding");

        String out = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("reports/evaluate-amazon-clothing.json").toFile());
        JsonNode data = report.get("data");
        assertEquals(1, data.get("coldTestLikes").asInt(), "B59 is the one test like without a train like");
        assertEquals("category", data.get("modalities").get(0).asText());
        JsonNode models = report.get("models");
        assertEquals("content-knn", models.get(1).get("name").asText());
        // user 5 likes wrap dresses: B59 shares both categories with them, so content ranks it high among 60
        assertEquals(1.0, models.get(1).get("coldItemTest").get("Recall@20").asDouble(), 1e-9, out);
        assertEquals(0.0, models.get(0).get("coldItemTest").get("Recall@20").asDouble(), 1e-9,
                "popularity cannot rank an item nobody liked in train");
        assertEquals("true", models.get(3).get("parameters").get("contentEmbedding").asText());
        assertEquals("false", models.get(2).get("parameters").get("itemGraph").asText(), "freedom-id: no content");
        assertEquals("false", models.get(2).get("parameters").get("contentEmbedding").asText());
        assertEquals("item-walk", models.get(4).get("name").asText());
        assertEquals(0.0, models.get(4).get("coldItemTest").get("Recall@20").asDouble(), 1e-9,
                "no walk reaches an item nobody liked");
        assertTrue(models.get(4).get("test").get("Recall@20").asDouble() > 0, out);
        String markdown = Files.readString(dir.resolve("reports/evaluate-amazon-clothing.md"));
        assertTrue(markdown.contains("## Cold-item slice"), markdown);
        assertTrue(markdown.contains("item content: category"), markdown);
    }

    @Test
    void shouldBlendATrainedModelWithContentNeighboursAndContrastChosenOnValidation(@TempDir Path dir)
            throws Exception {
        writeContentMiniature(dir.resolve("data"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EvaluateCommand command = new EvaluateCommand(new PrintStream(console, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(command).execute("--dataset", "amazon-clothing", "--models", "freedom",
                "--datasets-dir", dir.resolve("data").toString(), "--report-dir", dir.resolve("reports").toString(),
                "--epochs", "2", "--seed", "5", "--threads", "1", "--knn-k", "5", "--content-knn-k", "12",
                "--contrast-weight", "0.1", "--contrast-noise", "0.01", "--blend-with", "content-knn",
                "--blend-content-weights", "0.5,2", "--save-embeddings", dir.resolve("vectors").toString());

        String out = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        JsonNode models = new ObjectMapper().readTree(dir.resolve("reports/evaluate-amazon-clothing.json").toFile())
                .get("models");
        assertEquals(2, models.size(), out);
        assertEquals("0.1", models.get(0).get("parameters").get("contrastWeight").asText());
        assertEquals("freedom+content-knn", models.get(1).get("name").asText());
        assertTrue(models.get(1).get("parameters").get("blendValidationGrid").asText().matches("0\\.5:\\S+ 2\\.0:\\S+"),
                models.get(1).toString());
        // the blend brings content neighbours, which find the one test like no train like reaches
        assertEquals(1.0, models.get(1).get("coldItemTest").get("Recall@20").asDouble(), 1e-9, out);
        int users = Files.readAllLines(dir.resolve("vectors/users.txt")).size();
        int items = Files.readAllLines(dir.resolve("vectors/items.txt")).size();
        assertEquals(users * 64L * Float.BYTES, Files.size(dir.resolve("vectors/freedom-users.f32")));
        assertEquals(items * 64L * Float.BYTES, Files.size(dir.resolve("vectors/freedom-items.f32")));
    }

    @Test
    void shouldRejectANegativeBoundOnTheBatchesOfAnEpoch(@TempDir Path dir) throws Exception {
        writeContentMiniature(dir.resolve("data"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new EvaluateCommand(new PrintStream(console, true, StandardCharsets.UTF_8)));
        cli.setErr(new java.io.PrintWriter(console, true));

        int exit = cli.execute("--dataset", "amazon-clothing", "--models", "lightgcn", "--datasets-dir",
                dir.resolve("data").toString(), "--report-dir", dir.resolve("reports").toString(), "--epochs", "1",
                "--threads", "1", "--max-batches-per-epoch", "-3");

        assertNotEquals(0, exit);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("--max-batches-per-epoch takes"),
                console.toString());
        assertTrue(Files.notExists(dir.resolve("reports/evaluate-amazon-clothing.json")), "refused before training");
    }

    @Test
    void shouldRejectAnUnknownBlendModel(@TempDir Path dir) throws Exception {
        writeContentMiniature(dir.resolve("data"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new EvaluateCommand(new PrintStream(console, true, StandardCharsets.UTF_8)));
        cli.setErr(new java.io.PrintWriter(console, true));

        int exit = cli.execute("--dataset", "amazon-clothing", "--models", "bpr", "--datasets-dir",
                dir.resolve("data").toString(), "--report-dir", dir.resolve("reports").toString(), "--epochs", "1",
                "--threads", "1", "--blend-with", "svd", "--blend-content-weights", "1");

        assertNotEquals(0, exit);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("--blend-with takes"), console.toString());
        assertTrue(Files.notExists(dir.resolve("reports/evaluate-amazon-clothing.json")), "refused before training");
    }

    @Test
    void shouldScoreHeldOutUsersKnownByTheirFirstLikes(@TempDir Path dir) throws Exception {
        writeContentMiniature(dir.resolve("data"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EvaluateCommand command = new EvaluateCommand(new PrintStream(console, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(command).execute("--dataset", "amazon-clothing", "--models",
                "popular,content-profile,lightgcn", "--datasets-dir", dir.resolve("data").toString(),
                "--report-dir", dir.resolve("reports").toString(), "--epochs", "2", "--seed", "5", "--threads", "1",
                "--cold-users", "12", "--cold-likes", "1,2");

        String out = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("reports/evaluate-amazon-clothing.json").toFile());
        assertEquals(24, report.get("data").get("testUsers").asInt(), "the 12 held-out users leave the warm data");
        JsonNode cold = report.get("coldUsers");
        assertEquals(12, cold.get("users").asInt());
        assertEquals(12, cold.get("testLikes").asInt(), "one test like each");
        JsonNode results = cold.get("results");
        assertEquals(6, results.size(), "three models, each known by 1 and by 2 likes");
        assertEquals("content-profile", results.get(2).get("model").asText());
        assertEquals(1, results.get(2).get("likesKnown").asInt());
        // every user likes one group of 10 items of 60, and content places the group's items first from one like
        double content = results.get(2).get("test").get("Recall@20").asDouble();
        double popular = results.get(0).get("test").get("Recall@20").asDouble();
        assertTrue(content >= 0.9 && content > popular, "content " + content + ", popular " + popular);
        assertEquals("lightgcn", results.get(5).get("model").asText());
        String markdown = Files.readString(dir.resolve("reports/evaluate-amazon-clothing.md"));
        assertTrue(markdown.contains("## Cold users"), markdown);
        assertTrue(markdown.contains("| content-profile | 2 |"), markdown);
    }

    @Test
    void shouldRefuseColdUsersOnASplitWithoutSequenceOrder(@TempDir Path dir) throws Exception {
        writeContentMiniature(dir.resolve("data"));
        EvaluateCommand command = new EvaluateCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(command);
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));

        int exit = cli.execute("--dataset", "amazon-clothing-shuffled", "--models", "popular", "--datasets-dir",
                dir.resolve("data").toString(), "--report-dir", dir.resolve("reports").toString(),
                "--cold-users", "5");

        assertNotEquals(0, exit);
        assertTrue(err.toString().contains("sequence order"), err.toString());
    }
}
