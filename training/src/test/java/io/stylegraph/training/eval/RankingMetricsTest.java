package io.stylegraph.training.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingMetricsTest {

    // ranked list: hit, miss, hit, miss, miss; the user has 3 held-out items
    private static final boolean[] LIST = {true, false, true, false, false};

    @Test
    void shouldComputeRecallAsHitsOverHeldOutItems() {
        assertEquals(1.0 / 3, RankingMetrics.recall(LIST, 1, 3), 1e-12);
        assertEquals(2.0 / 3, RankingMetrics.recall(LIST, 5, 3), 1e-12);
    }

    @Test
    void shouldComputePrecisionOverTheCutoff() {
        assertEquals(0.5, RankingMetrics.precision(LIST, 2), 1e-12);
        assertEquals(0.4, RankingMetrics.precision(LIST, 5), 1e-12);
    }

    @Test
    void shouldComputeNdcgWithIdealOverMinOfHeldOutAndCutoff() {
        // DCG@5 = 1/log2(2) + 1/log2(4) = 1.5; IDCG over 3 items = 1 + 1/log2(3) + 1/2
        double idcg3 = 1 + 1 / (Math.log(3) / Math.log(2)) + 0.5;
        assertEquals(1.5 / idcg3, RankingMetrics.ndcg(LIST, 5, 3), 1e-12);
        // @2: DCG = 1, IDCG over min(3, 2) = 1 + 1/log2(3)
        assertEquals(1 / (1 + 1 / (Math.log(3) / Math.log(2))), RankingMetrics.ndcg(LIST, 2, 3), 1e-12);
        // a single held-out item found at rank 3
        assertEquals(0.5, RankingMetrics.ndcg(new boolean[] {false, false, true}, 3, 1), 1e-12);
    }

    @Test
    void shouldComputeReciprocalRankAndHitRateWithinTheCutoff() {
        boolean[] late = {false, false, false, true};
        assertEquals(0.25, RankingMetrics.reciprocalRank(late, 4), 1e-12);
        assertEquals(0.0, RankingMetrics.reciprocalRank(late, 3), 1e-12);
        assertEquals(1.0, RankingMetrics.hitRate(late, 4), 1e-12);
        assertEquals(0.0, RankingMetrics.hitRate(late, 3), 1e-12);
    }

    @Test
    void shouldScoreZeroWithoutHits() {
        boolean[] none = {false, false};
        assertEquals(0, RankingMetrics.recall(none, 2, 1));
        assertEquals(0, RankingMetrics.ndcg(none, 2, 1));
    }
}
