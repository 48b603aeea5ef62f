package io.stylegraph.training.model;

import io.stylegraph.models.Vectors;
import io.stylegraph.training.index.TopK;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * For the items an item-to-item table does not reach, the reached items that look most like them: the nearest by
 * cosine between item vectors, for example a content-aware model's item embeddings, which place an item nobody liked
 * by its content. What {@link ItemNeighbourTable#withLookalikes} takes. An exact scan over the reached items for each
 * unreached one (items × reached items × dimension multiply-adds, spread over the cores), so it pays while the
 * unreached items are a small share of the catalogue, as new arrivals are.
 */
public final class ItemLookalikes {

    private ItemLookalikes() {
    }

    /**
     * @param vectors   item vectors, row-major, {@code reached.length} rows of {@code dimension}
     * @param reached   which items keep their own entries
     * @param count     lookalikes per unreached item (fewer when fewer items are reached)
     * @return per item, its lookalikes best first; null for reached items and for items whose vector is zero
     */
    public static int[][] nearestReached(float[] vectors, int dimension, boolean[] reached, int count) {
        int n = reached.length;
        if (vectors.length != n * dimension) {
            throw new IllegalArgumentException(vectors.length + " values are not " + n + " vectors of " + dimension);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        float[] inverseNorm = new float[n];
        for (int i = 0; i < n; i++) {
            double norm = Vectors.norm(Arrays.copyOfRange(vectors, i * dimension, (i + 1) * dimension));
            inverseNorm[i] = norm > 0 ? (float) (1 / norm) : 0f;
        }
        int[] targets = IntStream.range(0, n).filter(i -> reached[i]).filter(i -> inverseNorm[i] > 0).toArray();
        int[][] out = new int[n][];
        IntStream.range(0, n).filter(i -> !reached[i] && inverseNorm[i] > 0).parallel().forEach(item -> {
            TopK best = new TopK(count);
            float[] query = Arrays.copyOfRange(vectors, item * dimension, (item + 1) * dimension);
            for (int target : targets) {
                best.offer(target, Vectors.dot(vectors, target * dimension, query, dimension) * inverseNorm[target]);
            }
            out[item] = best.drain().rows();
        });
        return out;
    }
}
