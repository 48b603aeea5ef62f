package io.stylegraph.training.outfit;

/**
 * A parameter matrix (row-major, {@code cols} wide) with its gradient and Adam moments. Only rows touched since the
 * last step are updated ("lazy" Adam: moments of untouched rows stay as they are), which keeps steps cheap for large
 * per-item tables. Decay, where enabled, is decoupled (AdamW) and applies to the touched rows.
 */
final class AdamTable {
    final float[] w;
    final float[] grad;
    private final float[] m;
    private final float[] v;
    final int cols;
    private final int rows;
    private final boolean decay;
    private final boolean[] touched;
    private final int[] touchedRows;
    private int touchedCount;

    AdamTable(float[] weights, int cols, boolean decay) {
        if (cols < 1 || weights.length % cols != 0) {
            throw new IllegalArgumentException("table of " + weights.length + " values is not " + cols + " wide");
        }
        this.w = weights;
        this.cols = cols;
        this.rows = weights.length / cols;
        this.decay = decay;
        this.grad = new float[weights.length];
        this.m = new float[weights.length];
        this.v = new float[weights.length];
        this.touched = new boolean[rows];
        this.touchedRows = new int[rows];
    }

    /** Marks a row as touched and returns its offset in {@link #grad} and {@link #w}. */
    int touch(int row) {
        if (!touched[row]) {
            touched[row] = true;
            touchedRows[touchedCount++] = row;
        }
        return row * cols;
    }

    /** Adds {@code scale * values} to a row's gradient. */
    void addToRow(int row, float[] values, float scale) {
        int offset = touch(row);
        for (int k = 0; k < cols; k++) {
            grad[offset + k] += scale * values[k];
        }
    }

    /** One Adam step (step number {@code t} from 1) over the touched rows; clears their gradients. */
    void step(double learningRate, int t, double weightDecay) {
        double beta1 = 0.9;
        double beta2 = 0.999;
        double epsilon = 1e-8;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        float stepSize = (float) (learningRate / correction1);
        float shrink = decay ? (float) (1 - learningRate * weightDecay) : 1f;
        for (int i = 0; i < touchedCount; i++) {
            int row = touchedRows[i];
            touched[row] = false;
            int offset = row * cols;
            for (int k = offset; k < offset + cols; k++) {
                float g = grad[k];
                grad[k] = 0;
                m[k] = (float) (beta1 * m[k] + (1 - beta1) * g);
                v[k] = (float) (beta2 * v[k] + (1 - beta2) * g * g);
                w[k] = w[k] * shrink - stepSize * m[k] / (float) (Math.sqrt(v[k]) / correction2 + epsilon);
            }
        }
        touchedCount = 0;
    }
}
