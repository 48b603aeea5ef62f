package io.stylegraph.training.model;

import io.stylegraph.models.Vectors;
import io.stylegraph.training.graph.UnitVectorGraph;
import io.stylegraph.training.index.TopK;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * For the items an item-to-item table does not reach, the reached items that look most like them: the nearest by
 * cosine between item vectors, for example a content-aware model's item embeddings, which place an item nobody liked
 * by its content. What {@link ItemNeighbourTable#withLookalikes} takes. An exact scan over the reached items for each
 * unreached one (items × reached items × dimension multiply-adds, spread over the cores) while that costs at most
 * {@link #EXACT_UP_TO} inner products, as with new arrivals in a catalogue the size of amazon-clothing; above it (a
 * million-item catalogue's long tail nobody liked yet: 10^11 and more) the lookalikes come from an HNSW graph over the
 * reached items ({@link UnitVectorGraph}), about log(reached) inner products per unreached item.
 */
public final class ItemLookalikes {

    /** Inner products (unreached × reached items) the exact scan may cost before the graph replaces it. */
    public static final long EXACT_UP_TO = 2_000_000_000L;
    /** Candidate list sizes of the graph, as the service's recommendation index builds and searches. */
    private static final int EF_CONSTRUCTION = 50;
    private static final int EF = 100;

    private ItemLookalikes() {
    }

    /**
     * @param vectors   item vectors, row-major, {@code reached.length} rows of {@code dimension}
     * @param reached   which items keep their own entries
     * @param count     lookalikes per unreached item (fewer when fewer items are reached)
     * @return per item, its lookalikes best first; null for reached items and for items whose vector is zero
     */
    public static int[][] nearestReached(float[] vectors, int dimension, boolean[] reached, int count) {
        return nearestReached(vectors, dimension, reached, count, EXACT_UP_TO);
    }

    /** As {@link #nearestReached(float[], int, boolean[], int)}, with the exact scan's bound in inner products. */
    static int[][] nearestReached(float[] vectors, int dimension, boolean[] reached, int count, long exactUpTo) {
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
        int[] queries = IntStream.range(0, n).filter(i -> !reached[i] && inverseNorm[i] > 0).toArray();
        int[][] out = new int[n][];
        if ((long) queries.length * targets.length <= exactUpTo) {
            Arrays.stream(queries).parallel().forEach(item -> {
                TopK best = new TopK(count);
                float[] query = Arrays.copyOfRange(vectors, item * dimension, (item + 1) * dimension);
                for (int target : targets) {
                    best.offer(target, Vectors.dot(vectors, target * dimension, query, dimension) * inverseNorm[target]);
                }
                out[item] = best.drain().rows();
            });
            return out;
        }
        float[] unit = new float[vectors.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dimension; j++) {
                unit[i * dimension + j] = vectors[i * dimension + j] * inverseNorm[i];
            }
        }
        UnitVectorGraph graph = UnitVectorGraph.build(unit, dimension, targets, EF_CONSTRUCTION, Math.max(EF, count));
        Arrays.stream(queries).parallel().forEach(item -> {
            int[] rows = new int[count];
            int found = graph.nearest(Arrays.copyOfRange(unit, item * dimension, (item + 1) * dimension), count, rows,
                    new float[count], 0);
            out[item] = Arrays.copyOf(rows, found);
        });
        return out;
    }
}
