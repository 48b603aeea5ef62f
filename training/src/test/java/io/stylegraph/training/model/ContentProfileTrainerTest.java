package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentProfileTrainerTest {

    @Test
    void shouldScoreEachItemByItsCosineWithTheMeanOfTheLikedItemsUnitVectors() {
        // user 0 liked items 0 and 1; user 1 liked nothing
        InteractionMatrix likes = InteractionMatrix.builder(2, 4).add(0, 0).add(0, 1).build();
        float[][] vectors = {{2, 0, 0}, {0, 3, 0}, {1, 1, 0}, {0, 0, 5}};
        TrainingData data = new TrainingData(likes, InteractionMatrix.empty(2, 4), Optional.empty(),
                new ItemFeatures(4, List.of(new ItemFeatures.Modality("category", vectors, 1.0))));
        float[] scores = new float[8];

        new ContentProfileTrainer().train(data).scorer().score(new int[] {0, 1}, scores);

        // profile = (1, 1, 0)/√2: items 0 and 1 score 1/√2, item 2 (unit (1,1,0)/√2) scores 1, item 3 scores 0
        float half = (float) (1 / Math.sqrt(2));
        assertArrayEquals(new float[] {half, half, 1f, 0f}, java.util.Arrays.copyOfRange(scores, 0, 4), 1e-6f);
        assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(scores, 4, 8), "no likes, no content scores");
        assertEquals("content-profile", new ContentProfileTrainer().train(data).name());
    }

    @Test
    void shouldWeighRecentLikesMoreWhenGivenEachUsersSequence() {
        // user 0 liked dresses 0 and 1 long ago and shoe 2 last; item 3 is another dress, item 4 another shoe
        InteractionMatrix likes = InteractionMatrix.builder(1, 5).add(0, 0).add(0, 1).add(0, 2).build();
        float[][] vectors = {{1, 0}, {1, 0}, {0, 1}, {1, 0}, {0, 1}};
        TrainingData data = new TrainingData(likes, InteractionMatrix.empty(1, 5), Optional.empty(),
                new ItemFeatures(5, List.of(new ItemFeatures.Modality("category", vectors, 1.0))));
        int[][] sequences = {{1, 0, 2}};
        float[] uniform = new float[5];
        float[] recent = new float[5];

        new ContentProfileTrainer().train(data).scorer().score(new int[] {0}, uniform);
        ContentProfileModel model = new ContentProfileTrainer(sequences, 0.5).train(data);
        model.scorer().score(new int[] {0}, recent);

        assertTrue(uniform[3] > uniform[4], "two dress likes outweigh one shoe like");
        // weights 0.0625 (item 1), 0.25 (item 0), 1 (item 2): the last like leads
        assertTrue(recent[4] > recent[3], "the last like, a shoe, leads");
        assertEquals("0.5", model.provenance().parameters().get("recencyHalfLife"));
        float[] folded = new float[5];
        model.withLikes(likes).scorer().score(new int[] {0}, folded);
        assertArrayEquals(uniform, folded, 1e-6f, "likes given to fold-in weigh the same");
    }

    @Test
    void shouldRefuseANonPositiveHalfLife() {
        assertThrows(IllegalArgumentException.class, () -> new ContentProfileTrainer(new int[0][], 0));
    }
}
