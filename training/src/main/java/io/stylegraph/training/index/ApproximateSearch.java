package io.stylegraph.training.index;

import java.util.List;

/**
 * A filtered query through an HNSW graph: the graph's nearest items re-scored exactly and filtered, fetching more
 * (four times as many each round) until k pass the filter, and scanning exactly when the fetch grows past
 * {@link #MAX_FETCH} or the whole index.
 */
final class ApproximateSearch {
    /** Beyond this many HNSW candidates a filtered query scans exactly instead. */
    static final int MAX_FETCH = 2_048;
    private static final int OVER_FETCH = 4;

    private ApproximateSearch() {
    }

    static ScoredRows search(IndexRows view, HnswGraph graph, float[] query, SearchFilter filter, int k) {
        return search(view, graph, null, 0, query, filter, k);
    }

    /**
     * As {@link #search(IndexRows, HnswGraph, float[], SearchFilter, int)}, through {@code links} (a copy of the
     * graph's links over this very view, searched with a candidate list of at least {@code ef}) when not null.
     */
    static ScoredRows search(IndexRows view, HnswGraph graph, FrozenGraph links, int ef, float[] query,
                             SearchFilter filter, int k) {
        byte slot = IndexRows.slotCode(filter.slot());
        byte gender = IndexRows.genderFilterCode(filter.gender());
        int excluded = view.row(filter.excludedItemId());
        int fetch = filter.restricts() ? k * OVER_FETCH : k + (excluded >= 0 ? 1 : 0);
        while (true) {
            int[] rows = links != null ? links.nearestRows(query, fetch, ef) : rowsOf(view, graph.nearest(query, fetch));
            TopK top = new TopK(k);
            for (int row : rows) {
                if (row >= 0 && view.accepts(row, slot, gender, excluded)) {
                    top.offer(row, view.dot(row, query));
                }
            }
            if (top.size() >= k || rows.length < fetch) {
                return top.drain();
            }
            if (fetch >= MAX_FETCH || fetch >= view.count) {
                return ExactScan.search(view, query, filter, k);
            }
            fetch = Math.min(fetch * OVER_FETCH, MAX_FETCH);
        }
    }

    private static int[] rowsOf(IndexRows view, List<String> ids) {
        int[] rows = new int[ids.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = view.row(ids.get(i));
        }
        return rows;
    }
}
