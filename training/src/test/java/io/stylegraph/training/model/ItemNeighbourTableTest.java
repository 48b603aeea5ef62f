package io.stylegraph.training.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ItemNeighbourTableTest {

    /** Rows: 0 → {1: 0.5, 2: 0.2}, 1 → {0: 0.4, 2: 0.6}, 2 → {0: 1.0}, 3 → {}; no row reaches item 3. */
    private static ItemNeighbourTable table() {
        return new ItemNeighbourTable(new int[] {0, 2, 4, 5, 5}, new int[] {1, 2, 0, 2, 0},
                new float[] {0.5f, 0.2f, 0.4f, 0.6f, 1.0f}, new float[] {0.003f, 0.002f, 0.001f, 0f});
    }

    @Test
    void shouldTellWhichItemsSomeRowReaches() {
        assertArrayEquals(new boolean[] {true, true, true, false}, table().reached());
    }

    @Test
    void shouldScoreAnUnreachedItemAsTheMeanOfItsLookalikes() {
        ItemNeighbourTable extended = table().withLookalikes(new int[][] {null, null, null, {1, 2}});
        float[] scores = new float[4];

        extended.score(new int[] {0}, null, scores, 0);

        // a user who liked item 0 scores 1 at 0.5 and 2 at 0.2 (plus their priors), so item 3 at the mean 0.35
        assertEquals(0.35f, scores[3], 1e-6);
        assertEquals(0.502f, scores[1], 1e-6);
        extended.score(new int[] {1}, null, scores, 0);
        assertEquals(0.3f, scores[3], 1e-6);
        extended.score(new int[] {2}, null, scores, 0);
        assertEquals(0f, scores[3], 1e-6, "row 2 reaches neither lookalike, so it gains nothing");
        // the old entries stay, the new ones follow them: rows 0 and 1 gain one each
        assertArrayEquals(new int[] {0, 3, 6, 7, 7}, extended.rowStart());
        assertArrayEquals(new int[] {1, 2, 3, 0, 2, 3, 0}, extended.columns());
    }

    @Test
    void shouldLeaveTheTableAsItIsWithoutLookalikes() {
        assertEquals(table(), table().withLookalikes(new int[4][]));
    }

    @Test
    void shouldRefuseLookalikesOutsideTheItems() {
        assertThrows(IllegalArgumentException.class, () -> table().withLookalikes(new int[][] {null, null, null, {4}}));
        assertThrows(IllegalArgumentException.class, () -> table().withLookalikes(new int[3][]));
    }
}
