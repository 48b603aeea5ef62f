package io.stylegraph.training.kernel;

import java.util.SplittableRandom;

/**
 * The math both kernels share for contrastive training: the one-directional InfoNCE loss between two views of the
 * same rows, and the sign-aligned uniform noise that makes two views differ. Plain Java on one thread: the B×B
 * scores are never held whole (one row at a time), so nothing piles up off the heap as ND4J temporaries would.
 */
final class Contrastive {

    private Contrastive() {
    }

    /** Loss and the gradients with respect to the gathered rows of both views. */
    record Result(double loss, float[] gradA, float[] gradB) {
    }

    /**
     * loss = weight · mean_i −log( exp(â_i·b̂_i/τ) / Σ_j exp(â_i·b̂_j/τ) ), with â, b̂ the rows scaled to unit length:
     * row i of view b is row i's positive and every other row of b a negative. Computed a score row at a time in
     * double precision, every inner loop a multiply-add over a contiguous row so the JIT vectorizes it.
     *
     * @param a row-major B×d rows of the anchor view
     * @param b row-major B×d rows of the other view
     */
    static Result infoNce(float[] a, float[] b, int rows, int d, float temperature, float weight) {
        double[] xNorm = new double[rows];
        double[] yNorm = new double[rows];
        double[] xu = unitRows(a, rows, d, xNorm);
        double[] yu = unitRows(b, rows, d, yNorm);
        double[] yuT = new double[d * rows];
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < d; k++) {
                yuT[k * rows + j] = yu[j * d + k];
            }
        }
        double[] gradXu = new double[rows * d];
        double[] gradYu = new double[rows * d];
        double[] scores = new double[rows];
        double loss = 0;
        double scale = weight / (double) rows / temperature;
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(scores, 0);
            for (int k = 0; k < d; k++) {
                double x = xu[i * d + k] / temperature;
                int at = k * rows;
                for (int j = 0; j < rows; j++) {
                    scores[j] += x * yuT[at + j];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < rows; j++) {
                max = Math.max(max, scores[j]);
            }
            double sum = 0;
            for (int j = 0; j < rows; j++) {
                scores[j] = Math.exp(scores[j] - max);
                sum += scores[j];
            }
            loss += Math.log(sum) + max - Math.log(scores[i]) - max;
            // ∂/∂score_ij = weight/B · (softmax_ij − δ_ij); score_ij = x̂_i·ŷ_j/τ
            int xi = i * d;
            for (int j = 0; j < rows; j++) {
                double g = scale * (scores[j] / sum - (i == j ? 1 : 0));
                int yj = j * d;
                for (int k = 0; k < d; k++) {
                    gradXu[xi + k] += g * yu[yj + k];
                    gradYu[yj + k] += g * xu[xi + k];
                }
            }
        }
        return new Result(weight * loss / rows, throughUnitScaling(gradXu, xu, xNorm, rows, d),
                throughUnitScaling(gradYu, yu, yNorm, rows, d));
    }

    private static double[] unitRows(float[] v, int rows, int d, double[] norms) {
        double[] unit = new double[rows * d];
        for (int i = 0; i < rows; i++) {
            double squared = 0;
            for (int k = 0; k < d; k++) {
                squared += (double) v[i * d + k] * v[i * d + k];
            }
            norms[i] = Math.max(Math.sqrt(squared), 1e-12);
            for (int k = 0; k < d; k++) {
                unit[i * d + k] = v[i * d + k] / norms[i];
            }
        }
        return unit;
    }

    /** The gradient of v ↦ v/‖v‖: (g − û·(û·g))/‖v‖, row by row. */
    private static float[] throughUnitScaling(double[] grad, double[] unit, double[] norms, int rows, int d) {
        float[] out = new float[rows * d];
        for (int i = 0; i < rows; i++) {
            double along = 0;
            for (int k = 0; k < d; k++) {
                along += grad[i * d + k] * unit[i * d + k];
            }
            for (int k = 0; k < d; k++) {
                out[i * d + k] = (float) ((grad[i * d + k] - unit[i * d + k] * along) / norms[i]);
            }
        }
        return out;
    }

    /**
     * Adds magnitude · sign(x) ⊙ n to one row of d values, n a uniform random direction in the positive orthant of
     * unit length, drawn from a generator seeded by (seed, row) so every kernel and thread count adds the same noise.
     */
    static void perturbRow(float[] data, int offset, int d, int row, float magnitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
        float[] noise = new float[d];
        double squared = 0;
        for (int j = 0; j < d; j++) {
            noise[j] = (float) random.nextDouble();
            squared += (double) noise[j] * noise[j];
        }
        float scale = (float) (magnitude / Math.max(Math.sqrt(squared), 1e-12));
        for (int j = 0; j < d; j++) {
            float v = data[offset + j];
            data[offset + j] = v + Math.signum(v) * noise[j] * scale;
        }
    }
}
