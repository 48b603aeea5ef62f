package io.stylegraph.training.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/**
 * The kernel on ND4J arrays, for whichever ND4J backend is on the classpath (nd4j-native, or nd4j-cuda with
 * {@code -Pcuda}). ND4J 1.0.0-M2.1 has no usable sparse product (its segment ops leak and its scatter-add loses
 * updates under threads), so a sparse product is a row gather, a running sum in double precision, and the difference
 * of the running sum at segment ends: deterministic, and exact enough to match the CPU kernel.
 */
public final class Nd4jKernel implements TrainingKernel {

    @Override
    public String name() {
        return "nd4j(" + Nd4j.getBackend().getClass().getSimpleName() + ")";
    }

    @Override
    public DenseMatrix zeros(int rows, int columns) {
        return new Nd4jMatrix(Nd4j.zeros(DataType.FLOAT, rows, columns));
    }

    @Override
    public DenseMatrix fromArray(float[] rowMajor, int rows, int columns) {
        if (rowMajor.length != rows * columns) {
            throw new IllegalArgumentException("expected " + rows * columns + " values, got " + rowMajor.length);
        }
        return new Nd4jMatrix(Nd4j.create(rowMajor.clone(), new long[] {rows, columns}, 'c'));
    }

    @Override
    public float[] toArray(DenseMatrix matrix) {
        return nd(matrix).dup('c').data().asFloat();
    }

    @Override
    public SparseOperator upload(CsrMatrix matrix) {
        return new Nd4jSparse(matrix);
    }

    @Override
    public void propagate(SparseOperator a, DenseMatrix x, DenseMatrix out) {
        nd(out).assign(segmentSum(((Nd4jSparse) a).forward, nd(x)));
    }

    @Override
    public void propagateAdjoint(SparseOperator a, DenseMatrix g, DenseMatrix out) {
        nd(out).assign(segmentSum(((Nd4jSparse) a).transposed, nd(g)));
    }

    @Override
    public void propagateRows(SparseOperator a, DenseMatrix x, int[] rows, DenseMatrix out) {
        nd(out).assign(segmentSum(SegmentedRows.ofRows(((Nd4jSparse) a).matrix, rows), nd(x)));
    }

    /** Row r of the result = Σ_k weights[k]·source[sources[k]] over k in segment r. */
    private static INDArray segmentSum(SegmentedRows plan, INDArray source) {
        long d = source.columns();
        if (plan.sources().length == 0) {
            return Nd4j.zeros(DataType.FLOAT, plan.outputRows(), d);
        }
        INDArray gathered = pullRows(source, plan.sources()).castTo(DataType.DOUBLE);
        if (plan.weights() != null) {
            INDArray w = Nd4j.createFromArray(plan.weights()).castTo(DataType.DOUBLE).reshape(-1, 1);
            gathered.muliColumnVector(w);
        }
        INDArray running = Nd4j.vstack(Nd4j.zeros(DataType.DOUBLE, 1, d), gathered.cumsum(0));
        int[] start = plan.segmentStart();
        int[] ends = Arrays.copyOfRange(start, 1, start.length);
        int[] begins = Arrays.copyOf(start, start.length - 1);
        return pullRows(running, ends).subi(pullRows(running, begins)).castTo(DataType.FLOAT);
    }

    private static INDArray pullRows(INDArray source, int[] rows) {
        return Nd4j.pullRows(source, 1, rows);
    }

    private static void scatterAdd(INDArray target, int[] rows, INDArray values) {
        target.addi(segmentSum(SegmentedRows.scatter(rows, (int) target.rows()), values));
    }

    @Override
    public void axpbyRows(float alpha, DenseMatrix x, float beta, DenseMatrix y, int[] rows) {
        if (rows.length == 0) {
            return;
        }
        INDArray ys = nd(y);
        INDArray updated = pullRows(nd(x), rows).muli(alpha);
        if (beta != 0f) {
            updated.addi(pullRows(ys, rows).muli(beta));
        }
        long[] at = Arrays.stream(rows).asLongStream().toArray();
        ys.put(new org.nd4j.linalg.indexing.INDArrayIndex[] {org.nd4j.linalg.indexing.NDArrayIndex.indices(at),
                org.nd4j.linalg.indexing.NDArrayIndex.all()}, updated);
    }

    @Override
    public void axpby(float alpha, DenseMatrix x, float beta, DenseMatrix y) {
        INDArray ys = nd(y);
        if (beta != 1f) {
            ys.muli(beta);
        }
        ys.addi(nd(x).mul(alpha));
    }

    @Override
    public void fill(DenseMatrix matrix, float value) {
        nd(matrix).assign(value);
    }

    @Override
    public void projectRows(DenseMatrix features, int[] rows, DenseMatrix weights, DenseMatrix out) {
        nd(out).assign(pullRows(nd(features), rows).mmul(nd(weights)));
    }

    @Override
    public void projectRowsAdjoint(DenseMatrix features, int[] rows, DenseMatrix gradOut, DenseMatrix gradWeights) {
        nd(gradWeights).addi(pullRows(nd(features), rows).transpose().mmul(nd(gradOut)));
    }

    @Override
    public double bpr(DenseMatrix users, int[] u, DenseMatrix items, int[] pos, int[] neg, float weight,
                      DenseMatrix gradUsers, DenseMatrix gradItems) {
        int batch = u.length;
        INDArray x = pullRows(nd(users), u);
        INDArray diff = pullRows(nd(items), pos).subi(pullRows(nd(items), neg));
        float[] scores = x.mul(diff).sum(1).data().asFloat();
        float[] coefficient = new float[batch];
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            loss += CpuCsrKernel.softplus(-scores[b]);
            coefficient[b] = (float) (-weight * CpuCsrKernel.sigmoid(-scores[b]) / batch);
        }
        INDArray c = Nd4j.createFromArray(coefficient).reshape(-1, 1);
        INDArray gradX = diff.mulColumnVector(c);
        INDArray gradPos = x.mulColumnVector(c);
        scatterAdd(nd(gradUsers), u, gradX);
        scatterAdd(nd(gradItems), pos, gradPos);
        scatterAdd(nd(gradItems), neg, gradPos.neg());
        return weight * loss / batch;
    }

    @Override
    public double squaredNorm(DenseMatrix x, int[] rows, float coefficient, DenseMatrix grad) {
        INDArray selected = pullRows(nd(x), rows);
        double sum = selected.castTo(DataType.DOUBLE).norm2Number().doubleValue();
        scatterAdd(nd(grad), rows, selected.mul(2 * coefficient));
        return coefficient * sum * sum;
    }

    @Override
    public double infoNce(DenseMatrix a, DenseMatrix b, int[] rows, float temperature, float weight,
                          DenseMatrix gradA, DenseMatrix gradB) {
        if (nd(a) == nd(b) || nd(gradA) == nd(gradB)) {
            throw new IllegalArgumentException("the two views and their gradients must be different matrices");
        }
        int d = a.columns();
        float[] x = pullRows(nd(a), rows).dup('c').data().asFloat();
        float[] y = pullRows(nd(b), rows).dup('c').data().asFloat();
        Contrastive.Result result = Contrastive.infoNce(x, y, rows.length, d, temperature, weight);
        scatterAdd(nd(gradA), rows, Nd4j.create(result.gradA(), new long[] {rows.length, d}, 'c'));
        scatterAdd(nd(gradB), rows, Nd4j.create(result.gradB(), new long[] {rows.length, d}, 'c'));
        return result.loss();
    }

    @Override
    public void perturb(DenseMatrix x, int[] rows, float magnitude, long seed) {
        INDArray target = nd(x);
        int d = x.columns();
        int[] selected = rows != null ? rows : java.util.stream.IntStream.range(0, x.rows()).toArray();
        if (selected.length == 0) {
            return;
        }
        float[] values = pullRows(target, selected).dup('c').data().asFloat();
        float[] before = values.clone();
        for (int k = 0; k < selected.length; k++) {
            Contrastive.perturbRow(values, k * d, d, selected[k], magnitude, seed);
        }
        for (int k = 0; k < values.length; k++) {
            values[k] -= before[k];
        }
        scatterAdd(target, selected, Nd4j.create(values, new long[] {selected.length, d}, 'c'));
    }

    @Override
    public void adam(DenseMatrix parameters, DenseMatrix grad, DenseMatrix m, DenseMatrix v, AdamSettings settings,
                     int t) {
        INDArray g = nd(grad);
        INDArray ms = nd(m);
        INDArray vs = nd(v);
        float[] corrected = settings.correctedStep(t);
        ms.muli(settings.beta1()).addi(g.mul(1 - settings.beta1()));
        vs.muli(settings.beta2()).addi(g.mul(g).muli(1 - settings.beta2()));
        INDArray denominator = Transforms.sqrt(vs, true).divi(corrected[1]).addi(settings.epsilon());
        nd(parameters).subi(ms.div(denominator).muli(corrected[0]));
    }

    @Override
    public void adamRows(DenseMatrix parameters, DenseMatrix grad, DenseMatrix m, DenseMatrix v,
                         AdamSettings settings, int t, int[] rows) {
        if (rows.length == 0) {
            return;
        }
        // the step on the gathered rows, added back as differences: rows outside the list get nothing
        INDArray g = pullRows(nd(grad), rows);
        INDArray oldM = pullRows(nd(m), rows);
        INDArray oldV = pullRows(nd(v), rows);
        float[] corrected = settings.correctedStep(t);
        INDArray newM = oldM.mul(settings.beta1()).addi(g.mul(1 - settings.beta1()));
        INDArray newV = oldV.mul(settings.beta2()).addi(g.mul(g).muli(1 - settings.beta2()));
        INDArray denominator = Transforms.sqrt(newV, true).divi(corrected[1]).addi(settings.epsilon());
        INDArray step = newM.div(denominator).muli(-corrected[0]);
        scatterAdd(nd(m), rows, newM.sub(oldM));
        scatterAdd(nd(v), rows, newV.sub(oldV));
        scatterAdd(nd(parameters), rows, step);
    }

    private static INDArray nd(DenseMatrix matrix) {
        if (!(matrix instanceof Nd4jMatrix m)) {
            throw new IllegalArgumentException("matrix belongs to another kernel");
        }
        return m.array;
    }

    @Override
    public void close() {
        // arrays are released by ND4J's garbage-collector hooks
    }
}
