package io.stylegraph.training.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void shouldRefuseVectorsThatDoNotFitTheItems() {
        assertThrows(IllegalArgumentException.class, () -> ItemLookalikes.nearestReached(new float[9], 2, REACHED, 1));
        assertThrows(IllegalArgumentException.class, () -> ItemLookalikes.nearestReached(VECTORS, 2, REACHED, 0));
    }
}
