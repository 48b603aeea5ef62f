package io.stylegraph.training.index;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToIntFunction;

import io.stylegraph.models.Vectors;
import org.eclipse.collections.api.list.primitive.MutableIntList;

/**
 * A read-only copy of an HNSW graph's links in primitive arrays, searched by inner product over a row-major matrix
 * without a boxed distance, a comparator or a node lock per step: the served recommendations' item graph
 * ({@link InnerProductIndex}) never changes once built or loaded, and hnswlib's own search spent most of its time in
 * boxing and {@code PriorityQueue} comparisons (a fifth of a recommendation request at 230k items). The search is
 * hnswlib's: a greedy descent through the upper layers from the entry point, then a best-first search of the bottom
 * layer keeping the {@code max(ef, k)} best nodes seen.
 * <p>
 * Level-0 links are one array end to end ({@link #bottomStart}, {@link #bottomLinks}); upper-layer links are kept only
 * for the few nodes that have them. Each node is scored by the row of {@code vectors} its item id maps to.
 */
final class FrozenGraph {
    private final int entry;
    private final int entryLevel;
    private final int[] bottomStart;
    private final int[] bottomLinks;
    /** Per node, its links on levels 1.. (null for a node on the bottom level only). */
    private final int[][][] upper;
    /** Per node, the row of its item in {@link #vectors}; -1 for a deleted node (linked through, never returned). */
    private final int[] rowOfNode;
    private final float[] vectors;
    private final int dimension;
    /**
     * Visited stamps and heaps of searches that ended, for the next: as many as searches ran at once (a per-thread
     * table would hold one for every request thread that ever searched, a node-sized array each).
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Scratch> scratch =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private FrozenGraph(int entry, int entryLevel, int[] bottomStart, int[] bottomLinks, int[][][] upper,
                        int[] rowOfNode, float[] vectors, int dimension) {
        this.entry = entry;
        this.entryLevel = entryLevel;
        this.bottomStart = bottomStart;
        this.bottomLinks = bottomLinks;
        this.upper = upper;
        this.rowOfNode = rowOfNode;
        this.vectors = vectors;
        this.dimension = dimension;
    }

    /**
     * Copies the links of hnswlib's graph (read through its private fields: the project pins hnswlib 1.2.1) with each
     * node's row by its item id; null when the graph cannot be read this way (another hnswlib version), and callers
     * then search through hnswlib.
     */
    static FrozenGraph of(HnswGraph graph, ToIntFunction<String> rowOf, float[] vectors, int dimension) {
        try {
            Object index = field(HnswGraph.class, "index").get(graph);
            Class<?> indexClass = index.getClass();
            AtomicReferenceArray<?> nodes = (AtomicReferenceArray<?>) field(indexClass, "nodes").get(index);
            int count = field(indexClass, "nodeCount").getInt(index);
            Object entryNode = field(indexClass, "entryPoint").get(index);
            if (entryNode == null) {
                return null;
            }
            Class<?> nodeClass = entryNode.getClass();
            Field idField = field(nodeClass, "id");
            Field connectionsField = field(nodeClass, "connections");
            Field itemField = field(nodeClass, "item");
            Field deletedField = field(nodeClass, "deleted");
            int[] rowOfNode = new int[count];
            int[] bottomStart = new int[count + 1];
            int[][][] upper = new int[count][][];
            int links = 0;
            for (int node = 0; node < count; node++) {
                Object n = nodes.get(node);
                MutableIntList[] connections = n == null ? null : (MutableIntList[]) connectionsField.get(n);
                links += connections == null ? 0 : connections[0].size();
            }
            int[] bottomLinks = new int[links];
            int at = 0;
            for (int node = 0; node < count; node++) {
                Object n = nodes.get(node);
                bottomStart[node] = at;
                if (n == null) {
                    rowOfNode[node] = -1;
                    continue;
                }
                boolean deleted = deletedField.getBoolean(n);
                HnswGraph.Entry item = (HnswGraph.Entry) itemField.get(n);
                int row = deleted ? -1 : rowOf.applyAsInt(item.id());
                rowOfNode[node] = row < 0 ? -1 : row;
                MutableIntList[] connections = (MutableIntList[]) connectionsField.get(n);
                for (int i = 0; i < connections[0].size(); i++) {
                    bottomLinks[at++] = connections[0].get(i);
                }
                if (connections.length > 1) {
                    upper[node] = new int[connections.length - 1][];
                    for (int level = 1; level < connections.length; level++) {
                        upper[node][level - 1] = connections[level].toArray();
                    }
                }
            }
            bottomStart[count] = at;
            int entry = idField.getInt(entryNode);
            int entryLevel = ((MutableIntList[]) connectionsField.get(entryNode)).length - 1;
            return new FrozenGraph(entry, entryLevel, bottomStart, bottomLinks, upper, rowOfNode, vectors, dimension);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private float score(int node, float[] query) {
        int row = rowOfNode[node];
        return row < 0 ? Float.NEGATIVE_INFINITY : Vectors.dot(vectors, row * dimension, query, dimension);
    }

    /**
     * The rows of the (approximately) {@code k} items of highest inner product with {@code query}, highest first,
     * searched with a candidate list of {@code max(ef, k)}.
     */
    int[] nearestRows(float[] query, int k, int ef) {
        int width = Math.max(ef, k);
        int current = entry;
        float best = score(current, query);
        for (int level = entryLevel; level >= 1; level--) {
            boolean moved = true;
            while (moved) {
                moved = false;
                int[][] levels = upper[current];
                if (levels == null || levels.length < level) {
                    break;
                }
                for (int neighbour : levels[level - 1]) {
                    float s = score(neighbour, query);
                    if (s > best) {
                        best = s;
                        current = neighbour;
                        moved = true;
                    }
                }
            }
        }
        Scratch s = scratch.poll();
        if (s == null) {
            s = new Scratch(rowOfNode.length);
        }
        try {
            return search(query, k, width, current, best, s);
        } finally {
            scratch.offer(s);
        }
    }

    /** The bottom layer's best-first search from {@code current}, with one search's scratch. */
    private int[] search(float[] query, int k, int width, int current, float best, Scratch s) {
        int stamp = s.next();
        // candidates: a max-heap by score (the next node to expand); results: the width best nodes seen (TopK)
        Heap candidates = s.candidates;
        candidates.clear();
        TopK results = new TopK(width);
        s.visited[current] = stamp;
        candidates.push(current, best);
        if (rowOfNode[current] >= 0) {
            results.offer(current, best);
        }
        while (candidates.size() > 0) {
            float score = candidates.topScore();
            int node = candidates.pop();
            // the threshold is negative infinity until width nodes are held
            if (score < results.threshold()) {
                break;
            }
            for (int at = bottomStart[node]; at < bottomStart[node + 1]; at++) {
                int neighbour = bottomLinks[at];
                if (s.visited[neighbour] == stamp) {
                    continue;
                }
                s.visited[neighbour] = stamp;
                float ns = score(neighbour, query);
                if (ns > results.threshold()) {
                    candidates.push(neighbour, ns);
                    if (rowOfNode[neighbour] >= 0) {
                        results.offer(neighbour, ns);
                    }
                }
            }
        }
        int[] nodes = results.drain().rows();
        int[] rows = new int[Math.min(k, nodes.length)];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rowOfNode[nodes[i]];
        }
        return rows;
    }

    /** One search at a time: the visited stamps and the candidates' heap. */
    private static final class Scratch {
        final int[] visited;
        int stamp;
        final Heap candidates = new Heap();

        Scratch(int nodes) {
            visited = new int[nodes];
        }

        int next() {
            if (++stamp == 0) { // wrapped: clear old stamps
                java.util.Arrays.fill(visited, 0);
                stamp = 1;
            }
            return stamp;
        }
    }

    /** A binary max-heap of (node, score) on primitive arrays: the candidates to expand, best first. */
    private static final class Heap {
        private int[] nodes = new int[256];
        private float[] scores = new float[256];
        private int size;

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        float topScore() {
            return scores[0];
        }

        void push(int node, float score) {
            if (size == nodes.length) {
                nodes = java.util.Arrays.copyOf(nodes, 2 * size);
                scores = java.util.Arrays.copyOf(scores, 2 * size);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (scores[parent] >= score) {
                    break;
                }
                nodes[at] = nodes[parent];
                scores[at] = scores[parent];
                at = parent;
            }
            nodes[at] = node;
            scores[at] = score;
        }

        int pop() {
            int top = nodes[0];
            int lastNode = nodes[--size];
            float lastScore = scores[size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && scores[child + 1] > scores[child]) {
                    child++;
                }
                if (scores[child] <= lastScore) {
                    break;
                }
                nodes[at] = nodes[child];
                scores[at] = scores[child];
                at = child;
            }
            if (size > 0) {
                nodes[at] = lastNode;
                scores[at] = lastScore;
            }
            return top;
        }
    }
}
