package io.stylegraph.training.eval;

/**
 * Per-user full-ranking metrics with binary relevance, as in the MMRec toolbox: {@code relevant[r]} says whether the
 * item at rank r+1 of the user's list is one of the user's {@code numTargets} held-out items.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    public static int hits(boolean[] relevant, int k) {
        int hits = 0;
        for (int r = 0; r < Math.min(k, relevant.length); r++) {
            if (relevant[r]) {
                hits++;
            }
        }
        return hits;
    }

    /** Hits in the top k over the number of held-out items. */
    public static double recall(boolean[] relevant, int k, int numTargets) {
        return numTargets == 0 ? 0 : (double) hits(relevant, k) / numTargets;
    }

    /** Hits in the top k over k. */
    public static double precision(boolean[] relevant, int k) {
        return (double) hits(relevant, k) / k;
    }

    /** DCG with gains 1/log2(rank+1) over the ideal DCG of min(numTargets, k) hits at the top. */
    public static double ndcg(boolean[] relevant, int k, int numTargets) {
        double dcg = 0;
        for (int r = 0; r < Math.min(k, relevant.length); r++) {
            if (relevant[r]) {
                dcg += discount(r);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, numTargets); r++) {
            ideal += discount(r);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** 1/rank of the first hit within the top k, 0 without one. */
    public static double reciprocalRank(boolean[] relevant, int k) {
        for (int r = 0; r < Math.min(k, relevant.length); r++) {
            if (relevant[r]) {
                return 1.0 / (r + 1);
            }
        }
        return 0;
    }

    /** 1 if the top k holds at least one hit. */
    public static double hitRate(boolean[] relevant, int k) {
        return hits(relevant, k) > 0 ? 1 : 0;
    }

    private static double discount(int zeroBasedRank) {
        return 1.0 / (Math.log(zeroBasedRank + 2) / Math.log(2));
    }
}
