package io.stylegraph.training.model;

import io.stylegraph.training.kernel.CsrMatrix;
import io.stylegraph.training.kernel.SparseOperator;
import io.stylegraph.training.kernel.TrainingKernel;

/**
 * A user–item adjacency both as Java CSR (to find which rows a batch reaches) and uploaded into a kernel (to multiply).
 * Row sets are ascending and distinct; a set covering more than {@code fullShare} of the nodes is replaced by null,
 * meaning "all rows", since a full product is then cheaper than a gathered one.
 */
record PropagationGraph(CsrMatrix matrix, SparseOperator operator, double fullShare) {

    static final double DEFAULT_FULL_SHARE = 0.6;

    static PropagationGraph upload(TrainingKernel kernel, CsrMatrix matrix) {
        return upload(kernel, matrix, DEFAULT_FULL_SHARE);
    }

    static PropagationGraph upload(TrainingKernel kernel, CsrMatrix matrix, double fullShare) {
        return new PropagationGraph(matrix, kernel.upload(matrix), fullShare);
    }

    int[] distinct(int[]... groups) {
        boolean[] mark = new boolean[matrix.numRows()];
        for (int[] group : groups) {
            for (int node : group) {
                mark[node] = true;
            }
        }
        return collect(mark);
    }

    /** The nodes adjacent to at least one of {@code rows}. */
    int[] neighbours(int[] rows) {
        boolean[] mark = new boolean[matrix.numRows()];
        int[] rowStart = matrix.rowStart();
        int[] columns = matrix.columns();
        for (int r : rows) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                mark[columns[k]] = true;
            }
        }
        return collect(mark);
    }

    int[] union(int[] a, int[] b) {
        return distinct(a, b);
    }

    /** The rows, or null when so many that a full product is the better deal. */
    int[] restrictable(int[] rows) {
        return rows.length > fullShare * matrix.numRows() ? null : rows;
    }

    private static int[] collect(boolean[] mark) {
        int count = 0;
        for (boolean m : mark) {
            count += m ? 1 : 0;
        }
        int[] rows = new int[count];
        int at = 0;
        for (int r = 0; r < mark.length; r++) {
            if (mark[r]) {
                rows[at++] = r;
            }
        }
        return rows;
    }
}
