package io.stylegraph.training.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TransposedProductTest {

    private static float[] expected(float[] left, int rows, float[] right, int cols, int dim) {
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float sum = 0;
                for (int d = 0; d < dim; d++) {
                    sum += left[r * dim + d] * right[c * dim + d];
                }
                out[r * cols + c] = sum;
            }
        }
        return out;
    }

    private static float[] values(int n, int seed) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = ((i * 31 + seed * 17) % 13) - 6f;
        }
        return v;
    }

    @Test
    void shouldMultiplyEveryShapeAndFreeTheBufferOfTheLastShapeWhenItChanges() {
        TransposedProduct product = new TransposedProduct();
        float[] a = values(2 * 3, 1);
        float[] b = values(4 * 3, 2);
        float[] out = new float[2 * 4];
        product.multiply(Nd4j.create(a, new long[] {2, 3}, 'c'), Nd4j.create(b, new long[] {4, 3}, 'c'), out);
        assertArrayEquals(expected(a, 2, b, 4, 3), out, 1e-5f);
        INDArray first = product.buffer();

        product.multiply(Nd4j.create(a, new long[] {2, 3}, 'c'), Nd4j.create(b, new long[] {4, 3}, 'c'), out);
        assertSame(first, product.buffer(), "the same shape keeps its buffer");
        assertFalse(first.wasClosed());

        float[] c = values(5 * 3, 3);
        float[] wider = new float[2 * 5];
        product.multiply(Nd4j.create(a, new long[] {2, 3}, 'c'), Nd4j.create(c, new long[] {5, 3}, 'c'), wider);
        assertArrayEquals(expected(a, 2, c, 5, 3), wider, 1e-5f);
        assertTrue(first.wasClosed(), "the last shape's buffer is freed, not left to a collection");

        product.multiply(Nd4j.create(a, new long[] {2, 3}, 'c'), Nd4j.create(b, new long[] {4, 3}, 'c'), out);
        assertArrayEquals(expected(a, 2, b, 4, 3), out, 1e-5f);
    }
}
