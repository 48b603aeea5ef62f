package io.stylegraph.training.outfit;

import java.util.Arrays;

/** Fill-in-the-blank accuracy and the area under the ROC curve, both with ties counted as half. */
public final class CompatibilityMetrics {

    private CompatibilityMetrics() {
    }

    /**
     * Credit of one fill-in-the-blank question: 1 when the answer scores strictly best, {@code 1/k} when it ties with
     * k-1 others for the best score (the expected accuracy of picking among the tied at random), 0 otherwise.
     */
    public static double fitbCredit(double[] candidateScores, int answer) {
        double best = Double.NEGATIVE_INFINITY;
        for (double s : candidateScores) {
            best = Math.max(best, s);
        }
        if (candidateScores[answer] < best) {
            return 0;
        }
        int tied = 0;
        for (double s : candidateScores) {
            if (s == best) {
                tied++;
            }
        }
        return 1.0 / tied;
    }

    /**
     * AUC of positives against negatives: the probability that a random positive scores above a random negative,
     * ties counting one half (Mann–Whitney U over average ranks). NaN when either side is empty.
     */
    public static double auc(double[] positives, double[] negatives) {
        int np = positives.length;
        int nn = negatives.length;
        if (np == 0 || nn == 0) {
            return Double.NaN;
        }
        double[] all = new double[np + nn];
        boolean[] positive = new boolean[np + nn];
        Integer[] order = new Integer[np + nn];
        for (int i = 0; i < np; i++) {
            all[i] = positives[i];
            positive[i] = true;
        }
        System.arraycopy(negatives, 0, all, np, nn);
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(all[x], all[y]));
        double positiveRankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        return (positiveRankSum - np * (np + 1) / 2.0) / ((double) np * nn);
    }
}
