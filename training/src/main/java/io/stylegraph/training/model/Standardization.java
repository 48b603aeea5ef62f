package io.stylegraph.training.model;

/**
 * The mean and standard deviation of one user's scores, to put two models' scores on one scale before blending them
 * ({@link HybridModel}, and the service's model + content blend). A spread of zero standardizes by 1, so constant
 * scores are only centred.
 */
public record Standardization(double mean, double deviation) {

    /** From running sums over n scores. */
    public static Standardization of(double sum, double squares, long n) {
        if (n == 0) {
            return new Standardization(0, 1);
        }
        double mean = sum / n;
        double variance = Math.max(0, squares / n - mean * mean);
        return new Standardization(mean, variance > 1e-20 ? Math.sqrt(variance) : 1);
    }

    /** Over {@code length} scores from {@code offset}. */
    public static Standardization of(float[] scores, int offset, int length) {
        double sum = 0;
        double squares = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += scores[i];
            squares += (double) scores[i] * scores[i];
        }
        return of(sum, squares, length);
    }

    public double apply(double score) {
        return (score - mean) / deviation;
    }
}
