package io.stylegraph.training.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * An HNSW graph over a model's item embeddings as they are (not normalized), searched by inner product: the items a
 * user vector scores highest, approximately. The graph is built once per model and saved beside its artifact with
 * {@link HnswFile}, so a restart loads it instead of building it again; a saved file for other rows (another model, or
 * the same one retrained) does not load.
 */
public final class InnerProductIndex {
    /** The model id a saved item graph carries in its header. */
    static final String MODEL_ID = "recommender-item-embeddings";

    private final HnswGraph graph;
    private final ToIntFunction<String> rowOf;
    private final HnswSettings settings;

    private InnerProductIndex(HnswGraph graph, ToIntFunction<String> rowOf, HnswSettings settings) {
        this.graph = graph;
        this.rowOf = rowOf;
        this.settings = settings;
    }

    /**
     * Builds the graph over {@code ids.length} rows of the row-major matrix {@code vectors} on {@code threads} threads.
     *
     * @param rowOf an item id's row (the model's own id map)
     */
    public static InnerProductIndex build(String[] ids, float[] vectors, int dimension, ToIntFunction<String> rowOf,
                                          HnswSettings settings, int threads) throws InterruptedException {
        HnswGraph graph = new HnswGraph(dimension, ids.length, settings);
        List<HnswGraph.Entry> entries = new ArrayList<>(ids.length);
        for (int row = 0; row < ids.length; row++) {
            float[] vector = new float[dimension];
            System.arraycopy(vectors, row * dimension, vector, 0, dimension);
            entries.add(new HnswGraph.Entry(ids[row], vector));
        }
        graph.addAll(entries, threads);
        return new InnerProductIndex(graph, rowOf, settings);
    }

    /**
     * The graph saved in {@code file} when it was saved over exactly these rows with these settings' M and
     * efConstruction; empty (the reason logged) when the file is missing, damaged or for other rows.
     */
    public static Optional<InnerProductIndex> load(Path file, String[] ids, float[] vectors, int dimension,
                                                   ToIntFunction<String> rowOf, HnswSettings settings) {
        HnswFile.Header expected = header(ids, vectors, dimension, settings);
        return HnswFile.read(file, expected, settings)
                .filter(saved -> saved.header().count() == expected.count()
                        && saved.header().checksum() == expected.checksum())
                .map(saved -> new InnerProductIndex(saved.graph(), rowOf, settings));
    }

    /** Saves the graph over these rows to {@code file}, atomically replacing it. */
    public void save(Path file, String[] ids, float[] vectors, int dimension) throws IOException {
        HnswFile.write(file, header(ids, vectors, dimension, settings), graph);
    }

    private static HnswFile.Header header(String[] ids, float[] vectors, int dimension, HnswSettings settings) {
        IndexRows rows = new IndexRows(dimension, vectors, ids, null, null, ids.length, null);
        return new HnswFile.Header(MODEL_ID, dimension, settings.m(), settings.efConstruction(), ids.length,
                HnswFile.checksum(rows));
    }

    /**
     * The rows of the (approximately) {@code k} items of highest inner product with {@code query}, highest first,
     * searched with a candidate list of max(ef, k).
     */
    public int[] nearestRows(float[] query, int k) {
        List<HnswGraph.Entry> found = graph.nearestEntries(query, k);
        int[] rows = new int[found.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rowOf.applyAsInt(found.get(i).id());
        }
        return rows;
    }

    public int size() {
        return graph.size();
    }

    public HnswSettings settings() {
        return settings;
    }
}
