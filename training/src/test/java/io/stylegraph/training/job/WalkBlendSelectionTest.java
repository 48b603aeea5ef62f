package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.model.DataCounts;
import io.stylegraph.training.model.EmbeddingModel;
import io.stylegraph.training.model.HybridModel;
import io.stylegraph.training.model.ModelProvenance;
import io.stylegraph.training.model.TrainingData;
import org.junit.jupiter.api.Test;

/**
 * 200 shoppers, 200 items in 100 pairs (2p, 2p+1) that go together. Shopper u likes both items of pair u mod 100 and
 * the first of pair (u + 7) mod 100 in train, and its second in validation: the shoppers of that pair liked both, so a
 * walk from the first item finds the second.
 */
class WalkBlendSelectionTest {
    private static final int USERS = 200;
    private static final int ITEMS = 200;

    private static TrainingData data() {
        InteractionMatrix.Builder train = InteractionMatrix.builder(USERS, ITEMS);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(USERS, ITEMS);
        for (int user = 0; user < USERS; user++) {
            int own = user % 100;
            int other = (user + 7) % 100;
            train.add(user, 2 * own).add(user, 2 * own + 1).add(user, 2 * other);
            valid.add(user, 2 * other + 1);
        }
        InteractionMatrix likes = train.build();
        return TrainingData.of(likes).withValidation(valid.build());
    }

    /** Noise embeddings, or ones that point every shopper straight at their validation item. */
    private static EmbeddingModel model(boolean perfect) {
        int d = ITEMS;
        Random random = new Random(3);
        float[] users = new float[USERS * d];
        float[] items = new float[ITEMS * d];
        for (int i = 0; i < users.length; i++) {
            users[i] = perfect ? 0 : (float) random.nextGaussian();
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = perfect ? 0 : (float) random.nextGaussian();
        }
        if (perfect) {
            for (int item = 0; item < ITEMS; item++) {
                items[item * d + item] = 1f;
            }
            for (int user = 0; user < USERS; user++) {
                users[user * d + 2 * ((user + 7) % 100) + 1] = 1f;
            }
        }
        return new EmbeddingModel(USERS, ITEMS, d, users, items, new ModelProvenance("freedom", "test", Map.of(), 0,
                new DataCounts(USERS, ITEMS, 0, 0, 0, List.of()), "none", 0, 0, Map.of(), Instant.EPOCH, 0));
    }

    private static WalkBlendSelection.Choice choose(EmbeddingModel model, List<String> log) {
        try (Evaluator evaluator = Evaluator.standard(1)) {
            return new WalkBlendSelection(10, WalkBlendSelection.DEFAULT_GRID).choose(model, data(), evaluator,
                    log::add).orElseThrow();
        }
    }

    private static double recall(WalkBlendSelection.Choice choice, String users, double weight) {
        return choice.trials().stream().filter(t -> t.users().equals(users) && t.weight() == weight)
                .findFirst().orElseThrow().recall20();
    }

    @Test
    void shouldBlendInTheWalkWhereItFindsWhatTheModelMisses() {
        List<String> log = new ArrayList<>();
        WalkBlendSelection.Choice choice = choose(model(false), log);

        assertTrue(choice.used());
        assertTrue(choice.knownWeight() > 0 && choice.foldInWeight() > 0, choice.trials().toString());
        assertTrue(recall(choice, "known", choice.knownWeight()) > recall(choice, "known", 0) + 0.2,
                "the walk lifts a noise model: " + choice.trials());
        assertEquals(2 * (1 + WalkBlendSelection.DEFAULT_GRID.size()), choice.trials().size(),
                "the model alone and every grid weight, for known and fold-in users");
        assertTrue(choice.known(model(false)) instanceof HybridModel);
        assertTrue(log.stream().anyMatch(line -> line.startsWith("item-walk: ")), String.join("\n", log));
        Map<String, Object> metadata = choice.toMetadata();
        assertEquals(choice.knownWeight(), metadata.get("knownUserWeight"));
        assertEquals(choice.walk().table().size(), metadata.get("neighbours"));
        assertEquals(WalkBlendSelection.DEFAULT_BUDGET, metadata.get("budget"));
    }

    @Test
    void shouldChooseWithTheBudgetTheServiceWalksWithin() {
        try (Evaluator evaluator = Evaluator.standard(1)) {
            // three likes of rows of up to 10 neighbours within 3 entries: each like reads its strongest neighbour
            WalkBlendSelection.Choice bounded = new WalkBlendSelection(10, WalkBlendSelection.DEFAULT_GRID)
                    .withBudget(3).choose(model(false), data(), evaluator, line -> { }).orElseThrow();
            WalkBlendSelection.Choice all = new WalkBlendSelection(10, WalkBlendSelection.DEFAULT_GRID)
                    .withBudget(io.stylegraph.training.model.ItemNeighbourTable.UNBOUNDED)
                    .choose(model(false), data(), evaluator, line -> { }).orElseThrow();

            assertEquals(3, bounded.walk().budget());
            assertEquals(3, bounded.toMetadata().get("budget"));
            ServableModel served = new ServableModel(new ModelArtifact(null, List.of("u"), List.of("a"), 1,
                    new float[1], new float[1], Map.of(RetrainingJob.ITEM_WALK, bounded.toMetadata())));
            assertEquals(3, served.walkBudget(), "the service walks within the budget the run chose with");
            float[] boundedScores = new float[ITEMS];
            float[] allScores = new float[ITEMS];
            bounded.walk().scorer().score(new int[] {0}, boundedScores);
            all.walk().scorer().score(new int[] {0}, allScores);
            long reachedBounded = IntStream.range(0, ITEMS).filter(i -> boundedScores[i] > 1e-3f).count();
            long reachedAll = IntStream.range(0, ITEMS).filter(i -> allScores[i] > 1e-3f).count();
            assertTrue(reachedBounded >= 1 && reachedBounded <= 3, reachedBounded + ": one neighbour of each like");
            assertTrue(reachedAll > reachedBounded, reachedAll + " items reached without a budget");
        }
        assertThrows(IllegalArgumentException.class,
                () -> new WalkBlendSelection(10, WalkBlendSelection.DEFAULT_GRID).withBudget(0));
    }

    @Test
    void shouldTryEveryExponentWithEveryWeightAndStoreTheChosenOne() {
        try (Evaluator evaluator = Evaluator.standard(1)) {
            WalkBlendSelection.Choice choice = new WalkBlendSelection(10, List.of(0.1, 0.4), List.of(1.0, 0.5))
                    .choose(model(false), data(), evaluator, line -> { }).orElseThrow();

            assertEquals(2 * (1 + 2 * 2), choice.trials().size());
            WalkBlendSelection.Trial best = choice.trials().stream().filter(t -> t.users().equals("known"))
                    .max(java.util.Comparator.comparingDouble(WalkBlendSelection.Trial::recall20)).orElseThrow();
            assertEquals(best.recall20(), choice.trials().stream().filter(t -> t.users().equals("known")
                    && t.weight() == choice.knownWeight() && t.exponent() == choice.knownUsers().exponent())
                    .findFirst().orElseThrow().recall20(), 1e-12, "the best known-user trial is the one chosen");
            assertEquals(choice.knownUsers().exponent(), choice.toMetadata().get("knownUserExponent"));
        }
        assertThrows(IllegalArgumentException.class, () -> new WalkBlendSelection(10, List.of(0.1), List.of(1.5)));
    }

    @Test
    void shouldServeTheModelAloneWhenTheWalkAddsNothing() {
        WalkBlendSelection.Choice choice = choose(model(true), new ArrayList<>());

        assertEquals(1.0, recall(choice, "known", 0), 1e-9);
        assertEquals(0, choice.knownWeight());
        assertFalse(choice.known(model(true)) instanceof HybridModel);
    }

    @Test
    void shouldChooseNothingWithoutValidationLikes() {
        TrainingData noValidation = TrainingData.of(data().likes());
        try (Evaluator evaluator = Evaluator.standard(1)) {
            assertEquals(Optional.empty(), new WalkBlendSelection(10, List.of(0.1)).choose(model(false),
                    noValidation, evaluator, line -> { }));
        }
    }

    @Test
    void shouldRefuseInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new WalkBlendSelection(0, List.of(0.1)));
        assertThrows(IllegalArgumentException.class, () -> new WalkBlendSelection(10, List.of(0.0)));
        assertThrows(IllegalArgumentException.class, () -> new WalkBlendSelection(10, List.of()));
    }

    @Test
    void shouldGiveAnItemNobodyLikedTheWalkScoresOfItsLookalike() {
        // item 199 loses its train likes, so no walk reaches it; its embedding is item 198's, its one lookalike
        InteractionMatrix.Builder train = InteractionMatrix.builder(USERS, ITEMS);
        InteractionMatrix full = data().likes();
        for (int user = 0; user < USERS; user++) {
            for (int item : full.itemsOf(user)) {
                if (item != 199) {
                    train.add(user, item);
                }
            }
        }
        TrainingData data = TrainingData.of(train.build()).withValidation(data().validation().orElseThrow());
        EmbeddingModel noise = model(false);
        float[] items = noise.itemEmbeddings().clone();
        System.arraycopy(items, 198 * ITEMS, items, 199 * ITEMS, ITEMS);
        EmbeddingModel model = new EmbeddingModel(USERS, ITEMS, ITEMS, noise.userEmbeddings(), items,
                noise.provenance());
        float[] with = new float[USERS * ITEMS];
        float[] without = new float[USERS * ITEMS];
        int[] users = java.util.stream.IntStream.range(0, USERS).toArray();
        float[] prior;

        try (Evaluator evaluator = Evaluator.standard(1)) {
            WalkBlendSelection.Choice reaching = new WalkBlendSelection(10, WalkBlendSelection.DEFAULT_GRID)
                    .withLookalikes(1).choose(model, data, evaluator, line -> { }).orElseThrow();
            reaching.walk().scorer().score(users, with);
            prior = reaching.walk().table().prior();
            new WalkBlendSelection(10, WalkBlendSelection.DEFAULT_GRID).withLookalikes(0)
                    .choose(model, data, evaluator, line -> { }).orElseThrow().walk().scorer().score(users, without);
        }

        assertEquals(0, prior[199], "nobody liked item 199 in train");
        for (int user = 0; user < USERS; user++) {
            // 199 scores what the walks into 198 score; every other item as before
            assertEquals(with[user * ITEMS + 198] - prior[198], with[user * ITEMS + 199], 1e-6, "user " + user);
            assertEquals(0, without[user * ITEMS + 199], 1e-6);
            for (int item = 0; item < 199; item++) {
                assertEquals(without[user * ITEMS + item], with[user * ITEMS + item], 1e-6);
            }
        }
        // shopper 92 liked 184 and 198, as shopper 192 did: the walk from 184 now reaches 199 too
        assertTrue(with[92 * ITEMS + 199] > 0.1, String.valueOf(with[92 * ITEMS + 199]));
    }
}
