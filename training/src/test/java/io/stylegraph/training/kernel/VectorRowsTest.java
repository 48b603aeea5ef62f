package io.stylegraph.training.kernel;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorRowsTest {

    @Test
    void shouldRunWithTheVectorModuleAsTheBuildStartsTheTests() {
        assertTrue(CpuCsrKernel.VECTOR_ROWS, "surefire passes --add-modules jdk.incubator.vector");
    }

    @Test
    void shouldSumRowsAsTheScalarLoopDoesBitForBit() {
        Random random = new Random(3);
        for (int d : new int[] {64, 70, 16, 5, 130}) {
            int rows = 50;
            float[] xs = new float[rows * d];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = (float) random.nextGaussian() * (random.nextBoolean() ? 1e-3f : 1e3f);
            }
            int edges = 40;
            int[] columns = new int[edges];
            float[] values = new float[edges];
            boolean[] source = new boolean[rows];
            for (int e = 0; e < edges; e++) {
                columns[e] = random.nextInt(rows);
                values[e] = (float) random.nextGaussian();
            }
            for (int r = 0; r < rows; r++) {
                source[r] = random.nextBoolean();
            }
            for (boolean[] mask : new boolean[][] {null, source}) {
                float[] expected = new float[d + 3];
                float[] actual = new float[d + 3];
                for (int j = 0; j < d; j++) {
                    float s = 0f;
                    for (int e = 5; e < 37; e++) {
                        if (mask == null || mask[columns[e]]) {
                            s += values[e] * xs[columns[e] * d + j];
                        }
                    }
                    expected[3 + j] = s;
                }

                VectorRows.sum(xs, d, columns, values, mask, 5, 37, actual, 3);

                assertArrayEquals(expected, actual, 0f, "d = " + d);
            }
        }
    }
}
