package io.stylegraph.api.search.index;

import java.util.ArrayList;
import java.util.List;

import com.github.jelmerk.hnswlib.core.DistanceFunction;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import io.stylegraph.models.Vectors;

/**
 * An HNSW graph (hnswlib-core) over unit vectors with inner-product distance. Thread-safe: adds and searches may run
 * at once. Adding an id again replaces its vector.
 */
final class HnswGraph {
    private final HnswIndex<String, float[], Entry, Float> index;

    HnswGraph(int dimension, int capacity, HnswSettings settings) {
        this.index = HnswIndex.newBuilder(dimension, new InnerProduct(), Math.max(capacity, 16))
                .withM(settings.m())
                .withEfConstruction(settings.efConstruction())
                .withEf(settings.ef())
                .withRemoveEnabled()
                .build();
    }

    synchronized void ensureCapacity(int items) {
        if (items > index.getMaxItemCount()) {
            index.resize(Math.max(items, index.getMaxItemCount() * 2));
        }
    }

    void add(String id, float[] vector) {
        index.add(new Entry(id, vector));
    }

    /** Ids of the (approximately) nearest {@code k} vectors, nearest first. */
    List<String> nearest(float[] query, int k) {
        List<SearchResult<Entry, Float>> results = index.findNearest(query, k);
        List<String> ids = new ArrayList<>(results.size());
        for (SearchResult<Entry, Float> result : results) {
            ids.add(result.item().id());
        }
        return ids;
    }

    int size() {
        return index.size();
    }

    /**
     * {@code 1 - u·v}, summed with four accumulators ({@link Vectors#dot(float[], int, float[], int)}). hnswlib's own
     * inner product sums in one chain, so every addition waits for the last; its distance calls were most of the
     * content path's time at 44k items.
     */
    static final class InnerProduct implements DistanceFunction<float[], Float> {
        private static final long serialVersionUID = 1L;

        @Override
        public Float distance(float[] u, float[] v) {
            return 1f - Vectors.dot(u, 0, v, u.length);
        }
    }

    record Entry(String id, float[] vector) implements Item<String, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }
}
