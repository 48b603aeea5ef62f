package io.stylegraph.models;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
