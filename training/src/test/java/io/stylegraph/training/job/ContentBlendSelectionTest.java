package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.model.DataCounts;
import io.stylegraph.training.model.EmbeddingModel;
import io.stylegraph.training.model.ModelProvenance;
import io.stylegraph.training.model.TrainingData;
import org.junit.jupiter.api.Test;

/**
 * 40 shoppers and 40 items in two styles (items 0–19 and 20–39); each shopper likes 4 train items and 1 validation
 * item of their own style.
 */
class ContentBlendSelectionTest {
    private static final int USERS = 40;
    private static final int ITEMS = 40;
    private static final int DIMENSION = 4;

    private static int style(int item) {
        return item < ITEMS / 2 ? 0 : 1;
    }

    private static InteractionMatrix[] likes() {
        InteractionMatrix.Builder train = InteractionMatrix.builder(USERS, ITEMS);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(USERS, ITEMS);
        for (int user = 0; user < USERS; user++) {
            int base = (user % 2) * (ITEMS / 2);
            for (int k = 0; k < 4; k++) {
                train.add(user, base + (user + 3 * k) % (ITEMS / 2));
            }
            valid.add(user, base + (user + 13) % (ITEMS / 2));
        }
        return new InteractionMatrix[] {train.build(), valid.build()};
    }

    /** Vectors that say an item's style (plus a little per-item noise), or pure noise. */
    private static float[][] vectors(boolean informative, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[ITEMS][];
        for (int item = 0; item < ITEMS; item++) {
            float[] v = new float[DIMENSION];
            for (int j = 0; j < DIMENSION; j++) {
                v[j] = (float) random.nextGaussian() * (informative ? 0.05f : 1f);
            }
            if (informative) {
                v[style(item)] += 1f;
            }
            vectors[item] = v;
        }
        return vectors;
    }

    private static TrainingData data(boolean informativeContent) {
        InteractionMatrix[] likes = likes();
        return new TrainingData(likes[0], InteractionMatrix.empty(USERS, ITEMS), Optional.of(likes[1]),
                new ItemFeatures(ITEMS, List.of(
                        new ItemFeatures.Modality("visual", vectors(informativeContent, 1), 0.5),
                        new ItemFeatures.Modality("text", vectors(informativeContent, 2), 0.5))));
    }

    /** A model whose embeddings either know the styles (users and items on their style's axis) or are noise. */
    private static EmbeddingModel model(boolean knowsStyles) {
        Random random = new Random(5);
        float[] users = new float[USERS * DIMENSION];
        float[] items = new float[ITEMS * DIMENSION];
        for (int i = 0; i < users.length; i++) {
            users[i] = knowsStyles ? 0 : (float) random.nextGaussian();
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = knowsStyles ? 0.01f * (float) random.nextGaussian() : (float) random.nextGaussian();
        }
        if (knowsStyles) {
            for (int user = 0; user < USERS; user++) {
                users[user * DIMENSION + user % 2] = 1f;
            }
            for (int item = 0; item < ITEMS; item++) {
                items[item * DIMENSION + style(item)] += 1f;
            }
        }
        return new EmbeddingModel(USERS, ITEMS, DIMENSION, users, items, new ModelProvenance("freedom", "test",
                Map.of(), 0, new DataCounts(USERS, ITEMS, 0, 0, 0, List.of()), "none", 0, 0, Map.of(), Instant.EPOCH,
                0));
    }

    private static ContentBlendSelection.Choice choose(EmbeddingModel model, TrainingData data, List<String> log) {
        try (Evaluator evaluator = Evaluator.standard(1)) {
            return new ContentBlendSelection(Map.of("visual", 0.5, "text", 0.5), ContentBlendSelection.DEFAULT_GRID)
                    .choose(model, data, evaluator, log::add).orElseThrow();
        }
    }

    private static double recall(ContentBlendSelection.Choice choice, String users, double weight) {
        return choice.trials().stream().filter(t -> t.users().equals(users) && t.weight() == weight)
                .findFirst().orElseThrow().recall20();
    }

    @Test
    void shouldLeanOnContentWhenTheModelKnowsNothing() {
        List<String> log = new ArrayList<>();
        ContentBlendSelection.Choice choice = choose(model(false), data(true), log);

        assertEquals(4.0, choice.knownWeight());
        assertEquals(4.0, choice.foldInWeight());
        assertTrue(recall(choice, "known", 4.0) > recall(choice, "known", 0) + 0.2,
                "content lifts a noise model: " + choice.trials());
        assertEquals(2 * (1 + ContentBlendSelection.DEFAULT_GRID.size()), choice.trials().size(),
                "the model alone and every grid weight, for known and fold-in users");
        assertEquals(Map.of("text", 0.5, "visual", 0.5), choice.modalities());
        assertTrue(log.stream().anyMatch(line -> line.contains("weight 4.0 chosen")), String.join("\n", log));
    }

    @Test
    void shouldKeepTheSmallestWeightWhenContentIsNoise() {
        ContentBlendSelection.Choice choice = choose(model(true), data(false), new ArrayList<>());

        assertEquals(0.05, choice.knownWeight());
        assertEquals(0.05, choice.foldInWeight());
        assertTrue(recall(choice, "known", 0.05) > recall(choice, "known", 4.0),
                "noise content hurts at weight 4: " + choice.trials());
    }

    @Test
    void shouldChooseNothingWithoutTheServedModalitiesOrValidationLikes() {
        TrainingData data = data(true);
        TrainingData otherModality = data.withFeatures(new ItemFeatures(ITEMS, List.of(
                new ItemFeatures.Modality("terms", vectors(true, 3), 1.0))));
        TrainingData noValidation = new TrainingData(data.likes(), data.dislikes(), Optional.empty(),
                data.features());
        try (Evaluator evaluator = Evaluator.standard(1)) {
            ContentBlendSelection selection = new ContentBlendSelection(Map.of("visual", 0.5, "text", 0.5),
                    List.of(1.0));
            assertEquals(Optional.empty(), selection.choose(model(false), otherModality, evaluator, line -> { }));
            assertEquals(Optional.empty(), selection.choose(model(false), noValidation, evaluator, line -> { }));
        }
    }

    @Test
    void shouldRenormalizeTheModalityWeightsOverThoseTheDataHas() {
        TrainingData visualOnly = data(true).withFeatures(new ItemFeatures(ITEMS, List.of(
                new ItemFeatures.Modality("visual", vectors(true, 1), 0.5))));
        try (Evaluator evaluator = Evaluator.standard(1)) {
            ContentBlendSelection.Choice choice = new ContentBlendSelection(Map.of("visual", 0.3, "text", 0.7),
                    List.of(1.0)).choose(model(false), visualOnly, evaluator, line -> { }).orElseThrow();
            assertEquals(Map.of("visual", 1.0), choice.modalities());
        }
    }

    @Test
    void shouldChooseOnASeededSampleOfValidationUsersWhenThereAreMany() {
        InteractionMatrix valid = likes()[1];
        InteractionMatrix sample = ContentBlendSelection.sample(valid, 10);

        assertEquals(10, sample.usersWithInteractions());
        assertEquals(10, sample.nnz(), "each sampled user keeps their one validation like");
        for (int user = 0; user < USERS; user++) {
            if (sample.degree(user) > 0) {
                assertTrue(java.util.Arrays.equals(valid.itemsOf(user), sample.itemsOf(user)));
            }
        }
        assertTrue(java.util.Arrays.equals(sample.columns(), ContentBlendSelection.sample(valid, 10).columns())
                && sampleUsers(sample).equals(sampleUsers(ContentBlendSelection.sample(valid, 10))), "seeded");
        assertSame(valid, ContentBlendSelection.sample(valid, USERS), "all users when they fit");
        try (Evaluator evaluator = Evaluator.standard(1)) {
            ContentBlendSelection.Choice choice = new ContentBlendSelection(Map.of("visual", 1.0), List.of(1.0), 10)
                    .choose(model(false), data(true), evaluator, line -> { }).orElseThrow();
            assertEquals(10, choice.validationUsers());
        }
    }

    private static List<Integer> sampleUsers(InteractionMatrix sample) {
        List<Integer> users = new ArrayList<>();
        for (int user = 0; user < sample.numUsers(); user++) {
            if (sample.degree(user) > 0) {
                users.add(user);
            }
        }
        return users;
    }

    @Test
    void shouldRefuseAZeroOrNegativeGridWeight() {
        assertThrows(IllegalArgumentException.class,
                () -> new ContentBlendSelection(Map.of("visual", 1.0), List.of(0.0, 1.0)));
        assertThrows(IllegalArgumentException.class,
                () -> new ContentBlendSelection(Map.of("visual", -1.0), List.of(1.0)));
    }
}
