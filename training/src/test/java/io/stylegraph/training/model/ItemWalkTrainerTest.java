package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemWalkTrainerTest {

    /** u0 likes {0, 1}, u1 {0, 1, 2}, u2 {2, 3}: item degrees 2, 2, 2, 1; user degrees 2, 3, 2. */
    private static TrainingData data() {
        return TrainingData.of(InteractionMatrix.builder(3, 4)
                .add(0, 0).add(0, 1).add(1, 0).add(1, 1).add(1, 2).add(2, 2).add(2, 3).build());
    }

    @Test
    void shouldScoreBySummedTwoStepWalksFromTheLikedItems() {
        ItemKnnModel model = new ItemWalkTrainer(10, 0).train(data());
        float[] scores = new float[3 * 4];

        model.scorer().score(new int[] {0, 1, 2}, scores);

        // u0: 0 → 2 through u1 (1/2 · 1/3) and 1 → 2 through u1 (1/2 · 1/3); nothing walks from 0 or 1 to 3
        assertEquals(1.0 / 3, scores[2], 1e-3);
        assertTrue(scores[3] > 0 && scores[3] < 1e-3, "item 3 gets only the prior: " + scores[3]);
        // u2: 2 → 0 through u1 (1/2 · 1/3); 3 → 0: none; 2 → 3 through u2 (1/2 · 1/2); 3 → 2 through u2 (1 · 1/2)
        assertEquals(1.0 / 6, scores[8], 1e-3);
        assertEquals(0.25, scores[8 + 3], 1e-3);
        assertEquals(0.5, scores[8 + 2], 1e-3);
        // u1: 0 → 1 = 1/4 + 1/6, 2 → 1 = 1/6; 1 → 1 is no step
        assertEquals(0.25 + 1.0 / 6 + 1.0 / 6, scores[4 + 1], 1e-3);
    }

    @Test
    void shouldLowerPopularItemsWithBeta() {
        ItemKnnModel plain = new ItemWalkTrainer(10, 0).train(data());
        ItemKnnModel lowered = new ItemWalkTrainer(10, 1).train(data());
        float[] a = new float[4];
        float[] b = new float[4];

        plain.scorer().score(new int[] {2}, a);
        lowered.scorer().score(new int[] {2}, b);

        // u2's walk to item 0 (2 likes) is halved by β = 1; item 3 has one like, so its share is kept
        assertEquals(a[0] / 2, b[0], 1e-3);
        assertEquals(a[3], b[3], 1e-3);
    }

    @Test
    void shouldKeepOnlyTheStrongestNeighbours() {
        ItemKnnModel model = new ItemWalkTrainer(1, 0).train(data());
        float[] scores = new float[4];

        model.scorer().score(new int[] {2}, scores);

        // item 2's strongest neighbour is 3 (1/4 against 1/6 for 0 and 1); item 3's only one is 2
        assertEquals(0.25, scores[3], 1e-3);
        assertTrue(scores[0] < 1e-3 && scores[1] < 1e-3, java.util.Arrays.toString(scores));
    }

    @Test
    void shouldLeadTheWalkWithRecentLikesGivenAHalfLife() {
        int[][] twoLast = {{0, 1}, {0, 1, 2}, {3, 2}};
        int[][] twoFirst = {{0, 1}, {0, 1, 2}, {2, 3}};
        float[] recent = new float[4];
        float[] old = new float[4];

        new ItemWalkTrainer(10, 0, twoLast, 1).train(data()).scorer().score(new int[] {2}, recent);
        new ItemWalkTrainer(10, 0, twoFirst, 1).train(data()).scorer().score(new int[] {2}, old);

        // only item 2 walks to item 0 (1/2 · 1/3 through u1): at full weight as u2's last like, half one like earlier
        assertEquals(1.0 / 6, recent[0], 1e-3);
        assertEquals(1.0 / 12, old[0], 1e-3);
        // an infinite half-life is the plain walk
        float[] plain = new float[4];
        new ItemWalkTrainer(10, 0, twoFirst, Double.POSITIVE_INFINITY).train(data()).scorer()
                .score(new int[] {2}, plain);
        assertEquals(1.0 / 6, plain[0], 1e-3);
    }

    @Test
    void shouldCompressTheScoresKeepingTheirOrderWithAnExponent() {
        ItemKnnModel plain = new ItemWalkTrainer(10, 0).train(data());
        ItemKnnModel compressed = plain.withExponent(0.5);
        float[] a = new float[4];
        float[] b = new float[4];

        plain.scorer().score(new int[] {2}, a);
        compressed.scorer().score(new int[] {2}, b);

        for (int i = 0; i < 4; i++) {
            assertEquals(Math.sqrt(a[i]), b[i], 1e-6);
        }
        assertEquals("0.5", compressed.provenance().parameters().get("exponent"));
        for (double exponent : new double[] {0.25, 0.3}) {
            float[] c = new float[4];
            plain.withExponent(exponent).scorer().score(new int[] {2}, c);
            for (int i = 0; i < 4; i++) {
                assertEquals(Math.pow(a[i], exponent), c[i], 1e-6);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> plain.withExponent(0));
        assertThrows(IllegalArgumentException.class, () -> plain.withExponent(1.5));
    }

    @Test
    void shouldRefuseInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ItemWalkTrainer(5, 0, new int[3][], 0));
        assertThrows(IllegalArgumentException.class, () -> new ItemWalkTrainer(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ItemWalkTrainer(5, -1));
    }
}
