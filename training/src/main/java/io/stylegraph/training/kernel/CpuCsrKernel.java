package io.stylegraph.training.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The default kernel: multithreaded CSR propagation on Java arrays, its row sums on the vector API when the JVM has the
 * module ({@link VectorRows}), else in a scalar loop with the same result; the one dense product (feature projection)
 * goes through ND4J/OpenBLAS. Reductions over a batch run on one thread in batch order, so results do not depend on the
 * thread count.
 */
public final class CpuCsrKernel implements TrainingKernel {

    private static final int MIN_CHUNK = 1 << 14;

    /**
     * Whether the row sums run on the vector API ({@link VectorRows}): the JVM has its module. Checked here, since
     * touching VectorRows without the module fails in its initialization.
     */
    static final boolean VECTOR_ROWS = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private final ParallelRanges parallel;

    public CpuCsrKernel(int threads) {
        this.parallel = new ParallelRanges(threads);
    }

    @Override
    public String name() {
        return "cpu-csr(" + parallel.threads() + " threads)";
    }

    @Override
    public DenseMatrix zeros(int rows, int columns) {
        return new ArrayMatrix(new float[rows * columns], rows, columns);
    }

    @Override
    public DenseMatrix fromArray(float[] rowMajor, int rows, int columns) {
        return new ArrayMatrix(rowMajor.clone(), rows, columns);
    }

    @Override
    public float[] toArray(DenseMatrix matrix) {
        return array(matrix).data.clone();
    }

    @Override
    public SparseOperator upload(CsrMatrix matrix) {
        return new CsrOperator(matrix, parallel.threads() * 4);
    }

    @Override
    public void propagate(SparseOperator a, DenseMatrix x, DenseMatrix out) {
        CsrOperator op = (CsrOperator) a;
        multiply(op.forward, op.forwardChunks, array(x), array(out));
    }

    @Override
    public void propagateAdjoint(SparseOperator a, DenseMatrix g, DenseMatrix out) {
        CsrOperator op = (CsrOperator) a;
        multiply(op.transposed, op.transposedChunks, array(g), array(out));
    }

    @Override
    public void propagateRows(SparseOperator a, DenseMatrix x, int[] rows, DenseMatrix out) {
        propagateRows(((CsrOperator) a).forward, x, null, rows, out);
    }

    /**
     * Skips the terms of columns outside {@code sources}: the row of x it would read is zero. The sum of each row
     * keeps its order (ascending columns), so the result is the full product's bit for bit.
     */
    @Override
    public void propagateRowsFrom(SparseOperator a, DenseMatrix x, int[] sources, int[] rows, DenseMatrix out) {
        CsrMatrix forward = ((CsrOperator) a).forward;
        propagateRows(forward, x, marks(forward.numColumns(), sources), rows, out);
    }

    /** {@link #propagateRowsFrom} on the transposed matrix, the same sums as the full adjoint product bit for bit. */
    @Override
    public void propagateAdjointRowsFrom(SparseOperator a, DenseMatrix g, int[] sources, int[] rows,
                                         DenseMatrix out) {
        CsrMatrix transposed = ((CsrOperator) a).transposed;
        propagateRows(transposed, g, marks(transposed.numColumns(), sources), rows, out);
    }

    private static boolean[] marks(int size, int[] indices) {
        boolean[] mark = new boolean[size];
        for (int index : indices) {
            mark[index] = true;
        }
        return mark;
    }

    private void propagateRows(CsrMatrix m, DenseMatrix x, boolean[] source, int[] rows, DenseMatrix out) {
        ArrayMatrix xs = array(x);
        ArrayMatrix ys = array(out);
        if (xs.rows != m.numColumns() || ys.rows != m.numRows() || xs == ys) {
            throw new IllegalArgumentException("shape mismatch or aliasing in sparse product");
        }
        fill(out, 0f);
        int d = xs.columns;
        int[] rowStart = m.rowStart();
        int[] columns = m.columns();
        float[] values = m.values();
        float[] xd = xs.data;
        float[] yd = ys.data;
        parallel.runChunks(chunksByWork(rows, rowStart, parallel.threads() * 4), (from, to) -> {
            if (VECTOR_ROWS) {
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    VectorRows.sum(xd, d, columns, values, source, rowStart[r], rowStart[r + 1], yd, r * d);
                }
                return;
            }
            float[] acc = new float[d];
            for (int k = from; k < to; k++) {
                int r = rows[k];
                Arrays.fill(acc, 0f);
                for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                    if (source != null && !source[columns[e]]) {
                        continue;
                    }
                    float v = values[e];
                    int src = columns[e] * d;
                    for (int j = 0; j < d; j++) {
                        acc[j] += v * xd[src + j];
                    }
                }
                System.arraycopy(acc, 0, yd, r * d, d);
            }
        });
    }

    /** Boundaries into {@code rows} that give each chunk about the same number of non-zeros. */
    private static int[] chunksByWork(int[] rows, int[] rowStart, int chunks) {
        long total = 0;
        for (int r : rows) {
            total += rowStart[r + 1] - rowStart[r] + 1;
        }
        int[] bounds = new int[chunks + 1];
        long done = 0;
        int at = 0;
        for (int c = 1; c < chunks; c++) {
            long target = total * c / chunks;
            while (at < rows.length && done < target) {
                done += rowStart[rows[at] + 1] - rowStart[rows[at]] + 1;
                at++;
            }
            bounds[c] = at;
        }
        bounds[chunks] = rows.length;
        return bounds;
    }

    private void multiply(CsrMatrix m, int[] chunks, ArrayMatrix x, ArrayMatrix out) {
        if (x.rows != m.numColumns() || out.rows != m.numRows() || x.columns != out.columns || x == out) {
            throw new IllegalArgumentException("shape mismatch or aliasing in sparse product");
        }
        int d = x.columns;
        int[] rowStart = m.rowStart();
        int[] columns = m.columns();
        float[] values = m.values();
        float[] xs = x.data;
        float[] ys = out.data;
        parallel.runChunks(chunks, (from, to) -> {
            if (VECTOR_ROWS) {
                for (int r = from; r < to; r++) {
                    VectorRows.sum(xs, d, columns, values, null, rowStart[r], rowStart[r + 1], ys, r * d);
                }
                return;
            }
            float[] acc = new float[d];
            for (int r = from; r < to; r++) {
                Arrays.fill(acc, 0f);
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                    float v = values[k];
                    int src = columns[k] * d;
                    for (int j = 0; j < d; j++) {
                        acc[j] += v * xs[src + j];
                    }
                }
                System.arraycopy(acc, 0, ys, r * d, d);
            }
        });
    }

    @Override
    public void axpby(float alpha, DenseMatrix x, float beta, DenseMatrix y) {
        float[] xs = array(x).data;
        float[] ys = array(y).data;
        requireSameShape(x, y);
        parallel.forEach(ys.length, MIN_CHUNK, (from, to) -> {
            for (int k = from; k < to; k++) {
                ys[k] = alpha * xs[k] + beta * ys[k];
            }
        });
    }

    @Override
    public void axpbyRows(float alpha, DenseMatrix x, float beta, DenseMatrix y, int[] rows) {
        ArrayMatrix xs = array(x);
        ArrayMatrix ys = array(y);
        requireSameShape(x, y);
        int d = xs.columns;
        parallel.forEach(rows.length, Math.max(1, MIN_CHUNK / Math.max(1, d)), (from, to) -> {
            for (int k = from; k < to; k++) {
                int offset = rows[k] * d;
                for (int j = offset; j < offset + d; j++) {
                    ys.data[j] = alpha * xs.data[j] + beta * ys.data[j];
                }
            }
        });
    }

    @Override
    public void fill(DenseMatrix matrix, float value) {
        float[] data = array(matrix).data;
        parallel.forEach(data.length, MIN_CHUNK, (from, to) -> Arrays.fill(data, from, to, value));
    }

    @Override
    public void projectRows(DenseMatrix features, int[] rows, DenseMatrix weights, DenseMatrix out) {
        ArrayMatrix f = array(features);
        ArrayMatrix w = array(weights);
        ArrayMatrix o = array(out);
        if (o.rows != rows.length || w.rows != f.columns || o.columns != w.columns) {
            throw new IllegalArgumentException("shape mismatch in projection");
        }
        INDArray gathered = Nd4j.create(gatherRows(f, rows), new long[] {rows.length, f.columns}, 'c');
        INDArray product = gathered.mmul(Nd4j.create(w.data, new long[] {w.rows, w.columns}, 'c'));
        System.arraycopy(product.castTo(DataType.FLOAT).dup('c').data().asFloat(), 0, o.data, 0, o.data.length);
    }

    @Override
    public void projectRowsAdjoint(DenseMatrix features, int[] rows, DenseMatrix gradOut, DenseMatrix gradWeights) {
        ArrayMatrix f = array(features);
        ArrayMatrix g = array(gradOut);
        ArrayMatrix gw = array(gradWeights);
        INDArray gathered = Nd4j.create(gatherRows(f, rows), new long[] {rows.length, f.columns}, 'c');
        INDArray product = gathered.transpose().mmul(Nd4j.create(g.data, new long[] {g.rows, g.columns}, 'c'));
        float[] delta = product.dup('c').data().asFloat();
        for (int k = 0; k < delta.length; k++) {
            gw.data[k] += delta[k];
        }
    }

    private static float[] gatherRows(ArrayMatrix m, int[] rows) {
        float[] out = new float[rows.length * m.columns];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(m.data, rows[k] * m.columns, out, k * m.columns, m.columns);
        }
        return out;
    }

    @Override
    public double bpr(DenseMatrix users, int[] u, DenseMatrix items, int[] pos, int[] neg, float weight,
                      DenseMatrix gradUsers, DenseMatrix gradItems) {
        float[] us = array(users).data;
        float[] is = array(items).data;
        float[] gu = array(gradUsers).data;
        float[] gi = array(gradItems).data;
        int d = users.columns();
        int batch = u.length;
        float[] coefficient = new float[batch];
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int ub = u[b] * d;
            int pb = pos[b] * d;
            int nb = neg[b] * d;
            float x = 0;
            for (int j = 0; j < d; j++) {
                x += us[ub + j] * (is[pb + j] - is[nb + j]);
            }
            loss += softplus(-x);
            coefficient[b] = (float) (-weight * sigmoid(-x) / batch);
        }
        // gradients read the forward values, so they are applied after all scores are known
        float[] userRows = new float[batch * d];
        for (int b = 0; b < batch; b++) {
            int ub = u[b] * d;
            System.arraycopy(us, ub, userRows, b * d, d);
        }
        float[] diffRows = new float[batch * d];
        for (int b = 0; b < batch; b++) {
            int pb = pos[b] * d;
            int nb = neg[b] * d;
            for (int j = 0; j < d; j++) {
                diffRows[b * d + j] = is[pb + j] - is[nb + j];
            }
        }
        for (int b = 0; b < batch; b++) {
            float c = coefficient[b];
            int ub = u[b] * d;
            int pb = pos[b] * d;
            int nb = neg[b] * d;
            for (int j = 0; j < d; j++) {
                gu[ub + j] += c * diffRows[b * d + j];
            }
            for (int j = 0; j < d; j++) {
                float g = c * userRows[b * d + j];
                gi[pb + j] += g;
                gi[nb + j] -= g;
            }
        }
        return weight * loss / batch;
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public double squaredNorm(DenseMatrix x, int[] rows, float coefficient, DenseMatrix grad) {
        float[] xs = array(x).data;
        float[] gs = array(grad).data;
        int d = x.columns();
        double sum = 0;
        float[] snapshot = new float[rows.length * d];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(xs, rows[k] * d, snapshot, k * d, d);
        }
        for (int k = 0; k < rows.length; k++) {
            int base = rows[k] * d;
            for (int j = 0; j < d; j++) {
                float v = snapshot[k * d + j];
                sum += (double) v * v;
                gs[base + j] += 2 * coefficient * v;
            }
        }
        return coefficient * sum;
    }

    @Override
    public double infoNce(DenseMatrix a, DenseMatrix b, int[] rows, float temperature, float weight,
                          DenseMatrix gradA, DenseMatrix gradB) {
        ArrayMatrix x = array(a);
        ArrayMatrix y = array(b);
        if (x == y || array(gradA) == array(gradB)) {
            throw new IllegalArgumentException("the two views and their gradients must be different matrices");
        }
        requireSameShape(a, b);
        int d = x.columns;
        Contrastive.Result result = Contrastive.infoNce(gatherRows(x, rows), gatherRows(y, rows), rows.length, d,
                temperature, weight);
        scatterAdd(array(gradA), rows, result.gradA());
        scatterAdd(array(gradB), rows, result.gradB());
        return result.loss();
    }

    private static void scatterAdd(ArrayMatrix target, int[] rows, float[] values) {
        int d = target.columns;
        for (int k = 0; k < rows.length; k++) {
            int base = rows[k] * d;
            for (int j = 0; j < d; j++) {
                target.data[base + j] += values[k * d + j];
            }
        }
    }

    @Override
    public void perturb(DenseMatrix x, int[] rows, float magnitude, long seed) {
        ArrayMatrix m = array(x);
        int d = m.columns;
        int size = rows == null ? m.rows : rows.length;
        parallel.forEach(size, 1 << 10, (from, to) -> {
            for (int k = from; k < to; k++) {
                int r = rows == null ? k : rows[k];
                Contrastive.perturbRow(m.data, r * d, d, r, magnitude, seed);
            }
        });
    }

    @Override
    public void adam(DenseMatrix parameters, DenseMatrix grad, DenseMatrix m, DenseMatrix v, AdamSettings settings,
                     int t) {
        float[] p = array(parameters).data;
        float[] g = array(grad).data;
        float[] ms = array(m).data;
        float[] vs = array(v).data;
        float b1 = settings.beta1();
        float b2 = settings.beta2();
        float[] corrected = settings.correctedStep(t);
        float stepSize = corrected[0];
        float sqrtCorrection2 = corrected[1];
        float eps = settings.epsilon();
        parallel.forEach(p.length, MIN_CHUNK, (from, to) -> {
            for (int k = from; k < to; k++) {
                float gk = g[k];
                float mk = b1 * ms[k] + (1 - b1) * gk;
                float vk = b2 * vs[k] + (1 - b2) * gk * gk;
                ms[k] = mk;
                vs[k] = vk;
                p[k] -= stepSize * mk / ((float) Math.sqrt(vk) / sqrtCorrection2 + eps);
            }
        });
    }

    @Override
    public void adamRows(DenseMatrix parameters, DenseMatrix grad, DenseMatrix m, DenseMatrix v,
                         AdamSettings settings, int t, int[] rows) {
        float[] p = array(parameters).data;
        float[] g = array(grad).data;
        float[] ms = array(m).data;
        float[] vs = array(v).data;
        int d = parameters.columns();
        float b1 = settings.beta1();
        float b2 = settings.beta2();
        float[] corrected = settings.correctedStep(t);
        float stepSize = corrected[0];
        float sqrtCorrection2 = corrected[1];
        float eps = settings.epsilon();
        parallel.forEach(rows.length, Math.max(1, MIN_CHUNK / Math.max(1, d)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = rows[r] * d;
                for (int k = base; k < base + d; k++) {
                    float gk = g[k];
                    float mk = b1 * ms[k] + (1 - b1) * gk;
                    float vk = b2 * vs[k] + (1 - b2) * gk * gk;
                    ms[k] = mk;
                    vs[k] = vk;
                    p[k] -= stepSize * mk / ((float) Math.sqrt(vk) / sqrtCorrection2 + eps);
                }
            }
        });
    }

    private static ArrayMatrix array(DenseMatrix matrix) {
        if (!(matrix instanceof ArrayMatrix a)) {
            throw new IllegalArgumentException("matrix belongs to another kernel");
        }
        return a;
    }

    private static void requireSameShape(DenseMatrix a, DenseMatrix b) {
        if (a.rows() != b.rows() || a.columns() != b.columns()) {
            throw new IllegalArgumentException("shape mismatch");
        }
    }

    @Override
    public void close() {
        parallel.close();
    }
}
