package io.stylegraph.training.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.jelmerk.hnswlib.core.DistanceFunction;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.ObjectSerializer;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import com.github.jelmerk.hnswlib.core.hnsw.SizeLimitExceededException;
import io.stylegraph.models.Vectors;

/**
 * An HNSW graph (hnswlib-core) over unit vectors with inner-product distance. Thread-safe: adds and searches may run
 * at once. Adding an id again replaces its vector. {@link #write} and {@link #read} carry the whole graph (layers,
 * neighbour lists, ids and vectors) in hnswlib's stream form, with ids and vectors written compactly.
 */
final class HnswGraph {
    /** Classes a saved graph may contain: hnswlib's own, this package's serializers and distance, JDK basics. */
    private static final ObjectInputFilter SAVED_CLASSES = ObjectInputFilter.Config.createFilter(
            "com.github.jelmerk.hnswlib.core.**;io.stylegraph.training.index.*;java.lang.*;java.util.*;!*");
    /** Where this package lived when graphs were first saved; their files name its classes under it. */
    private static final String FORMER_PACKAGE = "io.stylegraph.api.search.index.";

    private final HnswIndex<String, float[], Entry, Float> index;

    HnswGraph(int dimension, int capacity, HnswSettings settings) {
        this(HnswIndex.newBuilder(dimension, new InnerProduct(), Math.max(capacity, 16))
                .withM(settings.m())
                .withEfConstruction(settings.efConstruction())
                .withEf(settings.ef())
                .withRemoveEnabled()
                .withCustomSerializers(new IdSerializer(), new EntrySerializer())
                .build());
    }

    private HnswGraph(HnswIndex<String, float[], Entry, Float> index) {
        this.index = index;
    }

    synchronized void ensureCapacity(int items) {
        if (items > index.getMaxItemCount()) {
            index.resize(Math.max(items, index.getMaxItemCount() * 2));
        }
    }

    /**
     * Adds or replaces an item. hnswlib gives a replaced item a new node and keeps the old one marked deleted, so the
     * live count says nothing of the room left: a full graph doubles its capacity and the add is retried.
     */
    void add(String id, float[] vector) {
        Entry entry = new Entry(id, vector);
        while (true) {
            int capacity = index.getMaxItemCount();
            try {
                index.add(entry);
                return;
            } catch (SizeLimitExceededException full) {
                grow(capacity);
            }
        }
    }

    /** Doubles the capacity unless another thread already grew it past {@code full}. */
    private synchronized void grow(int full) {
        if (index.getMaxItemCount() == full) {
            index.resize(full * 2);
        }
    }

    /** Adds the item unless the graph holds it with this very vector; true when it changed the graph. */
    boolean addIfChanged(String id, float[] vector) {
        Optional<Entry> held = index.get(id);
        if (held.isPresent() && Arrays.equals(held.get().vector(), vector)) {
            return false;
        }
        add(id, vector);
        return true;
    }

    /**
     * Adds many items on {@code threads} threads at once (hnswlib's parallel insert), at most one per processor:
     * hnswlib sizes its pool of visited-sets by the processors, and more inserting threads than that deadlock (a thread
     * holding a node's lock waits for a visited-set that a thread waiting for that lock holds).
     */
    void addAll(List<Entry> entries, int threads) throws InterruptedException {
        int parallel = Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
        index.addAll(entries, parallel, (done, max) -> { }, Integer.MAX_VALUE);
    }

    /** The vector the graph holds for the item, or null. */
    float[] vector(String id) {
        return index.get(id).map(Entry::vector).orElse(null);
    }

    boolean remove(String id) {
        return index.remove(id, 0);
    }

    /** Ids of every item in the graph. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(index.size());
        for (Entry entry : index.items()) {
            ids.add(entry.id());
        }
        return ids;
    }

    /**
     * The (approximately) nearest {@code k} entries, nearest first, searched with a candidate list of at least
     * {@code ef} (hnswlib's own search uses the larger of its configured ef and k).
     */
    List<Entry> nearestEntries(float[] query, int k) {
        List<SearchResult<Entry, Float>> results = index.findNearest(query, k);
        List<Entry> entries = new ArrayList<>(results.size());
        for (SearchResult<Entry, Float> result : results) {
            entries.add(result.item());
        }
        return entries;
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

    int m() {
        return index.getM();
    }

    int efConstruction() {
        return index.getEfConstruction();
    }

    /** Writes the graph; callers keep adds out meanwhile. The stream is flushed, not closed. */
    void write(OutputStream out) throws IOException {
        ObjectOutputStream objects = new ObjectOutputStream(out);
        objects.writeObject(index);
        objects.flush();
    }

    /** Reads a graph {@link #write} wrote; only the classes such a graph holds are accepted. */
    @SuppressWarnings("unchecked")
    static HnswGraph read(InputStream in, HnswSettings settings) throws IOException {
        ObjectInputStream objects = new SavedGraphInput(in);
        objects.setObjectInputFilter(SAVED_CLASSES);
        try {
            Object read = objects.readObject();
            if (!(read instanceof HnswIndex<?, ?, ?, ?> graph) || !(graph.getDistanceFunction() instanceof InnerProduct)
                    || !(graph.getItemSerializer() instanceof EntrySerializer)) {
                throw new IOException("not a saved HNSW graph of this service");
            }
            HnswIndex<String, float[], Entry, Float> typed = (HnswIndex<String, float[], Entry, Float>) graph;
            typed.setEf(settings.ef());
            return new HnswGraph(typed);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a saved HNSW graph of this service: " + e.getMessage(), e);
        }
    }

    /**
     * Reads graphs saved before the index moved out of the service module: their serializers and distance are named
     * under the former package and are resolved to the same classes here (serialization compares simple names and
     * serial version ids only), so a restart after the upgrade loads them instead of building them again.
     */
    private static final class SavedGraphInput extends ObjectInputStream {
        SavedGraphInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass described) throws IOException,
                ClassNotFoundException {
            String name = described.getName();
            if (name.startsWith(FORMER_PACKAGE)) {
                String moved = HnswGraph.class.getPackageName() + "." + name.substring(FORMER_PACKAGE.length());
                return Class.forName(moved, false, HnswGraph.class.getClassLoader());
            }
            return super.resolveClass(described);
        }
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

    static final class IdSerializer implements ObjectSerializer<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(String id, ObjectOutput out) throws IOException {
            out.writeUTF(id);
        }

        @Override
        public String read(ObjectInput in) throws IOException {
            return in.readUTF();
        }
    }

    /** An entry as its id, its dimension and its floats in one block (not one call per float). */
    static final class EntrySerializer implements ObjectSerializer<Entry> {
        private static final long serialVersionUID = 1L;
        private static final int MAX_DIMENSION = 1 << 16;

        @Override
        public void write(Entry entry, ObjectOutput out) throws IOException {
            out.writeUTF(entry.id());
            float[] vector = entry.vector();
            out.writeInt(vector.length);
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
            bytes.asFloatBuffer().put(vector);
            out.write(bytes.array());
        }

        @Override
        public Entry read(ObjectInput in) throws IOException {
            String id = in.readUTF();
            int dimension = in.readInt();
            if (dimension < 1 || dimension > MAX_DIMENSION) {
                throw new IOException("vector of " + dimension + " dimensions");
            }
            byte[] bytes = new byte[dimension * Float.BYTES];
            in.readFully(bytes);
            float[] vector = new float[dimension];
            ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
            return new Entry(id, vector);
        }
    }
}
