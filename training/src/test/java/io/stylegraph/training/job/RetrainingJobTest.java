package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.graph.snapshot.SnapshotEdge;
import io.stylegraph.training.model.FreedomConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainingJobTest {
    @TempDir
    Path models;

    /** 40 users who each like 6 of 30 items in one of two taste groups, and dislike one item of the other group. */
    private static GraphSnapshot twoTasteGroups(boolean withSplit) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add("item-" + i);
        }
        items.add("cold-item");
        Random random = new Random(7);
        List<SnapshotEdge> edges = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            int group = u % 2;
            for (int k = 0; k < 6; k++) {
                int item = group * 15 + random.nextInt(15);
                String split = withSplit ? (k < 4 ? "train" : k == 4 ? "valid" : "test") : null;
                edges.add(new SnapshotEdge("user-" + u, "item-" + item, Signal.LIKE, 1_000L * k, k, split));
            }
            edges.add(new SnapshotEdge("user-" + u, "item-" + ((1 - group) * 15), Signal.DISLIKE,
                    SnapshotEdge.NO_TIME, -1, null));
        }
        return new GraphSnapshot(Instant.parse("2026-01-01T00:00:00Z"), items, edges, Map.of());
    }

    /** The snapshot with visual vectors that say each item's taste group (the cold item has none). */
    private static GraphSnapshot withGroupVisualVectors(GraphSnapshot plain) {
        Map<String, float[]> visual = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            visual.put("item-" + i, i < 15 ? new float[] {1f, 0.01f * i} : new float[] {0.01f * i, 1f});
        }
        return new GraphSnapshot(plain.takenAt(), plain.itemIds(), plain.edges(), Map.of("visual", visual));
    }

    private static FreedomConfig quickConfig() {
        return FreedomConfig.lightGcn().withDimension(8).withMaxEpochs(4).withBatchSize(64).withSeed(11).withThreads(1);
    }

    @Test
    void shouldSplitChronologicallyKeepColdItemsAndDislikes() {
        SnapshotDataset dataset = SnapshotDatasetBuilder.standard().build(twoTasteGroups(false));

        assertEquals(31, dataset.items().size());
        assertEquals(40, dataset.users().size());
        assertTrue(dataset.split().valid().nnz() > 0 && dataset.split().test().nnz() > 0);
        assertEquals(40, dataset.dislikes().nnz());
        assertTrue(dataset.splitRule().startsWith("per-user chronological"));
        int user = dataset.users().find("user-0").getAsInt();
        assertTrue(dataset.split().test().itemsOf(user).length <= 1, "at most the last distinct like is test");
    }

    @Test
    void shouldUseTheFixedSplitWhenEveryLikeCarriesOne() {
        SnapshotDataset dataset = SnapshotDatasetBuilder.standard().build(twoTasteGroups(true));
        assertEquals("fixed split stored on the likes", dataset.splitRule());
    }

    @Test
    void shouldTrainEvaluateAndWriteAnArtifactThatReadsBack() throws IOException {
        List<String> progress = new ArrayList<>();
        RetrainingResult result = new RetrainingJob(quickConfig(), SnapshotDatasetBuilder.standard(), models)
                .run(twoTasteGroups(false), "test-revision", progress::add);

        assertNotNull(result.validRecall20());
        assertNotNull(result.testRecall20());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("epoch 1 ")), progress.toString());
        ModelArtifact read = ModelArtifact.read(result.artifact().directory());
        assertEquals(31, read.itemIds().size());
        assertEquals(40, read.userIds().size());
        assertArrayEquals(result.artifact().itemEmbeddings(), read.itemEmbeddings());
        assertEquals("test-revision", read.metadata().get("gitRevision"));
        try (var files = Files.list(models)) {
            assertEquals(1, files.count(), "no temporary folder left behind");
        }
    }

    @Test
    void shouldValidateAndTestOnASeededUserSampleAboveTheEvaluationBudget() throws IOException {
        List<String> progress = new ArrayList<>();
        // 40 users × 31 items is 1,240 scores a pass: a budget of 310 buys 10 users, the floor raises it to 12
        RetrainingResult result = new RetrainingJob(quickConfig(), SnapshotDatasetBuilder.standard(), models)
                .withEvaluationBudget(310, 12).run(twoTasteGroups(false), "test-revision", progress::add);

        assertEquals(12, result.dataSnapshot().get("evaluatedUsers"));
        assertEquals(40, result.dataSnapshot().get("usersWithValidationLikes"));
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("validation and test rank every item for a "
                + "seeded sample of 12 of the 40 users")), progress.toString());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("test Recall@20 ") && line.endsWith(
                "over 12 users")), progress.toString());

        List<String> everyone = new ArrayList<>();
        RetrainingResult all = new RetrainingJob(quickConfig(), SnapshotDatasetBuilder.standard(), models)
                .run(twoTasteGroups(false), "test-revision", everyone::add);
        assertEquals(40, all.dataSnapshot().get("evaluatedUsers"));
        assertTrue(everyone.stream().anyMatch(line -> line.startsWith("test Recall@20 ") && line.endsWith(
                "over 40 users")), everyone.toString());
    }

    @Test
    void shouldRefuseToTrainOnAGraphWithoutEnoughLikes() {
        GraphSnapshot empty = new GraphSnapshot(Instant.now(), List.of("a"), List.of(), Map.of());
        assertThrows(IllegalStateException.class, () -> new RetrainingJob(quickConfig(),
                SnapshotDatasetBuilder.standard(), models).run(empty, "x", line -> { }));
    }

    @Test
    void shouldReturnTheItemGraphsSimilarPairsWhenItemsHaveFeatures() throws IOException {
        GraphSnapshot plain = twoTasteGroups(false);
        GraphSnapshot withFeatures = withGroupVisualVectors(plain);
        FreedomConfig config = FreedomConfig.freedom().withDimension(8).withMaxEpochs(2).withBatchSize(64)
                .withSeed(11).withThreads(1).withKnnK(3);

        RetrainingResult result = new RetrainingJob(config, SnapshotDatasetBuilder.standard(), models)
                .run(withFeatures, "test-revision", line -> { });

        // 30 items with vectors, k = 3 with the item itself among them: 2 other items each
        assertEquals(60, result.similarItems().size());
        assertEquals(60, result.similarItems().stream().count(), "as many made as counted");
        SimilarItems first = result.similarItems().iterator().next();
        assertTrue(first.cosines().containsKey("visual"));
        assertTrue(result.similarItems().stream().noneMatch(p -> p.itemId().equals(p.otherId())));
        assertTrue(result.similarItems().stream().allMatch(p -> p.itemId().startsWith("item-")
                && group(p.itemId()) == group(p.otherId())), "neighbours come from the item's own group");
        assertTrue(new RetrainingJob(quickConfig(), SnapshotDatasetBuilder.standard(), models)
                .run(plain, "x", line -> { }).similarItems().isEmpty());
    }

    @Test
    void shouldChooseTheContentBlendOnValidationAndStoreItWithTheModel() throws IOException {
        GraphSnapshot withFeatures = withGroupVisualVectors(twoTasteGroups(false));
        List<String> progress = new ArrayList<>();

        RetrainingResult result = new RetrainingJob(quickConfig(), SnapshotDatasetBuilder.standard(), models, null,
                new ContentBlendSelection(Map.of("visual", 0.5, "text", 0.5), List.of(0.25, 4.0)))
                .run(withFeatures, "x", progress::add);

        ContentBlendSelection.Choice choice = result.contentBlend().orElseThrow();
        assertTrue(List.of(0.25, 4.0).contains(choice.knownWeight()), choice.toString());
        assertEquals(Map.of("visual", 1.0), choice.modalities(), "text is absent here; visual takes all");
        assertEquals(6, choice.trials().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) ModelArtifact.read(result.artifact().directory())
                .metadata().get(RetrainingJob.CONTENT_BLEND);
        assertEquals(choice.knownWeight(), ((Number) stored.get("knownUserWeight")).doubleValue());
        assertEquals(choice.foldInWeight(), ((Number) stored.get("foldInUserWeight")).doubleValue());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("content blend for fold-in users: weight")),
                String.join("\n", progress));
        assertTrue(new RetrainingJob(quickConfig(), SnapshotDatasetBuilder.standard(), models)
                .run(withFeatures, "x", line -> { }).contentBlend().isEmpty(), "no selection asked for");
    }

    @Test
    void shouldChooseTheItemWalkBeforeTheContentBlendAndCarryItsTableOnlyWhenServed() throws IOException {
        GraphSnapshot withFeatures = withGroupVisualVectors(twoTasteGroups(false));
        List<String> progress = new ArrayList<>();

        RetrainingResult result = new RetrainingJob(quickConfig(), SnapshotDatasetBuilder.standard(), models, null,
                new ContentBlendSelection(Map.of("visual", 1.0), List.of(0.25)),
                new WalkBlendSelection(20, List.of(0.1, 1.0))).run(withFeatures, "x", progress::add);

        @SuppressWarnings("unchecked")
        Map<String, Object> walk = (Map<String, Object>) result.artifact().metadata().get(RetrainingJob.ITEM_WALK);
        assertEquals(6, ((List<?>) walk.get("trials")).size(), "the model alone and 2 weights, twice: " + walk);
        ModelArtifact read = ModelArtifact.read(result.artifact().directory());
        boolean used = ((Number) walk.get("knownUserWeight")).doubleValue() > 0
                || ((Number) walk.get("foldInUserWeight")).doubleValue() > 0;
        assertEquals(used, read.itemWalk() != null, "the table travels with the model exactly when it is served");
        ServableModel served = new ServableModel(read);
        assertEquals(((Number) walk.get("knownUserWeight")).doubleValue(), served.walkWeight(true));
        int walkLine = indexOf(progress, "item-walk blend for fold-in users: weight");
        int contentLine = indexOf(progress, "content blend for known users: weight");
        assertTrue(walkLine >= 0 && contentLine > walkLine, "walk first, content on top: " + progress);
        assertTrue(result.contentBlend().isPresent());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean group(String itemId) {
        return Integer.parseInt(itemId.substring("item-".length())) < 15;
    }
}
