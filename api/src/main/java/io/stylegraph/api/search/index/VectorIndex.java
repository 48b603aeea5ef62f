package io.stylegraph.api.search.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory serving index of one modality's item vectors from one model. Searches are exact scans over a
 * contiguous matrix until the index holds more than {@link HnswSettings#threshold()} items; then an HNSW graph is
 * built in the background and answers once ready, over-fetching when filters apply.
 *
 * <p>Readers never lock: each search works on the view published last. Writers ({@link #upsert}) are serialized.
 */
public final class VectorIndex {
    private static final Logger LOG = LoggerFactory.getLogger(VectorIndex.class);
    private static final int INITIAL_CAPACITY = 1_024;
    /** Beyond this many HNSW candidates a filtered query scans exactly instead. */
    private static final int MAX_APPROXIMATE_FETCH = 2_048;
    private static final int OVER_FETCH = 4;

    private final Modality modality;
    private final String modelId;
    private final int dimension;
    private final HnswSettings hnswSettings;
    private final Executor hnswBuilder;
    private final Map<String, Integer> rowOf = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final DatabaseAugmentation augmentation;
    private volatile IndexRows rows;
    private volatile HnswGraph graph;
    private boolean graphRequested;

    /**
     * @param hnswBuilder runs the HNSW build when the index outgrows exact scans
     * @param dba         how database-side augmentation averages each item with its neighbours
     */
    public VectorIndex(Modality modality, String modelId, int dimension, HnswSettings hnswSettings,
                       Executor hnswBuilder, DbaSettings dba) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.modality = modality;
        this.modelId = modelId;
        this.dimension = dimension;
        this.hnswSettings = hnswSettings;
        this.hnswBuilder = hnswBuilder;
        this.rows = new IndexRows(dimension, new float[0], new String[0], new byte[0], new byte[0], 0, rowOf);
        this.augmentation = new DatabaseAugmentation(this, dba);
    }

    public Modality modality() {
        return modality;
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return rows.count;
    }

    /** Increases with every change; caches derived from the vectors compare it. */
    public long version() {
        return version.get();
    }

    /** True once searches go through the HNSW graph. */
    public boolean approximate() {
        return graph != null;
    }

    public boolean contains(String itemId) {
        return rows.row(itemId) >= 0;
    }

    /** True when the index holds the item with this slot and gender (filters would treat it as they should). */
    public boolean holds(String itemId, Slot slot, Gender gender) {
        IndexRows view = rows;
        int row = view.row(itemId);
        return row >= 0 && view.slots[row] == slot.ordinal() && view.genders[row] == IndexRows.genderCode(gender);
    }

    /**
     * Up to {@code max} item ids spread evenly over the rows (every ⌈n/max⌉-th), the same ones for the same rows:
     * a sample to estimate how a query's scores are distributed over the whole index.
     */
    public List<String> sampleIds(int max) {
        IndexRows view = rows;
        int n = view.count;
        if (n == 0 || max < 1) {
            return List.of();
        }
        int step = Math.max(1, (n + max - 1) / max);
        List<String> ids = new java.util.ArrayList<>(Math.min(n, max));
        for (int row = 0; row < n; row += step) {
            ids.add(view.ids[row]);
        }
        return ids;
    }

    public Optional<float[]> vector(String itemId) {
        IndexRows view = rows;
        int row = view.row(itemId);
        return row < 0 ? Optional.empty() : Optional.of(view.vector(row));
    }

    /** Cosine similarity of the item's vector to the query, or NaN when the index lacks the item. */
    public float score(String itemId, float[] query) {
        IndexRows view = rows;
        int row = view.row(itemId);
        return row < 0 ? Float.NaN : view.dot(row, query);
    }

    /** The {@code k} items most similar to the query among those the filter accepts, most similar first. */
    public List<ScoredItem> search(float[] query, SearchFilter filter, int k) {
        IndexRows view = rows;
        HnswGraph approximate = graph;
        if (view.count == 0) {
            if (query.length != dimension) {
                throw new IllegalArgumentException("query has " + query.length + " dimensions, the index " + dimension);
            }
            return List.of();
        }
        ScoredRows found = approximate == null ? ExactScan.search(view, query, filter, k)
                : searchGraph(view, approximate, query, filter, k);
        return toItems(view, found);
    }

    /** Unfiltered nearest neighbours of several queries at once (one matrix pass when scanning exactly). */
    List<List<ScoredItem>> searchMany(float[][] queries, int k) {
        IndexRows view = rows;
        HnswGraph approximate = graph;
        List<List<ScoredItem>> out = new ArrayList<>(queries.length);
        if (approximate == null) {
            for (ScoredRows found : ExactScan.searchMany(view, queries, k)) {
                out.add(toItems(view, found));
            }
        } else {
            for (float[] query : queries) {
                out.add(toItems(view, searchGraph(view, approximate, query, SearchFilter.NONE, k)));
            }
        }
        return out;
    }

    /**
     * Database-side augmentation: each item's vector replaced by a weighted mean of itself and its nearest
     * neighbours, computed on first use and cached. Items the index lacks are left out of the answer.
     */
    public Map<String, float[]> augmentedVectors(Collection<String> itemIds) {
        return augmentation.vectorsOf(itemIds);
    }

    private ScoredRows searchGraph(IndexRows view, HnswGraph approximate, float[] query, SearchFilter filter, int k) {
        byte slot = IndexRows.slotCode(filter.slot());
        byte gender = IndexRows.genderFilterCode(filter.gender());
        int excluded = view.row(filter.excludedItemId());
        int fetch = filter.restricts() ? k * OVER_FETCH : k + (excluded >= 0 ? 1 : 0);
        while (true) {
            List<String> ids = approximate.nearest(query, fetch);
            TopK top = new TopK(k);
            for (String id : ids) {
                int row = view.row(id);
                if (row >= 0 && view.accepts(row, slot, gender, excluded)) {
                    top.offer(row, view.dot(row, query));
                }
            }
            if (top.size() >= k || ids.size() < fetch) {
                return top.drain();
            }
            if (fetch >= MAX_APPROXIMATE_FETCH || fetch >= view.count) {
                return ExactScan.search(view, query, filter, k);
            }
            fetch = Math.min(fetch * OVER_FETCH, MAX_APPROXIMATE_FETCH);
        }
    }

    private static List<ScoredItem> toItems(IndexRows view, ScoredRows found) {
        List<ScoredItem> items = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            items.add(new ScoredItem(view.ids[found.rows()[i]], found.scores()[i]));
        }
        return items;
    }

    /** Adds items, or replaces the vector, slot and gender of items already held. Later duplicates in one call win. */
    public synchronized void upsert(List<ItemVector> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        Map<String, ItemVector> latest = new LinkedHashMap<>();
        for (ItemVector vector : vectors) {
            if (vector.vector().length != dimension) {
                throw new IllegalArgumentException("vector of " + vector.itemId() + " has " + vector.vector().length
                        + " dimensions, the index " + dimension);
            }
            latest.put(vector.itemId(), vector);
        }
        IndexRows current = rows;
        List<ItemVector> appended = new ArrayList<>();
        boolean replaces = false;
        for (ItemVector vector : latest.values()) {
            if (current.row(vector.itemId()) >= 0) {
                replaces = true;
            } else {
                appended.add(vector);
            }
        }
        int count = current.count + appended.size();
        IndexRows next;
        if (!replaces && count <= current.capacity()) {
            next = current;
        } else {
            int capacity = current.capacity();
            if (count > capacity) {
                capacity = Math.max(count, Math.max(INITIAL_CAPACITY, capacity + (capacity >> 1)));
            }
            next = new IndexRows(dimension, Arrays.copyOf(current.data, capacity * dimension),
                    Arrays.copyOf(current.ids, capacity), Arrays.copyOf(current.slots, capacity),
                    Arrays.copyOf(current.genders, capacity), current.count, rowOf);
        }
        for (ItemVector vector : latest.values()) {
            int row = current.row(vector.itemId());
            if (row >= 0) {
                write(next, row, vector);
            }
        }
        int row = current.count;
        for (ItemVector vector : appended) {
            write(next, row, vector);
            rowOf.put(vector.itemId(), row);
            row++;
        }
        rows = new IndexRows(dimension, next.data, next.ids, next.slots, next.genders, count, rowOf);
        version.incrementAndGet();
        HnswGraph approximate = graph;
        if (approximate != null) {
            approximate.ensureCapacity(count);
            latest.values().forEach(vector -> approximate.add(vector.itemId(), vector.vector().clone()));
        } else if (!graphRequested && count > hnswSettings.threshold()) {
            graphRequested = true;
            hnswBuilder.execute(this::buildGraph);
        }
    }

    private static void write(IndexRows target, int row, ItemVector vector) {
        System.arraycopy(vector.vector(), 0, target.data, row * target.dimension, target.dimension);
        target.ids[row] = vector.itemId();
        target.slots[row] = (byte) vector.slot().ordinal();
        target.genders[row] = IndexRows.genderCode(vector.gender());
    }

    private void buildGraph() {
        long started = System.nanoTime();
        IndexRows snapshot = rows;
        LOG.info("Building the HNSW graph of the {} index ({} items over the threshold of {})", modality.wireName(),
                snapshot.count, hnswSettings.threshold());
        try {
            HnswGraph built = new HnswGraph(dimension, snapshot.count * 2, hnswSettings);
            for (int row = 0; row < snapshot.count; row++) {
                built.add(snapshot.ids[row], snapshot.vector(row));
            }
            synchronized (this) {
                IndexRows now = rows;
                built.ensureCapacity(now.count);
                // rows appended since the snapshot; after a copy (replaced rows) every row, unchanged ones cost a compare
                int from = now.data == snapshot.data ? snapshot.count : 0;
                for (int row = from; row < now.count; row++) {
                    built.add(now.ids[row], now.vector(row));
                }
                graph = built;
            }
            LOG.info("HNSW graph of the {} index ready: {} items in {} s", modality.wireName(), built.size(),
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            LOG.error("HNSW graph of the {} index failed; exact scans keep answering", modality.wireName(), e);
        }
    }
}
