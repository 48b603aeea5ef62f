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
    void shouldScoreDenseVectorsByTheirCosineWithTheMeanOfTheLikedUnitVectors() {
        // encoder-like vectors (every value non-zero) take the dense path; item 4 has no vector
        java.util.Random random = new java.util.Random(7);
        float[][] vectors = new float[6][];
        for (int i = 0; i < vectors.length; i++) {
            if (i != 4) {
                vectors[i] = new float[5];
                for (int c = 0; c < 5; c++) {
                    vectors[i][c] = random.nextFloat() * 2 - 1;
                }
            }
        }
        // user 0 liked items 0, 2 and 4 (no vector); user 1 only item 4; user 2 item 5
        InteractionMatrix likes = InteractionMatrix.builder(3, 6).add(0, 0).add(0, 2).add(0, 4).add(1, 4).add(2, 5)
                .build();
        TrainingData data = new TrainingData(likes, InteractionMatrix.empty(3, 6), Optional.empty(),
                new ItemFeatures(6, List.of(new ItemFeatures.Modality("text", vectors, 1.0))));
        float[] scores = new float[18];

        new ContentProfileTrainer().train(data).scorer().score(new int[] {0, 1, 2}, scores);

        float[][] expected = {cosines(vectors, 0, 2), new float[6], cosines(vectors, 5)};
        for (int u = 0; u < 3; u++) {
            assertArrayEquals(expected[u], java.util.Arrays.copyOfRange(scores, u * 6, u * 6 + 6), 1e-5f, "user " + u);
        }
    }

    /** Each item's cosine with the mean of the liked items' unit vectors (0 for an item without a vector). */
    private static float[] cosines(float[][] vectors, int... liked) {
        double[] profile = new double[vectors[liked[0]].length];
        for (int item : liked) {
            double norm = Math.sqrt(dot(vectors[item], vectors[item]));
            for (int c = 0; c < profile.length; c++) {
                profile[c] += vectors[item][c] / norm;
            }
        }
        double profileNorm = Math.sqrt(java.util.Arrays.stream(profile).map(p -> p * p).sum());
        float[] out = new float[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] != null) {
                double product = 0;
                for (int c = 0; c < profile.length; c++) {
                    product += profile[c] * vectors[i][c];
                }
                out[i] = (float) (product / profileNorm / Math.sqrt(dot(vectors[i], vectors[i])));
            }
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += (double) a[c] * b[c];
        }
        return sum;
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
