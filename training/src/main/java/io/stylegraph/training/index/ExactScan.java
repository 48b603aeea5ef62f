package io.stylegraph.training.index;

import io.stylegraph.models.Vectors;

/**
 * Exact top-K by inner product (cosine, as rows and queries are unit length) over a contiguous row-major matrix.
 * Filters are checked per row before its product is computed, so a filtered query costs less, never returns fewer
 * than K matches that exist, and needs no over-fetching.
 */
final class ExactScan {

    private ExactScan() {
    }

    static ScoredRows search(IndexRows rows, float[] query, SearchFilter filter, int k) {
        checkDimension(rows, query);
        TopK top = new TopK(k);
        byte slot = IndexRows.slotCode(filter.slot());
        byte gender = IndexRows.genderFilterCode(filter.gender());
        int excluded = rows.row(filter.excludedItemId());
        float[] data = rows.data;
        int dimension = rows.dimension;
        int count = rows.count;
        float threshold = Float.NEGATIVE_INFINITY;
        for (int row = 0, offset = 0; row < count; row++, offset += dimension) {
            if (!rows.accepts(row, slot, gender, excluded)) {
                continue;
            }
            float score = dot(data, offset, query, dimension);
            if (score >= threshold) {
                top.offer(row, score);
                threshold = top.threshold();
            }
        }
        return top.drain();
    }

    /**
     * Top-K of several unfiltered queries in one pass over the matrix: each row is read once for all queries, which
     * matters when the matrix is larger than the caches (a pass is memory-bound for a single query).
     */
    static ScoredRows[] searchMany(IndexRows rows, float[][] queries, int k) {
        for (float[] query : queries) {
            checkDimension(rows, query);
        }
        TopK[] tops = new TopK[queries.length];
        float[] thresholds = new float[queries.length];
        for (int q = 0; q < queries.length; q++) {
            tops[q] = new TopK(k);
            thresholds[q] = Float.NEGATIVE_INFINITY;
        }
        float[] data = rows.data;
        int dimension = rows.dimension;
        for (int row = 0, offset = 0; row < rows.count; row++, offset += dimension) {
            for (int q = 0; q < queries.length; q++) {
                float score = dot(data, offset, queries[q], dimension);
                if (score >= thresholds[q]) {
                    tops[q].offer(row, score);
                    thresholds[q] = tops[q].threshold();
                }
            }
        }
        ScoredRows[] out = new ScoredRows[queries.length];
        for (int q = 0; q < queries.length; q++) {
            out[q] = tops[q].drain();
        }
        return out;
    }

    static float dot(float[] data, int offset, float[] query, int dimension) {
        return Vectors.dot(data, offset, query, dimension);
    }

    private static void checkDimension(IndexRows rows, float[] query) {
        if (query.length != rows.dimension) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the index "
                    + rows.dimension);
        }
    }
}
