package io.stylegraph.graph.imports.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCatalogueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SyntheticCatalogue.Settings SMALL = new SyntheticCatalogue.Settings(2_000, 300, 6_000, 7, 20, 16);

    @TempDir
    Path temp;

    private static List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void shouldWriteExactlyTheRequestedCounts() throws IOException {
        SyntheticCatalogue.Summary summary = new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT)
                .write(temp);

        assertEquals(2_000, rows(temp.resolve("items.jsonl")).size());
        assertEquals(2_000, rows(temp.resolve("vectors.jsonl")).size());
        assertEquals(300, rows(temp.resolve("users.jsonl")).size());
        List<JsonNode> interactions = rows(temp.resolve("interactions.jsonl"));
        long likes = interactions.stream().filter(r -> r.get("signal").asText().equals("like")).count();
        long dislikes = interactions.size() - likes;
        assertEquals(6_000, likes);
        assertEquals(6_000, summary.likes());
        assertEquals(dislikes, summary.dislikes());
        assertTrue(dislikes > 300 && dislikes <= 600, "about a tenth of the likes are dislikes: " + dislikes);
        assertEquals(summary.outfits(), rows(temp.resolve("outfits.jsonl")).size());
        assertTrue(summary.outfits() > 0);
        assertEquals(summary.totalBytes(), Files.size(temp.resolve("items.jsonl")) + Files.size(temp.resolve(
                "vectors.jsonl")) + Files.size(temp.resolve("users.jsonl")) + Files.size(temp.resolve("outfits.jsonl"))
                + Files.size(temp.resolve("interactions.jsonl")));
    }

    @Test
    void shouldNeverRepeatAUserItemPair() throws IOException {
        new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT).write(temp);

        Set<String> pairs = new HashSet<>();
        for (JsonNode row : rows(temp.resolve("interactions.jsonl"))) {
            assertTrue(pairs.add(row.get("user_id").asText() + "/" + row.get("item_id").asText()), row.toString());
        }
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeed() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Path other = temp.resolve("other");
        new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT).write(first);
        new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT).write(second);
        new SyntheticCatalogue(new SyntheticCatalogue.Settings(2_000, 300, 6_000, 8, 20, 16),
                SyntheticCatalogue.Progress.SILENT).write(other);

        for (String name : List.of("items.jsonl", "vectors.jsonl", "users.jsonl", "outfits.jsonl", "interactions.jsonl")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(first.resolve("interactions.jsonl")),
                Files.readAllBytes(other.resolve("interactions.jsonl"))));
    }

    @Test
    void shouldConcentrateLikesOnFewItemsAndFewUsers() throws IOException {
        new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT).write(temp);

        Map<String, Integer> perItem = new HashMap<>();
        Map<String, Integer> perUser = new HashMap<>();
        for (JsonNode row : rows(temp.resolve("interactions.jsonl"))) {
            if (row.get("signal").asText().equals("like")) {
                perItem.merge(row.get("item_id").asText(), 1, Integer::sum);
                perUser.merge(row.get("user_id").asText(), 1, Integer::sum);
            }
        }
        // uniform popularity would give the top 1 % of items about 1 % of the likes
        assertTrue(topShare(perItem, 20) > 0.08, "top 1 % of items' share: " + topShare(perItem, 20));
        // and uniform activity the top 10 % of users about 10 %
        assertTrue(topShare(perUser, 30) > 0.25, "top 10 % of users' share: " + topShare(perUser, 30));
    }

    @Test
    void shouldMakeLikesFollowTheUsersTasteClusters() throws IOException {
        new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT).write(temp);

        Map<String, String> categoryOf = new HashMap<>();
        Map<String, String> styleOf = new HashMap<>();
        for (JsonNode item : rows(temp.resolve("items.jsonl"))) {
            categoryOf.put(item.get("id").asText(), item.get("category").asText());
            styleOf.put(item.get("id").asText(), item.get("attributes").get("style").asText());
        }
        Map<String, Map<String, Integer>> clustersOfUser = new HashMap<>();
        long likes = 0;
        for (JsonNode row : rows(temp.resolve("interactions.jsonl"))) {
            if (row.get("signal").asText().equals("like")) {
                String item = row.get("item_id").asText();
                clustersOfUser.computeIfAbsent(row.get("user_id").asText(), u -> new HashMap<>())
                        .merge(categoryOf.get(item) + "/" + styleOf.get(item), 1, Integer::sum);
                likes++;
            }
        }
        // for a typical user, their two most frequent clusters (of about 90) hold most of their likes; the most
        // active users like more than their clusters hold and range wider
        double shareSum = 0;
        for (Map<String, Integer> counts : clustersOfUser.values()) {
            int all = counts.values().stream().mapToInt(Integer::intValue).sum();
            shareSum += counts.values().stream().sorted((a, b) -> b - a).limit(2).mapToInt(Integer::intValue).sum()
                    / (double) all;
        }
        double meanShare = shareSum / clustersOfUser.size();
        assertTrue(meanShare > 0.7, "mean share of a user's likes in their top two clusters: " + meanShare);
        assertEquals(6_000, likes);
    }

    @Test
    void shouldClusterVectorsByCategory() throws IOException {
        new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT).write(temp);
        List<JsonNode> items = rows(temp.resolve("items.jsonl"));
        List<JsonNode> vectors = rows(temp.resolve("vectors.jsonl"));

        double same = 0;
        double different = 0;
        int sameCount = 0;
        int differentCount = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = i + 1; j < 300; j++) {
                double cosine = dot(vectors.get(i).get("visual"), vectors.get(j).get("visual"));
                if (items.get(i).get("category").equals(items.get(j).get("category"))) {
                    same += cosine;
                    sameCount++;
                } else {
                    different += cosine;
                    differentCount++;
                }
            }
        }
        assertEquals(16, vectors.get(0).get("visual").size());
        assertEquals(16, vectors.get(0).get("text").size());
        assertEquals(items.get(0).get("id"), vectors.get(0).get("item_id"));
        assertTrue(same / sameCount > different / differentCount + 0.3,
                "mean cosine within a category " + same / sameCount + ", across " + different / differentCount);
    }

    @Test
    void shouldRefuseMoreLikesThanTheUsersCanGive() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SyntheticCatalogue.Settings(100, 10, 501, 1, 0, 8));
        assertTrue(error.getMessage().contains("likes must be at most 500"), error.getMessage());
    }

    @Test
    void shouldRefuseToOverwriteACatalogue() throws IOException {
        Files.writeString(temp.resolve("items.jsonl"), "{}\n");
        IOException error = assertThrows(IOException.class,
                () -> new SyntheticCatalogue(SMALL, SyntheticCatalogue.Progress.SILENT).write(temp));
        assertTrue(error.getMessage().contains("already exists"), error.getMessage());
    }

    private static double topShare(Map<String, Integer> counts, int top) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int head = counts.values().stream().sorted((a, b) -> b - a).limit(top).mapToInt(Integer::intValue).sum();
        return (double) head / total;
    }

    private static double dot(JsonNode a, JsonNode b) {
        double sum = 0;
        for (int d = 0; d < a.size(); d++) {
            sum += a.get(d).asDouble() * b.get(d).asDouble();
        }
        return sum;
    }
}
