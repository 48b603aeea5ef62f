package io.stylegraph.training.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The HNSW graph's distance is one minus the inner product, whatever the dimension's remainder after four. */
class HnswInnerProductTest {
    @Test
    void shouldBeOneMinusTheInnerProductForEveryDimension() {
        Random random = new Random(7);
        HnswGraph.InnerProduct distance = new HnswGraph.InnerProduct();
        for (int dimension : new int[] {1, 3, 4, 5, 384, 387, 388}) {
            float[] u = RandomVectors.unit(random, dimension);
            float[] v = RandomVectors.unit(random, dimension);
            double dot = 0;
            for (int i = 0; i < dimension; i++) {
                dot += (double) u[i] * v[i];
            }
            assertEquals(1 - dot, distance.distance(u, v), 1e-5, "dimension " + dimension);
            assertEquals(0, distance.distance(u, u), 1e-5, "a unit vector is at distance 0 from itself");
        }
    }
}
