package io.stylegraph.training.kernel;

import java.util.Arrays;
/**
 * A gather-then-segment-sum plan: output row {@code r} is the (weighted) sum of source rows
 * {@code sources[segmentStart[r] .. segmentStart[r+1])}. Sparse products and scatter-adds both reduce to it.
 */
record SegmentedRows(int outputRows, int[] segmentStart, int[] sources, float[] weights) {

    static SegmentedRows of(CsrMatrix matrix) {
        return new SegmentedRows(matrix.numRows(), matrix.rowStart(), matrix.columns(), matrix.values());
    }

    /** The plan of {@code matrix} restricted to the listed rows: the other rows get empty segments. */
    static SegmentedRows ofRows(CsrMatrix matrix, int[] rows) {
        int[] rowStart = matrix.rowStart();
        int count = 0;
        for (int r : rows) {
            count += rowStart[r + 1] - rowStart[r];
        }
        int[] start = new int[matrix.numRows() + 1];
        int[] sources = new int[count];
        float[] weights = new float[count];
        int at = 0;
        int next = 0;
        for (int r = 0; r < matrix.numRows(); r++) {
            start[r] = at;
            if (next < rows.length && rows[next] == r) {
                int n = rowStart[r + 1] - rowStart[r];
                System.arraycopy(matrix.columns(), rowStart[r], sources, at, n);
                System.arraycopy(matrix.values(), rowStart[r], weights, at, n);
                at += n;
                next++;
            }
        }
        start[matrix.numRows()] = at;
        return new SegmentedRows(matrix.numRows(), start, sources, weights);
    }

    /** Plan for out[targets[b]] += rows[b]: a counting sort of batch positions by target row. */
    static SegmentedRows scatter(int[] targets, int outputRows) {
        int[] start = new int[outputRows + 1];
        for (int t : targets) {
            start[t + 1]++;
        }
        for (int r = 0; r < outputRows; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, outputRows);
        int[] sources = new int[targets.length];
        for (int b = 0; b < targets.length; b++) {
            sources[fill[targets[b]]++] = b;
        }
        return new SegmentedRows(outputRows, start, sources, null);
    }
}
