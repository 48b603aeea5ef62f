package io.stylegraph.graph.imports.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LikeCountsTest {

    @Test
    void shouldAddUpToExactlyTheLikesAskedWithTheMostActiveUsersFirst() {
        int[] counts = LikeCounts.perUser(5, 1_000, 101);

        assertEquals(101, Arrays.stream(counts).sum());
        for (int u = 1; u < counts.length; u++) {
            assertTrue(counts[u - 1] >= counts[u], Arrays.toString(counts));
        }
    }

    @Test
    void shouldCapEachUserAtHalfASmallCatalogueAndGiveTheRestToTheOthers() {
        // 10 items: at most 5 likes each; three users share 12 likes
        int[] counts = LikeCounts.perUser(3, 10, 12);

        assertArrayEquals(new int[] {5, 4, 3}, counts);
        assertEquals(5, LikeCounts.maxPerUser(10));
        assertEquals(SyntheticCatalogue.MAX_LIKES_PER_USER, LikeCounts.maxPerUser(1_000_000));
    }

    @Test
    void shouldNeverPickAZeroWeightEntry() {
        double[] cumulative = Draws.cumulativeWeights(new double[] {0, 2, 0, 1});

        assertArrayEquals(new double[] {0, 2, 2, 3}, cumulative);
        assertEquals(1, Draws.pick(cumulative, 0.0));
        assertEquals(1, Draws.pick(cumulative, 0.6));
        assertEquals(3, Draws.pick(cumulative, 0.7));
        assertEquals(3, Draws.pick(cumulative, 0.999));
    }
}
