package io.stylegraph.training.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TopKTest {

    @Test
    void shouldReturnLargestScoresBestFirstWithTiesToLowerIndex() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, -1f, 0.7f};
        int[] top = new int[3];

        assertEquals(3, TopK.select(scores, 0, scores.length, top));
        assertArrayEquals(new int[] {1, 3, 5}, top);
    }

    @Test
    void shouldSkipMaskedItemsAndReadOneRowOfABlock() {
        float[] block = {9f, 9f, 9f, 0.2f, Float.NEGATIVE_INFINITY, 0.3f};
        int[] top = new int[3];

        assertEquals(2, TopK.select(block, 3, 3, top));
        assertEquals(2, top[0]);
        assertEquals(0, top[1]);
    }
}
