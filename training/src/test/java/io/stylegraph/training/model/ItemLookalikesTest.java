package io.stylegraph.training.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ItemLookalikesTest {

    /** Reached: 0 (1, 0) and 1 (5, 5). Unreached: 2 (1, 0.2), 3 (0, 1), 4 (0, 0). */
    private static final float[] VECTORS = {1, 0, 5, 5, 1, 0.2f, 0, 1, 0, 0};
    private static final boolean[] REACHED = {true, true, false, false, false};

    @Test
    void shouldFindTheNearestReachedItemsByCosine() {
        int[][] lookalikes = ItemLookalikes.nearestReached(VECTORS, 2, REACHED, 1);

        // item 2 points almost along item 0 (cosine 0.98 against 0.83), though its dot product with item 1 is larger
        assertArrayEquals(new int[] {0}, lookalikes[2]);
        assertArrayEquals(new int[] {1}, lookalikes[3]);
    }

    @Test
    void shouldListLookalikesBestFirstAndNoneForReachedOrZeroItems() {
        int[][] lookalikes = ItemLookalikes.nearestReached(VECTORS, 2, REACHED, 5);

        assertArrayEquals(new int[] {0, 1}, lookalikes[2], "only two items are reached");
        assertArrayEquals(new int[] {1, 0}, lookalikes[3]);
        assertNull(lookalikes[0]);
        assertNull(lookalikes[1]);
        assertNull(lookalikes[4], "a zero vector resembles nothing");
    }

    @Test
    void shouldFindNearlyTheSameLookalikesThroughTheGraphAsByTheExactScan() {
        int items = 3_000;
        int dimension = 16;
        java.util.Random random = new java.util.Random(7);
        float[][] centres = new float[30][dimension];
        for (float[] centre : centres) {
            for (int j = 0; j < dimension; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        float[] vectors = new float[items * dimension];
        boolean[] reached = new boolean[items];
        for (int i = 0; i < items; i++) {
            float[] centre = centres[random.nextInt(centres.length)];
            for (int j = 0; j < dimension; j++) {
                vectors[i * dimension + j] = centre[j] + 0.4f * (float) random.nextGaussian();
            }
            reached[i] = random.nextDouble() < 0.7;
        }

        int[][] exact = ItemLookalikes.nearestReached(vectors, dimension, reached, 10, Long.MAX_VALUE);
        int[][] graph = ItemLookalikes.nearestReached(vectors, dimension, reached, 10, 0);

        long hits = 0;
        long wanted = 0;
        for (int i = 0; i < items; i++) {
            if (reached[i]) {
                assertNull(graph[i]);
                continue;
            }
            assertEquals(10, graph[i].length);
            java.util.Set<Integer> truth = new java.util.HashSet<>();
            for (int j : exact[i]) {
                truth.add(j);
            }
            for (int j : graph[i]) {
                assertTrue(reached[j], "a lookalike is a reached item");
                hits += truth.contains(j) ? 1 : 0;
            }
            wanted += exact[i].length;
        }
        assertTrue(hits >= 0.95 * wanted, "recall@10 " + (double) hits / wanted);
    }

    @Test
    void shouldRefuseVectorsThatDoNotFitTheItems() {
        assertThrows(IllegalArgumentException.class, () -> ItemLookalikes.nearestReached(new float[9], 2, REACHED, 1));
        assertThrows(IllegalArgumentException.class, () -> ItemLookalikes.nearestReached(VECTORS, 2, REACHED, 0));
    }
}
