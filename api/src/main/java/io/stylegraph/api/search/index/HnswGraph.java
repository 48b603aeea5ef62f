package io.stylegraph.api.search.index;

import java.util.ArrayList;
import java.util.List;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;

/**
 * An HNSW graph (hnswlib-core) over unit vectors with inner-product distance. Thread-safe: adds and searches may run
 * at once. Adding an id again replaces its vector.
 */
final class HnswGraph {
    private final HnswIndex<String, float[], Entry, Float> index;

    HnswGraph(int dimension, int capacity, HnswSettings settings) {
        this.index = HnswIndex.newBuilder(dimension, DistanceFunctions.FLOAT_INNER_PRODUCT, Math.max(capacity, 16))
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

    record Entry(String id, float[] vector) implements Item<String, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }
}
