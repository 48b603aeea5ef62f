package io.stylegraph.graph.imports.synthetic;

import java.util.SplittableRandom;

/** The seeded draws the synthetic catalogue is made of: power-law ranks, weighted picks, Gaussian points. */
final class Draws {

    private Draws() {
    }

    /** A rank in [0, n) with probability falling as 1/(rank + 1), by inverting the continuous distribution. */
    static int zipfRank(int n, SplittableRandom random) {
        int rank = (int) Math.floor(Math.pow(n + 1.0, random.nextDouble())) - 1;
        return Math.min(Math.max(rank, 0), n - 1);
    }

    /** Gaussian points, one per row, each coordinate drawn with standard deviation {@code scale}. */
    static double[][] gaussians(SplittableRandom random, int rows, int dimension, double scale) {
        double[][] values = new double[rows][dimension];
        for (double[] row : values) {
            for (int d = 0; d < dimension; d++) {
                row[d] = scale * random.nextGaussian();
            }
        }
        return values;
    }

    /** Running sums of the weights, for {@link #pick}. */
    static double[] cumulativeWeights(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** The index a uniform {@code u} in [0, 1) falls on, by weight; zero-weight entries are never picked. */
    static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        int at = java.util.Arrays.binarySearch(cumulative, target);
        int index = at >= 0 ? at + 1 : -at - 1;
        // skip zero-weight entries that share the cumulative value
        while (index < cumulative.length - 1
                && (index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1]) == 0) {
            index++;
        }
        return Math.min(index, cumulative.length - 1);
    }
}
