package io.stylegraph.training.index;

/**
 * When and how an index switches from exact scans to an HNSW graph.
 *
 * @param threshold      item count above which the graph is built (exact scans answer until it is ready)
 * @param m              links per node
 * @param efConstruction candidate list size while building
 * @param ef             candidate list size while searching (raised to k when k is larger)
 */
public record HnswSettings(int threshold, int m, int efConstruction, int ef) {
    public static final HnswSettings DEFAULT = new HnswSettings(30_000, 16, 200, 100);

    public HnswSettings {
        if (m < 2 || efConstruction < 1 || ef < 1) {
            throw new IllegalArgumentException("HNSW needs m >= 2, efConstruction >= 1, ef >= 1");
        }
    }
}
