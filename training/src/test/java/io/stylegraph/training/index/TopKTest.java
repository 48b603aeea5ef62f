package io.stylegraph.training.index;

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

    @Test
    void shouldSkipNotANumberAndKeepFewerWhenFewerScoresCount() {
        float[] scores = {Float.NaN, 0.4f, Float.NEGATIVE_INFINITY, Float.NaN};
        int[] top = new int[3];

        assertEquals(1, TopK.select(scores, 0, scores.length, top));
        assertEquals(1, top[0]);
    }

    @Test
    void shouldHoldTheSameRowsWhateverOrderTheyAreOfferedIn() {
        float[] scores = {0.3f, 0.8f, 0.8f, 0.1f, 0.8f, 0.5f, 0.3f};
        TopK forwards = new TopK(4);
        TopK backwards = new TopK(4);
        for (int row = 0; row < scores.length; row++) {
            forwards.offer(row, scores[row]);
            int back = scores.length - 1 - row;
            backwards.offer(back, scores[back]);
        }

        ScoredRows expected = new ScoredRows(new int[] {1, 2, 4, 5}, new float[] {0.8f, 0.8f, 0.8f, 0.5f});
        ScoredRows fromFront = forwards.drain();
        ScoredRows fromBack = backwards.drain();
        assertArrayEquals(expected.rows(), fromFront.rows());
        assertArrayEquals(expected.scores(), fromFront.scores());
        assertArrayEquals(expected.rows(), fromBack.rows());
        assertArrayEquals(expected.scores(), fromBack.scores());
        assertEquals(0, forwards.size(), "drained");
    }
}
