package io.stylegraph.training.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every kernel must do, checked on small hand-made cases for both engines. */
class TrainingKernelContractTest {

    // 3 × 4: [[1, 0, 2, 0], [0, 0, 0, 0], [0.5, 3, 0, 1]]
    private static final CsrMatrix A = CsrMatrix.fromTriplets(3, 4, new int[] {0, 0, 2, 2, 2},
            new int[] {0, 2, 0, 1, 3}, new float[] {1, 2, 0.5f, 3, 1}, 5, false);

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) r.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldPropagateAsTheSparseProduct(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            float[] x = {1, 2, 3, 4, 5, 6, 7, 8}; // 4 × 2
            DenseMatrix out = kernel.zeros(3, 2);

            kernel.propagate(kernel.upload(A), kernel.fromArray(x, 4, 2), out);

            assertArrayEquals(new float[] {11, 14, 0, 0, 0.5f + 9 + 7, 1 + 12 + 8}, kernel.toArray(out), 1e-5f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldPropagateOnlyTheListedRowsAndZeroTheOthers(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
            DenseMatrix out = kernel.fromArray(new float[] {9, 9, 9, 9, 9, 9}, 3, 2);

            kernel.propagateRows(kernel.upload(A), kernel.fromArray(x, 4, 2), new int[] {2}, out);

            assertArrayEquals(new float[] {0, 0, 0, 0, 0.5f + 9 + 7, 1 + 12 + 8}, kernel.toArray(out), 1e-5f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldPropagateFromTheNonZeroRowsExactlyAsTheWholeProduct(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            // x is zero outside rows 0 and 3: the product on rows 0 and 2 needs only their terms
            float[] x = {1.5f, -2, 0, 0, 0, 0, 0.25f, 8};
            DenseMatrix whole = kernel.zeros(3, 2);
            DenseMatrix from = kernel.fromArray(new float[] {9, 9, 9, 9, 9, 9}, 3, 2);
            SparseOperator a = kernel.upload(A);

            kernel.propagateRows(a, kernel.fromArray(x, 4, 2), new int[] {0, 2}, whole);
            kernel.propagateRowsFrom(a, kernel.fromArray(x, 4, 2), new int[] {0, 3}, new int[] {0, 2}, from);

            assertArrayEquals(kernel.toArray(whole), kernel.toArray(from), 0f, "the same sums, bit for bit");
            assertArrayEquals(new float[] {1.5f, -2, 0, 0, 0.75f + 0.25f, -1 + 8}, kernel.toArray(from), 1e-6f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldTakeTheAdjointFromTheNonZeroRowsExactlyAsTheWholeAdjoint(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            // g is zero outside row 2, whose non-zeros in A sit in columns 0, 1 and 3: Aᵀ·g lives on those rows
            float[] g = {0, 0, 0, 0, 5, -2};
            DenseMatrix whole = kernel.zeros(4, 2);
            DenseMatrix from = kernel.fromArray(new float[] {9, 9, 9, 9, 9, 9, 9, 9}, 4, 2);
            SparseOperator a = kernel.upload(A);

            kernel.propagateAdjoint(a, kernel.fromArray(g, 3, 2), whole);
            kernel.propagateAdjointRowsFrom(a, kernel.fromArray(g, 3, 2), new int[] {2}, new int[] {0, 1, 3}, from);

            assertArrayEquals(kernel.toArray(whole), kernel.toArray(from), 0f, "the same sums, bit for bit");
            assertArrayEquals(new float[] {2.5f, -1, 15, -6, 0, 0, 5, -2}, kernel.toArray(from), 1e-6f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldCombineOnlyTheListedRows(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            DenseMatrix x = kernel.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
            DenseMatrix y = kernel.fromArray(new float[] {10, 20, 30, 40, 50, 60}, 3, 2);

            kernel.axpbyRows(2f, x, 0.5f, y, new int[] {0, 2});

            assertArrayEquals(new float[] {7, 14, 30, 40, 35, 42}, kernel.toArray(y), 1e-6f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldComputeTheAdjointOfPropagation(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            float[] x = random(4 * 3, 1);
            float[] g = random(3 * 3, 2);
            SparseOperator a = kernel.upload(A);
            DenseMatrix ax = kernel.zeros(3, 3);
            DenseMatrix atg = kernel.zeros(4, 3);

            kernel.propagate(a, kernel.fromArray(x, 4, 3), ax);
            kernel.propagateAdjoint(a, kernel.fromArray(g, 3, 3), atg);

            // ⟨A·x, g⟩ = ⟨x, Aᵀ·g⟩
            assertEquals(dot(kernel.toArray(ax), g), dot(x, kernel.toArray(atg)), 1e-4);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldGiveBprGradientsThatMatchFiniteDifferences(KernelEngine engine) {
        int n = 5;
        int d = 3;
        int[] u = {0, 1, 0};
        int[] pos = {2, 3, 3};
        int[] neg = {4, 2, 4};
        float[] x = random(n * d, 3);
        try (TrainingKernel kernel = engine.create(2)) {
            DenseMatrix grad = kernel.zeros(n, d);
            kernel.bpr(kernel.fromArray(x, n, d), u, kernel.fromArray(x, n, d), pos, neg, 0.7f, grad, grad);
            float[] analytic = kernel.toArray(grad);
            double h = 1e-3;
            for (int k = 0; k < x.length; k++) {
                float[] plus = x.clone();
                float[] minus = x.clone();
                plus[k] += (float) h;
                minus[k] -= (float) h;
                double numeric = (bprLoss(kernel, plus, n, d, u, pos, neg) - bprLoss(kernel, minus, n, d, u, pos, neg))
                        / (2 * h);
                assertEquals(numeric, analytic[k], 2e-3, "component " + k);
            }
        }
    }

    private static double bprLoss(TrainingKernel kernel, float[] x, int n, int d, int[] u, int[] pos, int[] neg) {
        DenseMatrix m = kernel.fromArray(x, n, d);
        return kernel.bpr(m, u, m, pos, neg, 0.7f, kernel.zeros(n, d), kernel.zeros(n, d));
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldGiveInfoNceGradientsThatMatchFiniteDifferences(KernelEngine engine) {
        int n = 6;
        int d = 4;
        int[] rows = {0, 2, 3, 5};
        float[] a = random(n * d, 11);
        float[] b = random(n * d, 12);
        try (TrainingKernel kernel = engine.create(2)) {
            DenseMatrix gradA = kernel.zeros(n, d);
            DenseMatrix gradB = kernel.zeros(n, d);
            kernel.infoNce(kernel.fromArray(a, n, d), kernel.fromArray(b, n, d), rows, 0.5f, 0.8f, gradA, gradB);
            float[] analyticA = kernel.toArray(gradA);
            float[] analyticB = kernel.toArray(gradB);
            double h = 1e-3;
            for (int k = 0; k < a.length; k++) {
                float[] plus = a.clone();
                float[] minus = a.clone();
                plus[k] += (float) h;
                minus[k] -= (float) h;
                double numeric = (infoNce(kernel, plus, b, n, d, rows) - infoNce(kernel, minus, b, n, d, rows))
                        / (2 * h);
                assertEquals(numeric, analyticA[k], 1e-3, "anchor component " + k);
                plus = b.clone();
                minus = b.clone();
                plus[k] += (float) h;
                minus[k] -= (float) h;
                numeric = (infoNce(kernel, a, plus, n, d, rows) - infoNce(kernel, a, minus, n, d, rows)) / (2 * h);
                assertEquals(numeric, analyticB[k], 1e-3, "other view component " + k);
            }
            // rows outside the list take no part
            for (int j = 0; j < d; j++) {
                assertEquals(0f, analyticA[d + j]);
                assertEquals(0f, analyticB[4 * d + j]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldGiveTheInfoNceLossOfHandComputedScores(KernelEngine engine) {
        // two rows, views equal up to length: unit scores are 1 on the diagonal and 0 off it
        float[] a = {2, 0, 0, 3};
        float[] b = {1, 0, 0, 5};
        try (TrainingKernel kernel = engine.create(2)) {
            double loss = kernel.infoNce(kernel.fromArray(a, 2, 2), kernel.fromArray(b, 2, 2), new int[] {0, 1}, 0.5f,
                    1f, kernel.zeros(2, 2), kernel.zeros(2, 2));

            // −log(e^{1/0.5} / (e^{1/0.5} + e^0)) for each row
            assertEquals(Math.log1p(Math.exp(-2)), loss, 1e-6);
        }
    }

    private static double infoNce(TrainingKernel kernel, float[] a, float[] b, int n, int d, int[] rows) {
        return kernel.infoNce(kernel.fromArray(a, n, d), kernel.fromArray(b, n, d), rows, 0.5f, 0.8f,
                kernel.zeros(n, d), kernel.zeros(n, d));
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldAddNoiseOfTheGivenLengthAlongTheSignsOfTheListedRowsOnly(KernelEngine engine) {
        float[] x = {1, -2, 0.5f, -1, 3, 4, -5, 6, 7};
        try (TrainingKernel kernel = engine.create(2);
             TrainingKernel other = (engine == KernelEngine.CPU ? KernelEngine.ND4J : KernelEngine.CPU).create(1)) {
            DenseMatrix m = kernel.fromArray(x, 3, 3);
            DenseMatrix same = other.fromArray(x, 3, 3);

            kernel.perturb(m, new int[] {0, 2}, 0.1f, 42);
            other.perturb(same, new int[] {0, 2}, 0.1f, 42);

            float[] y = kernel.toArray(m);
            assertArrayEquals(other.toArray(same), y, 1e-6f, "both kernels add the same noise");
            for (int r : new int[] {0, 2}) {
                double length = 0;
                for (int j = 0; j < 3; j++) {
                    float delta = y[r * 3 + j] - x[r * 3 + j];
                    assertTrue(delta * Math.signum(x[r * 3 + j]) >= 0, "noise follows the sign at " + (r * 3 + j));
                    length += delta * delta;
                }
                assertEquals(0.1, Math.sqrt(length), 1e-5);
            }
            assertArrayEquals(new float[] {-1, 3, 4}, java.util.Arrays.copyOfRange(y, 3, 6), "row 1 is not listed");
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldAccumulateSquaredNormGradientsForRepeatedRows(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            DenseMatrix x = kernel.fromArray(new float[] {1, 2, 3, 4}, 2, 2);
            DenseMatrix grad = kernel.zeros(2, 2);

            double loss = kernel.squaredNorm(x, new int[] {1, 1, 0}, 0.5f, grad);

            assertEquals(0.5 * (25 + 25 + 5), loss, 1e-6);
            assertArrayEquals(new float[] {1, 2, 6, 8}, kernel.toArray(grad), 1e-6f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldProjectRowsAndAccumulateTheWeightGradient(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            DenseMatrix features = kernel.fromArray(new float[] {1, 0, 0, 1, 2, 3}, 3, 2);
            DenseMatrix weights = kernel.fromArray(new float[] {1, 2, 3, 4}, 2, 2);
            DenseMatrix out = kernel.zeros(2, 2);
            DenseMatrix gradWeights = kernel.zeros(2, 2);

            kernel.projectRows(features, new int[] {2, 0}, weights, out);
            kernel.projectRowsAdjoint(features, new int[] {2, 0}, kernel.fromArray(new float[] {1, 0, 0, 1}, 2, 2),
                    gradWeights);

            assertArrayEquals(new float[] {11, 16, 1, 2}, kernel.toArray(out), 1e-5f);
            // [2 3; 1 0]ᵀ · [1 0; 0 1]
            assertArrayEquals(new float[] {2, 1, 3, 0}, kernel.toArray(gradWeights), 1e-5f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldTakeAnAdamStepLikePyTorch(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            DenseMatrix p = kernel.fromArray(new float[] {1, -1}, 1, 2);
            DenseMatrix m = kernel.zeros(1, 2);
            DenseMatrix v = kernel.zeros(1, 2);

            kernel.adam(p, kernel.fromArray(new float[] {0.5f, -2f}, 1, 2), m, v, AdamSettings.withLearningRate(0.1),
                    1);

            // the first bias-corrected step moves each parameter by lr against the gradient's sign
            assertArrayEquals(new float[] {0.9f, -0.9f}, kernel.toArray(p), 1e-5f);
            assertArrayEquals(new float[] {0.05f, -0.2f}, kernel.toArray(m), 1e-6f);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldLeaveTheRowsALazyAdamStepDoesNotListExactlyAsTheyWere(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            int n = 6;
            int d = 3;
            float[] start = random(n * d, 11);
            float[] moments = random(n * d, 12);
            float[] squares = random(n * d, 13);
            for (int k = 0; k < squares.length; k++) {
                squares[k] = squares[k] * squares[k];
            }
            DenseMatrix p = kernel.fromArray(start, n, d);
            DenseMatrix m = kernel.fromArray(moments, n, d);
            DenseMatrix v = kernel.fromArray(squares, n, d);
            int[] rows = {1, 4};

            // the unlisted rows have a gradient too: a lazy step must not read it
            kernel.adamRows(p, kernel.fromArray(random(n * d, 14), n, d), m, v, AdamSettings.withLearningRate(0.1),
                    3, rows);

            float[] after = kernel.toArray(p);
            float[] afterM = kernel.toArray(m);
            float[] afterV = kernel.toArray(v);
            for (int r : new int[] {0, 2, 3, 5}) {
                for (int j = 0; j < d; j++) {
                    int k = r * d + j;
                    assertEquals(start[k], after[k], 0f, "value of row " + r);
                    assertEquals(moments[k], afterM[k], 0f, "first moment of row " + r);
                    assertEquals(squares[k], afterV[k], 0f, "second moment of row " + r);
                }
            }
            for (int r : rows) {
                for (int j = 0; j < d; j++) {
                    assertTrue(after[r * d + j] != start[r * d + j], "listed row " + r + " moved");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldTakeTheDenseAdamStepOnTheListedRows(KernelEngine engine) {
        try (TrainingKernel kernel = engine.create(2)) {
            int n = 5;
            int d = 4;
            float[] start = random(n * d, 21);
            float[] grad = random(n * d, 22);
            DenseMatrix lazy = kernel.fromArray(start, n, d);
            DenseMatrix lazyM = kernel.zeros(n, d);
            DenseMatrix lazyV = kernel.zeros(n, d);
            DenseMatrix dense = kernel.fromArray(start, n, d);
            DenseMatrix denseM = kernel.zeros(n, d);
            DenseMatrix denseV = kernel.zeros(n, d);
            AdamSettings settings = AdamSettings.withLearningRate(0.01);
            int[] rows = {0, 2, 3};

            for (int t = 1; t <= 3; t++) {
                kernel.adamRows(lazy, kernel.fromArray(grad, n, d), lazyM, lazyV, settings, t, rows);
                kernel.adam(dense, kernel.fromArray(grad, n, d), denseM, denseV, settings, t);
            }

            float[] l = kernel.toArray(lazy);
            float[] e = kernel.toArray(dense);
            for (int r : rows) {
                for (int j = 0; j < d; j++) {
                    assertEquals(e[r * d + j], l[r * d + j], 1e-6f, "row " + r);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void shouldTakeTheSameLazyAdamStepsOnBothEngines() {
        int n = 40;
        int d = 8;
        float[] start = random(n * d, 31);
        AdamSettings settings = AdamSettings.withLearningRate(0.01);
        float[][] results = new float[2][];
        for (KernelEngine engine : KernelEngine.values()) {
            try (TrainingKernel kernel = engine.create(2)) {
                DenseMatrix p = kernel.fromArray(start, n, d);
                DenseMatrix m = kernel.zeros(n, d);
                DenseMatrix v = kernel.zeros(n, d);
                Random batches = new Random(32);
                for (int t = 1; t <= 20; t++) {
                    int[] rows = java.util.stream.IntStream.range(0, n).filter(r -> batches.nextInt(3) == 0)
                            .toArray();
                    kernel.adamRows(p, kernel.fromArray(random(n * d, 100 + t), n, d), m, v, settings, t, rows);
                }
                results[engine.ordinal()] = kernel.toArray(p);
            }
        }
        assertArrayEquals(results[0], results[1], 1e-5f);
        assertTrue(!java.util.Arrays.equals(start, results[0]), "the steps moved the table");
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (double) a[k] * b[k];
        }
        return sum;
    }
}
