package io.stylegraph.models;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorsTest {

    @Test
    void shouldScaleToUnitLengthAndLeaveZeroVectorsZero() {
        assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.normalizeInPlace(new float[] {3, 4}), 1e-7f);
        assertArrayEquals(new float[] {0, 0}, Vectors.normalizeInPlace(new float[] {0, 0}));
    }

    @Test
    void shouldRefuseDotProductsOfDifferentDimensions() {
        assertEquals(11.0, Vectors.dot(new float[] {1, 2}, new float[] {3, 4}), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[1], new float[2]));
    }

    @Test
    void shouldRunTheInnerProductOnTheVectorApiUnderTheTestsFlagsAndAgreeWithTheScalarLoop() {
        // surefire passes --add-modules jdk.incubator.vector, as the launcher does
        assertTrue(Vectors.VECTORIZED);
        java.util.Random random = new java.util.Random(3);
        for (int dimension : new int[] {1, 3, 7, 16, 33, 64, 384, 388}) {
            float[] data = new float[dimension + 5];
            float[] query = new float[dimension];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextFloat() - 0.5f;
            }
            for (int i = 0; i < dimension; i++) {
                query[i] = random.nextFloat() - 0.5f;
            }
            double exact = 0;
            for (int i = 0; i < dimension; i++) {
                exact += (double) data[5 + i] * query[i];
            }
            // the same sum in another order of float additions: equal up to a few roundings
            assertEquals(exact, Vectors.dot(data, 5, query, dimension), 1e-5 * Math.sqrt(dimension), "d " + dimension);
            assertEquals(Vectors.scalarDot(data, 5, query, dimension), Vectors.dot(data, 5, query, dimension),
                    1e-5 * Math.sqrt(dimension), "d " + dimension);
        }
    }
}
