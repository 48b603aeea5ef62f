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
        // the rows stay as they are: the lookalikes are lists of their own
        assertArrayEquals(table().rowStart(), extended.rowStart());
        assertArrayEquals(table().columns(), extended.columns());
        assertArrayEquals(new int[] {0, 0, 0, 0, 2}, extended.lookalikeStart());
        assertArrayEquals(new int[] {1, 2}, extended.lookalikes());
        assertEquals(1, extended.itemsWithLookalikes());
    }

    @Test
    void shouldGiveAnUnreachedItemTheMeanOfWhatTheBudgetsWalkGaveItsLookalikes() {
        // item 2 is unreached in ordered(): it takes item 1 and item 3 as lookalikes
        ItemNeighbourTable table = new ItemNeighbourTable(new int[] {0, 2, 3, 3, 4}, new int[] {1, 3, 0, 0},
                new float[] {0.5f, 0.1f, 0.4f, 1.0f}, new float[] {0f, 0.1f, 0.2f, 0f})
                .withLookalikes(new int[][] {null, null, {1, 3}, null});
        float[] all = new float[4];
        float[] bounded = new float[4];

        table.score(new int[] {0, 1}, null, all, 0);
        table.score(new int[] {0, 1}, null, bounded, 0, 2);

        // the whole walk gives item 1 0.5 and item 3 0.1 above their priors; a budget of one neighbour per like
        // reads 0 → 1 and 1 → 0, so item 3 gains nothing
        assertEquals(0.2f + (0.5f + 0.1f) / 2, all[2], 1e-6);
        assertEquals(0.2f + 0.5f / 2, bounded[2], 1e-6);
    }

    @Test
    void shouldRefuseLookalikesForAReachedItemOrLookalikesWithLookalikes() {
        assertThrows(IllegalArgumentException.class, () -> table().withLookalikes(new int[][] {null, {0}, null, null}),
                "item 1 is reached");
        ItemNeighbourTable unreachedTwo = new ItemNeighbourTable(new int[] {0, 1, 1, 1, 1}, new int[] {1},
                new float[] {1f}, new float[4]);
        assertThrows(IllegalArgumentException.class,
                () -> unreachedTwo.withLookalikes(new int[][] {null, null, {3}, {1}}), "3 has lookalikes itself");
    }

    /** Rows strongest first: 0 → {1: 0.5, 2: 0.2, 3: 0.1}, 1 → {2: 0.6, 0: 0.4}, 2 → {}, 3 → {0: 1.0}; no prior. */
    private static ItemNeighbourTable ordered() {
        return new ItemNeighbourTable(new int[] {0, 3, 5, 5, 6}, new int[] {1, 2, 3, 2, 0, 0},
                new float[] {0.5f, 0.2f, 0.1f, 0.6f, 0.4f, 1.0f}, new float[4]);
    }

    @Test
    void shouldReadEachLikesStrongestNeighboursWithinTheBudget() {
        ItemNeighbourTable table = ordered();
        int[] liked = {0, 1, 2};
        float[] all = new float[4];
        float[] bounded = new float[4];

        table.score(liked, null, all, 0);
        // two liked items have neighbours (item 2's row is empty): a budget of 2 reads one neighbour of each
        assertEquals(1, table.depth(liked, 2));
        table.score(liked, null, bounded, 0, 2);

        assertArrayEquals(new float[] {0.4f, 0.5f, 0.8f, 0.1f}, all, 1e-6f);
        assertArrayEquals(new float[] {0f, 0.5f, 0.6f, 0f}, bounded, 1e-6f);
        // a budget every row fits reads every neighbour, as does a single like past its row's end
        table.score(liked, null, bounded, 0, 6);
        assertArrayEquals(all, bounded);
        assertEquals(3, table.depth(new int[] {0}, 3));
        assertEquals(ItemNeighbourTable.UNBOUNDED, table.depth(new int[] {2}, 1), "no like walks anywhere");
        assertEquals(1, table.depth(new int[] {0, 1, 3}, 2), "at least one neighbour of each like");
        assertThrows(IllegalArgumentException.class, () -> table.depth(liked, 0));
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
