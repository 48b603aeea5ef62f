package io.stylegraph.training.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * An HNSW graph over a model's item embeddings, searched by inner product: the items a user vector scores highest,
 * approximately. Inner product is not a distance (an item is not its own nearest, long vectors crowd every list), so
 * the graph holds each item x scaled by the longest item norm N and lifted onto the unit sphere by one more coordinate,
 * (x/N, √(1 − |x/N|²)), and a query u is searched as (u, 0): then (u, 0)·(x/N, …) = u·x / N, the same order as u·x,
 * while the items' own distances are those of points on a sphere, which HNSW builds good graphs over. The graph is built once per model and saved beside its artifact with
 * {@link HnswFile}, so a restart loads it instead of building it again; a saved file for other rows (another model, or
 * the same one retrained) does not load.
 */
public final class InnerProductIndex {
    /** The model id a saved item graph carries in its header. */
    static final String MODEL_ID = "recommender-item-embeddings";

    private final HnswGraph graph;
    private final int dimension;
    private final ToIntFunction<String> rowOf;
    private final HnswSettings settings;
    /** The graph's links copied for a search without boxing ({@link FrozenGraph}); null: search through hnswlib. */
    private final FrozenGraph frozen;

    private InnerProductIndex(HnswGraph graph, int dimension, ToIntFunction<String> rowOf, HnswSettings settings,
                              FrozenGraph frozen) {
        this.graph = graph;
        this.dimension = dimension;
        this.rowOf = rowOf;
        this.settings = settings;
        this.frozen = frozen;
    }

    private static InnerProductIndex over(HnswGraph graph, float[] vectors, int dimension, ToIntFunction<String> rowOf,
                                          HnswSettings settings) {
        return new InnerProductIndex(graph, dimension, rowOf, settings,
                FrozenGraph.of(graph, rowOf, vectors, dimension));
    }

    /**
     * Builds the graph over {@code ids.length} rows of the row-major matrix {@code vectors} on {@code threads} threads.
     *
     * @param rowOf an item id's row (the model's own id map)
     */
    public static InnerProductIndex build(String[] ids, float[] vectors, int dimension, ToIntFunction<String> rowOf,
                                          HnswSettings settings, int threads) throws InterruptedException {
        HnswGraph graph = new HnswGraph(dimension + 1, ids.length, settings);
        double longest = 0;
        for (int row = 0; row < ids.length; row++) {
            longest = Math.max(longest, Math.sqrt(squaredNorm(vectors, row * dimension, dimension)));
        }
        double scale = longest > 0 ? 1 / longest : 1;
        List<HnswGraph.Entry> entries = new ArrayList<>(ids.length);
        for (int row = 0; row < ids.length; row++) {
            float[] lifted = new float[dimension + 1];
            double squares = 0;
            for (int k = 0; k < dimension; k++) {
                lifted[k] = (float) (vectors[row * dimension + k] * scale);
                squares += (double) lifted[k] * lifted[k];
            }
            lifted[dimension] = (float) Math.sqrt(Math.max(0, 1 - squares));
            entries.add(new HnswGraph.Entry(ids[row], lifted));
        }
        graph.addAll(entries, threads);
        return over(graph, vectors, dimension, rowOf, settings);
    }

    private static double squaredNorm(float[] vectors, int offset, int dimension) {
        double sum = 0;
        for (int k = 0; k < dimension; k++) {
            sum += (double) vectors[offset + k] * vectors[offset + k];
        }
        return sum;
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
                .map(saved -> over(saved.graph(), vectors, dimension, rowOf, settings));
    }

    /** Saves the graph over these rows to {@code file}, atomically replacing it. */
    public void save(Path file, String[] ids, float[] vectors, int dimension) throws IOException {
        HnswFile.write(file, header(ids, vectors, dimension, settings), graph, null);
    }

    private static HnswFile.Header header(String[] ids, float[] vectors, int dimension, HnswSettings settings) {
        IndexRows rows = new IndexRows(dimension, vectors, ids, null, null, null, ids.length, null);
        return new HnswFile.Header(MODEL_ID, dimension + 1, settings.m(), settings.efConstruction(), ids.length,
                HnswFile.checksum(rows));
    }

    /**
     * The rows of the (approximately) {@code k} items of highest inner product with {@code query}, highest first,
     * searched with a candidate list of max(ef, k).
     */
    public int[] nearestRows(float[] query, int k) {
        if (frozen != null) {
            return frozen.nearestRows(query, k, settings.ef());
        }
        float[] lifted = Arrays.copyOf(query, dimension + 1);
        List<HnswGraph.Entry> found = graph.nearestEntries(lifted, k);
        int[] rows = new int[found.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rowOf.applyAsInt(found.get(i).id());
        }
        return rows;
    }

    public int size() {
        return graph.size();
    }

    /** The hnswlib graph itself (what is saved; searched only where its links could not be copied). */
    HnswGraph graph() {
        return graph;
    }

    /** Whether searches go through the copied links ({@link FrozenGraph}). */
    public boolean frozen() {
        return frozen != null;
    }

    public HnswSettings settings() {
        return settings;
    }

    /**
     * The same graph searched with another candidate list size: {@link #nearestRows} searches max(ef, k) candidates
     * and the served scoring asks for at least {@code ef} rows, so a larger value searches deeper without a rebuild.
     */
    public InnerProductIndex withSearchEf(int ef) {
        return new InnerProductIndex(graph, dimension, rowOf, new HnswSettings(settings.threshold(), settings.m(),
                settings.efConstruction(), ef), frozen);
    }
}
