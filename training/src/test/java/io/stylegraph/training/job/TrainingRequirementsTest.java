package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.graph.snapshot.SnapshotEdge;
import io.stylegraph.training.model.FreedomConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 5: too little data is refused up front with its counts; what passes trains without crashing. */
class TrainingRequirementsTest {
    @TempDir
    Path models;

    /** {@code users} shoppers who each like {@code perUser} of 50 items that have visual and text vectors. */
    private static GraphSnapshot smallGraph(int users, int perUser) {
        List<String> items = new ArrayList<>();
        Map<String, float[]> visual = new HashMap<>();
        Map<String, float[]> text = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            items.add("item-" + i);
            visual.put("item-" + i, new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat()});
            text.put("item-" + i, new float[] {random.nextFloat(), random.nextFloat()});
        }
        List<SnapshotEdge> edges = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < perUser; k++) {
                edges.add(new SnapshotEdge("user-" + u, "item-" + ((u * 7 + k * 3) % 50), Signal.LIKE, 1_000L * k, k,
                        null));
            }
        }
        return new GraphSnapshot(Instant.parse("2026-01-01T00:00:00Z"), items, edges,
                Map.of("visual", visual, "text", text));
    }

    @Test
    void shouldRefuseAFewDozenLikesWithTheCountsAndTheMinimums() {
        SnapshotDataset dataset = SnapshotDatasetBuilder.standard().build(smallGraph(6, 5));

        Optional<String> reason = TrainingRequirements.DEFAULTS.check(dataset);

        assertTrue(reason.isPresent());
        assertTrue(reason.get().contains("usersWithLikes 6 < 10"), reason.get());
        assertTrue(reason.get().contains("likes 30 < 100"), reason.get());
        assertEquals(Map.of("usersWithLikes", 6, "likes", 30, "itemsWithLikes", 30, "validationLikes", 6),
                TrainingRequirements.counts(dataset));
    }

    @Test
    void shouldRefuseAnEmptyValidationSplit() {
        // two likes each: nobody has a third like to hold out for validation
        Optional<String> reason = new TrainingRequirements(1, 1, 1, 1).check(smallGraph(20, 2),
                SnapshotDatasetBuilder.standard());
        assertTrue(reason.isPresent() && reason.get().contains("validationLikes 0 < 1"), String.valueOf(reason));
    }

    @Test
    void shouldAcceptEnoughData() {
        assertEquals(Optional.empty(), TrainingRequirements.DEFAULTS.check(smallGraph(20, 6),
                SnapshotDatasetBuilder.standard()));
    }

    @Test
    void shouldRefuseBeforeTrainingWhenTheJobHasRequirements() {
        RetrainingJob job = new RetrainingJob(FreedomConfig.freedom().withMaxEpochs(2).withThreads(1),
                SnapshotDatasetBuilder.standard(), models, TrainingRequirements.DEFAULTS, null);
        List<String> progress = new ArrayList<>();
        InsufficientDataException refused = assertThrows(InsufficientDataException.class,
                () -> job.run(smallGraph(6, 5), "x", progress::add));
        assertTrue(refused.getMessage().contains("likes 30 < 100"), refused.getMessage());
        assertEquals(List.of(), progress, "nothing was trained");
    }

    /**
     * Three shoppers with three likes each pass minimums configured that low; FREEDOM's edge pruning (keep 20 %) then
     * kept ⌊0.6⌋ = 0 of the 3 training likes and failed with ArrayIndexOutOfBoundsException. It must train.
     */
    @Test
    void shouldTrainWithoutCrashingOnASmallGraphThatPassesTheCheck() throws IOException {
        TrainingRequirements low = new TrainingRequirements(3, 9, 3, 1);
        GraphSnapshot snapshot = smallGraph(3, 3);
        assertEquals(Optional.empty(), low.check(snapshot, SnapshotDatasetBuilder.standard()));

        RetrainingResult result = new RetrainingJob(FreedomConfig.freedom().withDimension(8).withMaxEpochs(2)
                .withSeed(11).withThreads(1), SnapshotDatasetBuilder.standard(), models, low, null)
                .run(snapshot, "x", line -> { });

        assertEquals(3, result.artifact().userIds().size());
        try (var files = Files.list(models)) {
            assertEquals(1, files.count());
        }
    }
}
