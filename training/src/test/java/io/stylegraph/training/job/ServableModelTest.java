package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import io.stylegraph.graph.domain.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServableModelTest {

    @TempDir
    Path root;

    /** Users u1 (1, 0), u2 (0.5, 2), u3 (-1, 1); items a (2, 1), b (0, -1), c (1.5, 0.5), d (-2, 4). */
    private static ModelArtifact tiny(Map<String, Object> metadata) {
        return new ModelArtifact(null, List.of("u1", "u2", "u3"), List.of("a", "b", "c", "d"), 2,
                new float[] {1f, 0f, 0.5f, 2f, -1f, 1f},
                new float[] {2f, 1f, 0f, -1f, 1.5f, 0.5f, -2f, 4f}, metadata);
    }

    @Test
    void shouldLookUpUsersAndItemsByTheirIdsAfterLoadingTheArtifact() throws Exception {
        ModelArtifact written = tiny(Map.of("model", "freedom")).writeTo(root.resolve("freedom-1"));
        ServableModel model = ServableModel.read(written.directory());

        assertEquals(2, model.dimension());
        assertEquals(4, model.numItems());
        assertEquals(List.of("u1", "u2", "u3"), model.userIds());
        assertEquals(2, model.itemRow("c"));
        assertEquals("c", model.itemId(2));
        assertNull(model.itemRow("unknown"));
        assertArrayEquals(new float[] {0.5f, 2f}, model.userVector("u2"));
        assertArrayEquals(new float[] {-2f, 4f}, model.itemVector(3));
        assertTrue(model.knowsUser("u3"));
        assertNull(model.userVector("stranger"));
    }

    /** A walk from b to d and from a to c, weight 1 each, no prior; the run chose 0.5 for known users only. */
    private static ModelArtifact withWalk() {
        Map<String, Object> metadata = Map.of(RetrainingJob.ITEM_WALK,
                Map.of("knownUserWeight", 0.5, "foldInUserWeight", 0.0));
        return tiny(metadata).withItemWalk(new io.stylegraph.training.model.ItemNeighbourTable(
                new int[] {0, 1, 2, 2, 2}, new int[] {2, 3}, new float[] {1f, 1f}, new float[4]));
    }

    @Test
    void shouldBlendTheRunsItemWalkIntoTheScoresOfTheUsersItWasChosenFor() throws Exception {
        ServableModel model = ServableModel.read(withWalk().writeTo(root.resolve("walk")).directory());
        assertEquals(0.5, model.walkWeight(true));
        assertEquals(0, model.walkWeight(false));

        // u1 (2, 0, 1.5, -2) liked b: z(model) + 0.5·z(walk to d)
        float[] known = model.scoreAll(model.userVector("u1"), List.of("b", "not-in-the-model"), true).clone();
        assertArrayEquals(new float[] {0.7555f, -0.5296f, 0.4342f, -0.6601f}, known, 1e-3f);
        // u2 (3, -2, 1.75, 7) liked a: the walk lifts c above a
        float[] other = model.scoreAll(model.userVector("u2"), List.of("a"), true).clone();
        assertArrayEquals(new float[] {-0.1136f, -1.6697f, 0.6521f, 1.1313f}, other, 1e-3f);
        // c and d walk nowhere: a user who liked only them gets the model alone, not a popularity ranking
        assertArrayEquals(new float[] {2f, 0f, 1.5f, -2f},
                model.scoreAll(model.userVector("u1"), List.of("c", "d"), true).clone());
        // a user placed by fold-in gets the model alone, as the run chose
        assertArrayEquals(new float[] {2f, 0f, 1.5f, -2f},
                model.scoreAll(model.userVector("u1"), List.of("b"), false).clone());
    }

    @Test
    void shouldRaiseTheWalksScoresToThePowerTheRunChose() {
        Map<String, Object> metadata = Map.of(RetrainingJob.ITEM_WALK, Map.of("knownUserWeight", 0.5,
                "knownUserExponent", 0.5, "foldInUserWeight", 0.0));
        ModelArtifact artifact = tiny(metadata).withItemWalk(new io.stylegraph.training.model.ItemNeighbourTable(
                new int[] {0, 2, 2, 2, 2}, new int[] {2, 3}, new float[] {4f, 1f}, new float[4]));
        ServableModel model = new ServableModel(artifact);

        // u1 (2, 0, 1.5, -2) liked a, which walks to c (4) and d (1): square roots 2 and 1
        float[] scores = model.scoreAll(model.userVector("u1"), List.of("a"), true).clone();
        assertArrayEquals(new float[] {0.5919f, -0.6932f, 1.4767f, -1.3754f}, scores, 1e-3f);
    }

    @Test
    void shouldWalkEachLikesStrongestNeighboursWithinTheRunsBudget() {
        Map<String, Object> metadata = Map.of(RetrainingJob.ITEM_WALK, Map.of("knownUserWeight", 0.5,
                "foldInUserWeight", 0.0, "budget", 2));
        // a walks to c (4) and then d (1), b to c (2) and then a (1)
        io.stylegraph.training.model.ItemNeighbourTable walk = new io.stylegraph.training.model.ItemNeighbourTable(
                new int[] {0, 2, 4, 4, 4}, new int[] {2, 3, 2, 0}, new float[] {4f, 1f, 2f, 1f}, new float[4]);
        ServableModel bounded = new ServableModel(tiny(metadata).withItemWalk(walk));
        ServableModel unbounded = new ServableModel(tiny(Map.of(RetrainingJob.ITEM_WALK, Map.of(
                "knownUserWeight", 0.5, "foldInUserWeight", 0.0))).withItemWalk(walk));
        assertEquals(2, bounded.walkBudget());
        assertEquals(io.stylegraph.training.model.ItemNeighbourTable.UNBOUNDED, unbounded.walkBudget());

        float[] user = bounded.userVector("u1");
        // one like reads both its neighbours within 2 entries; two likes read one each, so d is not reached
        assertArrayEquals(unbounded.scoreAll(user, List.of("a"), true).clone(),
                bounded.scoreAll(user, List.of("a"), true).clone());
        float[] both = bounded.scoreAll(user, List.of("a", "b"), true).clone();
        float[] walkC = new float[] {0f, 0f, 6f, 0f};
        io.stylegraph.training.model.Standardization model =
                io.stylegraph.training.model.Standardization.of(new float[] {2f, 0f, 1.5f, -2f}, 0, 4);
        io.stylegraph.training.model.Standardization walked =
                io.stylegraph.training.model.Standardization.of(walkC, 0, 4);
        float[] expected = new float[4];
        float[] scores = {2f, 0f, 1.5f, -2f};
        for (int row = 0; row < 4; row++) {
            expected[row] = (float) (model.apply(scores[row]) + 0.5 * walked.apply(walkC[row]));
        }
        assertArrayEquals(expected, both, 1e-6f);
        assertTrue(both[3] < unbounded.scoreAll(user, List.of("a", "b"), true)[3], "d loses its walk score");
    }

    @Test
    void shouldServeTheModelAloneWithoutAWalk() {
        ServableModel model = new ServableModel(tiny(Map.of(RetrainingJob.ITEM_WALK,
                Map.of("knownUserWeight", 0.5, "foldInUserWeight", 0.5))));

        assertEquals(0, model.walkWeight(true));
        assertArrayEquals(new float[] {2f, 0f, 1.5f, -2f},
                model.scoreAll(model.userVector("u1"), List.of("b"), true).clone());
    }

    @Test
    void shouldScoreEveryItemForATrainedUserRow() {
        ServableModel model = new ServableModel(tiny(Map.of()));

        assertArrayEquals(new float[] {2f, 0f, 1.5f, -2f}, model.scoreAll("u1").clone());
        assertArrayEquals(new float[] {3f, -2f, 1.75f, 7f}, model.scoreAll("u2").clone());
        assertArrayEquals(new float[] {-1f, -1f, -1f, 6f}, model.scoreAll("u3").clone());
        assertEquals(7f, model.score(model.userVector("u2"), 3));
        assertNull(model.scoreAll("stranger"));
    }

    @Test
    void shouldFoldInLikesAndDislikesOfKnownItemsAroundTheTrainedVector() {
        ServableModel model = new ServableModel(tiny(Map.of()));
        Map<String, Signal> opinions = new LinkedHashMap<>();
        opinions.put("a", Signal.LIKE);
        opinions.put("b", Signal.DISLIKE);
        opinions.put("c", Signal.LIKE);
        opinions.put("gone", Signal.LIKE); // not in the model: ignored

        // (1, 0) + 0.5·mean(a, c) − 0.5·b = (1, 0) + 0.5·(1.75, 0.75) − 0.5·(0, −1)
        float[] placed = model.foldIn(model.userVector("u1"), opinions, 0.5);
        assertArrayEquals(new float[] {1.875f, 0.875f}, placed);
        assertArrayEquals(new float[] {4.625f, -0.875f, 3.25f, -0.25f}, model.scoreAll(placed).clone());
    }

    @Test
    void shouldPlaceAnUnseenUserOnlyFromALikedItemTheModelKnows() {
        ServableModel model = new ServableModel(tiny(Map.of()));

        // (0, 0) + a − b = (2, 1) − (0, −1)
        assertArrayEquals(new float[] {2f, 2f}, model.foldIn(null, Map.of("a", Signal.LIKE, "b", Signal.DISLIKE), 1.0));
        assertNull(model.foldIn(null, Map.of("gone", Signal.LIKE, "b", Signal.DISLIKE), 1.0));
        assertArrayEquals(new float[] {1f, 0f}, model.foldIn(model.userVector("u1"), Map.of(), 1.0));
    }

    @Test
    void shouldServeTheContentWeightsTheRunChose() {
        ServableModel chosen = new ServableModel(tiny(Map.of(RetrainingJob.CONTENT_BLEND,
                Map.of("knownUserWeight", 0.25, "foldInUserWeight", 0.75))));
        assertEquals(OptionalDouble.of(0.25), chosen.contentWeight(true));
        assertEquals(OptionalDouble.of(0.75), chosen.contentWeight(false));

        ServableModel none = new ServableModel(tiny(Map.of("model", "freedom")));
        assertEquals(OptionalDouble.empty(), none.contentWeight(true));
        assertEquals(OptionalDouble.empty(), none.contentWeight(false));

        ServableModel invalid = new ServableModel(tiny(Map.of(RetrainingJob.CONTENT_BLEND,
                Map.of("knownUserWeight", -1, "foldInUserWeight", Double.POSITIVE_INFINITY))));
        assertEquals(OptionalDouble.empty(), invalid.contentWeight(true));
        assertEquals(OptionalDouble.empty(), invalid.contentWeight(false));
    }

    @Test
    void shouldServeAForgottenUserAsOneTheModelNeverSaw() {
        ServableModel model = new ServableModel(tiny(Map.of()));

        assertTrue(model.forgetUser("u2"));
        assertFalse(model.forgetUser("u2"));
        assertFalse(model.knowsUser("u2"));
        assertNull(model.userVector("u2"));
        assertEquals(List.of("u1", "u2", "u3"), model.userIds(), "the artifact keeps the row until replaced");
    }

    private static ServableModel randomModel(int users, int items, int d, long seed) {
        Random random = new Random(seed);
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add("u" + u);
        }
        for (int i = 0; i < items; i++) {
            itemIds.add("i" + i);
        }
        float[] userEmbeddings = new float[users * d];
        float[] itemEmbeddings = new float[items * d];
        for (int j = 0; j < userEmbeddings.length; j++) {
            userEmbeddings[j] = (float) random.nextGaussian();
        }
        for (int j = 0; j < itemEmbeddings.length; j++) {
            itemEmbeddings[j] = (float) random.nextGaussian();
        }
        return new ServableModel(new ModelArtifact(null, userIds, itemIds, d, userEmbeddings, itemEmbeddings,
                Map.of()));
    }

    @Test
    void shouldScoreEveryItemAsTheDotProductWithItsRow() {
        ServableModel model = randomModel(3, 37, 5, 11); // odd sizes: no dimension or row count divides evenly
        for (int u = 0; u < 3; u++) {
            float[] user = model.userVector("u" + u);
            float[] all = model.scoreAll(user).clone();
            for (int row = 0; row < 37; row++) {
                float[] item = model.itemVector(row);
                double expected = 0;
                for (int k = 0; k < 5; k++) {
                    expected += (double) user[k] * item[k];
                }
                assertEquals(expected, all[row], 1e-4, "item row " + row);
                assertEquals(expected, model.score(user, row), 1e-4, "item row " + row);
            }
        }
    }

    @Test
    void shouldGiveTheSameScoresOnEveryCall() {
        ServableModel model = randomModel(2, 64, 8, 3);
        float[] first = model.scoreAll(model.userVector("u0")).clone();
        model.scoreAll(model.userVector("u1"));
        assertArrayEquals(first, model.scoreAll(model.userVector("u0")));
    }
}
