package io.stylegraph.training.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.jelmerk.hnswlib.core.DistanceFunction;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import io.stylegraph.models.Vectors;

/**
 * An HNSW graph (hnswlib, the library of the service's search index) over unit vectors keyed by their row, for the
 * nearest-neighbour lists that cost rows² to find exactly: about rows·log(rows) inner products to build, a few hundred
 * per query. Built once on all cores; queries are thread-safe.
 */
public final class UnitVectorGraph {

    /** Links per node: recall@10 above 0.95 on clustered 32-dimensional vectors (ItemKnnGraphTest). */
    public static final int M = 16;

    private final HnswIndex<Integer, float[], Row, Float> index;

    private UnitVectorGraph(HnswIndex<Integer, float[], Row, Float> index) {
        this.index = index;
    }

    /**
     * {@code 1 - u·v} summed with four accumulators ({@link Vectors#dot}): hnswlib's own inner product sums in one
     * chain, each addition waiting for the last, and the distances are nearly all of a build's time.
     */
    private static final class InnerProduct implements DistanceFunction<float[], Float> {
        private static final long serialVersionUID = 1L;

        @Override
        public Float distance(float[] u, float[] v) {
            return 1f - Vectors.dot(u, 0, v, u.length);
        }
    }

    private record Row(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    /**
     * @param unit           row-major unit vectors of {@code dimension}
     * @param rows           the rows to add (the others are never found)
     * @param efConstruction candidate list size while building
     * @param ef             candidate list size of a query (a query asking for more rows searches as many)
     */
    public static UnitVectorGraph build(float[] unit, int dimension, int[] rows, int efConstruction, int ef) {
        if (dimension < 1 || efConstruction < 1 || ef < 1) {
            throw new IllegalArgumentException("dimension, efConstruction and ef must be positive");
        }
        List<Row> items = new ArrayList<>(rows.length);
        for (int row : rows) {
            items.add(new Row(row, Arrays.copyOfRange(unit, row * dimension, (row + 1) * dimension)));
        }
        HnswIndex<Integer, float[], Row, Float> index = HnswIndex
                .newBuilder(dimension, new InnerProduct(), Math.max(1, items.size()))
                .withM(M).withEfConstruction(efConstruction).withEf(ef).build();
        try {
            index.addAll(items, Runtime.getRuntime().availableProcessors(), (done, max) -> { }, Integer.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a nearest-neighbour graph", e);
        }
        return new UnitVectorGraph(index);
    }

    /**
     * Writes the rows and inner products of at most {@code k} nearest added rows of {@code query} (a unit vector),
     * best first, into {@code rows} and {@code similarities} from {@code offset}; returns how many were found.
     */
    public int nearest(float[] query, int k, int[] rows, float[] similarities, int offset) {
        List<SearchResult<Row, Float>> found = index.findNearest(query, k); // searches max(ef, k) candidates
        int n = 0;
        for (SearchResult<Row, Float> result : found) {
            rows[offset + n] = result.item().id();
            similarities[offset + n] = 1 - result.distance();
            n++;
        }
        return n;
    }
}
