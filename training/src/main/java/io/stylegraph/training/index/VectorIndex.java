package io.stylegraph.training.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>With a graph file, a built graph is saved there ({@link #saveGraph}) and the next index of the same model loads
 * it instead of building: as it is when it was saved over the same ids and vectors, else brought up to date by
 * inserting the items added or changed since and removing those gone. While the index is being filled
 * ({@link #deferGraph}) the decision waits, since a saved graph can only be checked against all the vectors.
 *
 * <p>Readers never lock: each search works on the view published last. Writers ({@link #upsert}) are serialized.
 */
public final class VectorIndex {
    private static final Logger LOG = LoggerFactory.getLogger(VectorIndex.class);
    private static final int INITIAL_CAPACITY = 1_024;

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
    /** Copies graphs' links ({@link #links}) in the background, one index at a time. */
    private static final Executor LINK_COPIER = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hnsw-link-copy");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    /** How long the index must go unchanged before a search asks for a new copy of the links. */
    static final long COPY_QUIET_NANOS = 2_000_000_000L;
    /** {@link System#nanoTime} of the last change to the rows or the graph. */
    private volatile long lastChange = System.nanoTime() - COPY_QUIET_NANOS;
    /** The graph's links copied over one view of the rows; replaced when either changes. */
    private volatile Frozen frozen;
    private final java.util.concurrent.atomic.AtomicBoolean freezing = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean graphRequested;
    private boolean graphDeferred;
    /** Null when the graph is never saved. */
    private final Path graphFile;
    /** {@link #version} of the rows the graph file holds, -1 when it holds none of them. */
    private long savedVersion = -1;
    private volatile String graphSource;

    /**
     * @param hnswBuilder runs the HNSW build when the index outgrows exact scans
     * @param dba         how database-side augmentation averages each item with its neighbours
     */
    public VectorIndex(Modality modality, String modelId, int dimension, HnswSettings hnswSettings,
                       Executor hnswBuilder, DbaSettings dba) {
        this(modality, modelId, dimension, hnswSettings, hnswBuilder, dba, null);
    }

    /**
     * @param graphFile where the HNSW graph is saved once built and looked for before building one; null: never saved
     */
    public VectorIndex(Modality modality, String modelId, int dimension, HnswSettings hnswSettings,
                       Executor hnswBuilder, DbaSettings dba, Path graphFile) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.modality = modality;
        this.modelId = modelId;
        this.dimension = dimension;
        this.hnswSettings = hnswSettings;
        this.hnswBuilder = hnswBuilder;
        this.graphFile = graphFile;
        this.rows = new IndexRows(dimension, new float[0], new String[0], new byte[0], new byte[0], new String[0], 0,
                rowOf);
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

    /** How the serving HNSW graph came to be: {@code built}, {@code loaded} (from its file), or empty without one. */
    public Optional<String> graphSource() {
        return graph == null ? Optional.empty() : Optional.ofNullable(graphSource);
    }

    /** {@link HnswFile#checksum} of the ids and vectors held now. */
    long checksum() {
        return HnswFile.checksum(rows);
    }

    /** Puts off building or loading the graph until {@link #resumeGraph}: the index is being filled. */
    public synchronized void deferGraph() {
        graphDeferred = true;
    }

    /** Ends {@link #deferGraph}: builds or loads the graph in the background when the index is large enough. */
    public synchronized void resumeGraph() {
        graphDeferred = false;
        requestGraph();
    }

    public boolean contains(String itemId) {
        return rows.row(itemId) >= 0;
    }

    /**
     * True when the index holds the item with this slot and gender and a vector known to come from this input
     * ({@link ItemVector#input}; null reads as {@code ""}, none recorded). A row whose input is unknown, or was restored
     * from the graph file for an imported vector (whose marker does not tell one vector from another), is not held
     * this way, so the caller reads it again from the graph.
     */
    public boolean holds(String itemId, Slot slot, Gender gender, String input) {
        IndexRows view = rows;
        int row = view.row(itemId);
        return row >= 0 && view.slots[row] == slot.ordinal() && view.genders[row] == IndexRows.genderCode(gender)
                && view.inputs[row] != null && view.inputs[row].equals(input == null ? "" : input);
    }

    /**
     * Up to {@code max} item ids spread evenly over the rows (every ⌈n/max⌉-th), the same ones for the same rows:
     * a sample to estimate how a query's scores are distributed over the whole index.
     */
    public List<String> sampleIds(int max) {
        return rows.sampleIds(max);
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
                : ApproximateSearch.search(view, approximate, links(view, approximate), hnswSettings.ef(), query,
                filter, k);
        return view.items(found);
    }

    /** Unfiltered nearest neighbours of several queries at once (one matrix pass when scanning exactly). */
    List<List<ScoredItem>> searchMany(float[][] queries, int k) {
        IndexRows view = rows;
        HnswGraph approximate = graph;
        List<List<ScoredItem>> out = new ArrayList<>(queries.length);
        if (approximate == null) {
            for (ScoredRows found : ExactScan.searchMany(view, queries, k)) {
                out.add(view.items(found));
            }
        } else {
            FrozenGraph links = links(view, approximate);
            for (float[] query : queries) {
                out.add(view.items(ApproximateSearch.search(view, approximate, links, hnswSettings.ef(), query,
                        SearchFilter.NONE, k)));
            }
        }
        return out;
    }

    /**
     * The graph's links copied over this view ({@link FrozenGraph}), for a search without hnswlib's boxing; null while
     * no copy matches the view and graph searched (hnswlib then answers). A stale or missing copy is made again in the
     * background (one daemon thread for every index, apart from the graph builds), one at a time, under the index's
     * lock so no add runs meanwhile, and only once the index has not changed for {@link #COPY_QUIET_NANOS}: during an
     * embedding run's batches hnswlib answers, and the copy is made once after the last.
     */
    private FrozenGraph links(IndexRows view, HnswGraph approximate) {
        Frozen held = frozen;
        if (held != null && held.view() == view && held.graph() == approximate) {
            return held.links();
        }
        if (System.nanoTime() - lastChange < COPY_QUIET_NANOS) {
            return null; // still changing (an embedding run's batches): copy once the changes stop
        }
        if (freezing.compareAndSet(false, true)) {
            try {
                LINK_COPIER.execute(this::freeze);
            } catch (RuntimeException e) {
                freezing.set(false);
            }
        }
        return null;
    }

    private void freeze() {
        try {
            synchronized (this) {
                HnswGraph current = graph;
                IndexRows view = rows;
                Frozen held = frozen;
                if (current == null || held != null && held.view() == view && held.graph() == current) {
                    return;
                }
                long started = System.nanoTime();
                FrozenGraph links = FrozenGraph.of(current, view::row, view.data, dimension);
                frozen = links == null ? null : new Frozen(view, current, links);
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (links == null) {
                    LOG.warn("HNSW graph of the {} index: its links could not be copied; hnswlib searches it",
                            modality.wireName());
                } else if (held == null) {
                    LOG.info("HNSW graph of the {} index: links copied for searching ({} items) in {} ms",
                            modality.wireName(), view.count, millis);
                } else {
                    LOG.debug("HNSW graph of the {} index: links copied again after a change in {} ms",
                            modality.wireName(), millis);
                }
            }
        } finally {
            freezing.set(false);
        }
    }

    private record Frozen(IndexRows view, HnswGraph graph, FrozenGraph links) {
    }

    /** Whether searches now go through a copy of the graph's links made over the current rows. */
    boolean searchesCopiedLinks() {
        Frozen held = frozen;
        return held != null && held.view() == rows && held.graph() == graph;
    }

    /**
     * Database-side augmentation: each item's vector replaced by a weighted mean of itself and its nearest
     * neighbours, computed on first use and cached. Items the index lacks are left out of the answer.
     */
    public Map<String, float[]> augmentedVectors(Collection<String> itemIds) {
        return augmentation.vectorsOf(itemIds);
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
        rows = rows.upserted(latest.values(), INITIAL_CAPACITY);
        version.incrementAndGet();
        lastChange = System.nanoTime();
        HnswGraph approximate = graph;
        if (approximate != null) {
            approximate.ensureCapacity(rows.count);
            latest.values().forEach(vector -> approximate.add(vector.itemId(), vector.vector().clone()));
        } else {
            requestGraph();
        }
    }

    /**
     * Fills an empty index from its graph file in one step, rows and HNSW graph, when the file was saved with its rows
     * (format 2) for this model and graph settings and its ids and vectors match its checksum. The vectors are those
     * saved: the caller checks each row's input against the graph's ({@link #holds(String, Slot, Gender, String)})
     * and reads again what changed since. Inputs of imported vectors are restored as unknown, for that reason.
     *
     * @return true when restored; false (the index left empty) when there is no such file
     */
    public synchronized boolean restoreSaved() {
        if (graphFile == null || rows.count > 0 || graph != null) {
            return false;
        }
        HnswFile.Header expected = new HnswFile.Header(modelId, dimension, hnswSettings.m(),
                hnswSettings.efConstruction(), 0, 0);
        Optional<SavedIndex> saved = SavedIndex.read(graphFile, expected, hnswSettings, rowOf);
        if (saved.isEmpty()) {
            return false;
        }
        rows = saved.get().rows();
        version.incrementAndGet();
        graphSource = "loaded";
        graph = saved.get().graph();
        savedVersion = version.get();
        return true;
    }

    private void requestGraph() {
        if (graph == null && !graphRequested && !graphDeferred && rows.count > hnswSettings.threshold()) {
            graphRequested = true;
            hnswBuilder.execute(this::prepareGraph);
        }
    }

    /** Loads the saved graph when one fits, else builds one; then saves it unless the file already holds it. */
    private void prepareGraph() {
        long started = System.nanoTime();
        IndexRows snapshot = rows;
        try {
            HnswFile.Header expected = header(snapshot);
            GraphPreparation.Prepared prepared = GraphPreparation.prepare(snapshot, expected, graphFile,
                    hnswSettings);
            HnswGraph ready = prepared.graph();
            boolean asSaved = prepared.asSaved();
            String source = prepared.source();
            if (source.equals("loaded")) {
                LOG.info("HNSW graph of the {} index loaded from {}{}", modality.wireName(), graphFile,
                        asSaved ? "" : " and brought up to date (" + prepared.changed() + " items inserted or removed)");
            } else {
                LOG.info("HNSW graph of the {} index built over {} items (the threshold is {})", modality.wireName(),
                        snapshot.count, hnswSettings.threshold());
            }
            synchronized (this) {
                IndexRows now = rows;
                ready.ensureCapacity(now.count);
                // rows appended since the snapshot; after a copy (replaced rows) every row, unchanged ones cost a compare
                int from = now.data == snapshot.data ? snapshot.count : 0;
                for (int row = from; row < now.count; row++) {
                    ready.add(now.ids[row], now.vector(row));
                }
                graphSource = source;
                graph = ready;
                if (asSaved && now == snapshot) {
                    savedVersion = version.get();
                }
            }
            LOG.info("HNSW graph of the {} index ready ({}): {} items in {} s", modality.wireName(), source,
                    ready.size(), (System.nanoTime() - started) / 1_000_000_000);
            saveGraph();
        } catch (RuntimeException e) {
            LOG.error("HNSW graph of the {} index failed; exact scans keep answering", modality.wireName(), e);
        }
    }

    private HnswFile.Header header(IndexRows view) {
        return new HnswFile.Header(modelId, dimension, hnswSettings.m(), hnswSettings.efConstruction(), view.count,
                HnswFile.checksum(view));
    }

    /**
     * Saves the HNSW graph to the graph file unless it holds this graph already (or there is no file or no graph).
     * Changes wait meanwhile; searches do not. A failed save is logged: the next start builds instead.
     */
    public synchronized void saveGraph() {
        HnswGraph current = graph;
        if (graphFile == null || current == null || savedVersion == version.get()) {
            return;
        }
        long started = System.nanoTime();
        try {
            HnswFile.write(graphFile, header(rows), current, rows);
            savedVersion = version.get();
            LOG.info("HNSW graph of the {} index saved to {} in {} ms", modality.wireName(), graphFile,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("HNSW graph of the {} index not saved to {}: {}", modality.wireName(), graphFile, e.toString());
        }
    }
}
