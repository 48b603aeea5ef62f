package io.stylegraph.training.job;

import io.stylegraph.training.model.Standardization;

/**
 * The mean vector μ and covariance matrix Σ of a model's item embeddings, so the mean and variance of one user's
 * scores over every item come in closed form, without scoring them: mean = u·μ, variance = uᵀΣu (O(d²) instead of
 * O(n·d)). Computed once per model, in two passes (mean, then centred products) to keep Σ accurate.
 */
public final class ScoreMoments {
    private final int dimension;
    private final double[] mean;
    /** Σ row-major, d × d, divided by n (the population covariance, as {@link Standardization#of} uses). */
    private final double[] covariance;

    private ScoreMoments(int dimension, double[] mean, double[] covariance) {
        this.dimension = dimension;
        this.mean = mean;
        this.covariance = covariance;
    }

    /** The moments of the first {@code n} rows of the row-major {@code n × d} matrix. */
    public static ScoreMoments of(float[] rows, int n, int d) {
        double[] mean = new double[d];
        for (int row = 0; row < n; row++) {
            int offset = row * d;
            for (int k = 0; k < d; k++) {
                mean[k] += rows[offset + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] = n == 0 ? 0 : mean[k] / n;
        }
        double[] covariance = new double[d * d];
        double[] centred = new double[d];
        for (int row = 0; row < n; row++) {
            int offset = row * d;
            for (int k = 0; k < d; k++) {
                centred[k] = rows[offset + k] - mean[k];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                int at = a * d;
                for (int b = a; b < d; b++) {
                    covariance[at + b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double value = n == 0 ? 0 : covariance[a * d + b] / n;
                covariance[a * d + b] = value;
                covariance[b * d + a] = value;
            }
        }
        return new ScoreMoments(d, mean, covariance);
    }

    /** The mean of the user's scores over the items: u·μ. */
    public double mean(float[] user) {
        double sum = 0;
        for (int k = 0; k < dimension; k++) {
            sum += user[k] * mean[k];
        }
        return sum;
    }

    /** The variance of the user's scores over the items: uᵀΣu. */
    public double variance(float[] user) {
        double sum = 0;
        for (int a = 0; a < dimension; a++) {
            double row = 0;
            int at = a * dimension;
            for (int b = 0; b < dimension; b++) {
                row += covariance[at + b] * user[b];
            }
            sum += user[a] * row;
        }
        return Math.max(0, sum);
    }

    /** The user's score spread as {@link Standardization#of(float[], int, int)} would give it over every item. */
    public Standardization spread(float[] user) {
        return spread(mean(user), variance(user));
    }

    /** A spread from a mean and a variance, with {@link Standardization}'s rule for a spread of (nearly) zero. */
    static Standardization spread(double mean, double variance) {
        return new Standardization(mean, variance > 1e-20 ? Math.sqrt(variance) : 1);
    }
}
