package io.stylegraph.training.graph;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellNeighboursTest {

    @Test
    void shouldFindEveryRowWhenThereAreFewerRowsThanNeighbours() {
        float[] unit = {1, 0, 0, 1, 0.6f, 0.8f};
        int k = 5;
        int[] index = new int[3 * k];
        float[] similarity = new float[3 * k];
        int[] count = new int[3];

        CellNeighbours.find(unit, 2, new int[] {0, 1, 2}, k, 8, 1, index, similarity, count);

        assertArrayEquals(new int[] {3, 3, 3}, count);
        assertEquals(0, index[0], "a row is its own nearest");
        assertEquals(2, index[1]);
        assertEquals(0.6f, similarity[1], 1e-6f);
        assertEquals(1, index[2]);
        assertEquals(0f, similarity[2], 1e-6f);
    }

    @Test
    void shouldLeaveRowsOutsideTheSetWithoutNeighboursAndNeverListThem() {
        int rows = 400;
        int dim = 8;
        float[] unit = randomUnit(rows, dim, 7);
        int[] present = java.util.stream.IntStream.range(0, rows).filter(r -> r % 3 != 0).toArray();
        int k = 4;
        int[] index = new int[rows * k];
        float[] similarity = new float[rows * k];
        int[] count = new int[rows];

        CellNeighbours.find(unit, dim, present, k, 3, 1, index, similarity, count);

        for (int r = 0; r < rows; r++) {
            if (r % 3 == 0) {
                assertEquals(0, count[r]);
                continue;
            }
            assertEquals(k, count[r]);
            for (int n = 0; n < k; n++) {
                assertTrue(index[r * k + n] % 3 != 0, "only rows of the set are neighbours");
                assertTrue(n == 0 || similarity[r * k + n] <= similarity[r * k + n - 1], "best first");
            }
        }
    }

    @Test
    void shouldGiveTheSameNeighboursForTheSameSeed() {
        int rows = 2_000;
        int dim = 16;
        float[] unit = randomUnit(rows, dim, 11);
        int[] all = java.util.stream.IntStream.range(0, rows).toArray();
        int k = 10;
        int[] first = new int[rows * k];
        int[] second = new int[rows * k];

        CellNeighbours.find(unit, dim, all, k, 4, 5, first, new float[rows * k], new int[rows]);
        CellNeighbours.find(unit, dim, all, k, 4, 5, second, new float[rows * k], new int[rows]);

        assertArrayEquals(first, second);
    }

    @Test
    void shouldGiveDuplicatedVectorsTheirDuplicatesAsNeighbours() {
        // terms-like vectors: 3,000 rows over 6 distinct vectors, so whole cells hold copies of one vector
        int rows = 3_000;
        int dim = 6;
        float[] unit = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            unit[r * dim + r % dim] = 1;
        }
        int k = 10;
        int[] index = new int[rows * k];
        float[] similarity = new float[rows * k];
        int[] count = new int[rows];

        CellNeighbours.find(unit, dim, java.util.stream.IntStream.range(0, rows).toArray(), k, 2, 1, index,
                similarity, count);

        for (int r = 0; r < rows; r++) {
            assertEquals(k, count[r]);
            for (int n = 0; n < k; n++) {
                assertEquals(r % dim, index[r * k + n] % dim, "a copy of the same vector");
                assertEquals(1f, similarity[r * k + n], 1e-6f);
            }
        }
    }

    private static float[] randomUnit(int rows, int dim, long seed) {
        Random random = new Random(seed);
        float[] unit = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                unit[r * dim + d] = (float) random.nextGaussian();
                norm += unit[r * dim + d] * unit[r * dim + d];
            }
            for (int d = 0; d < dim; d++) {
                unit[r * dim + d] /= (float) Math.sqrt(norm);
            }
        }
        return unit;
    }
}
