package io.stylegraph.training.kernel;

import java.util.Arrays;

/**
 * A float sparse matrix in CSR form: row {@code r} holds {@code values[k]} at column {@code columns[k]} for
 * {@code k ∈ [rowStart[r], rowStart[r+1])}. {@code symmetric} is a promise from the builder that lets adjoints reuse
 * the matrix instead of transposing it.
 */
public final class CsrMatrix {

    private final int numRows;
    private final int numColumns;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;
    private final boolean symmetric;

    public CsrMatrix(int numRows, int numColumns, int[] rowStart, int[] columns, float[] values, boolean symmetric) {
        if (rowStart.length != numRows + 1 || columns.length != values.length || rowStart[numRows] != columns.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        if (symmetric && numRows != numColumns) {
            throw new IllegalArgumentException("a symmetric matrix must be square");
        }
        this.numRows = numRows;
        this.numColumns = numColumns;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.symmetric = symmetric;
    }

    /** Builds from COO triplets; entries of one row keep their input order, duplicates are kept as separate terms. */
    public static CsrMatrix fromTriplets(int numRows, int numColumns, int[] rows, int[] cols, float[] vals, int count,
                                         boolean symmetric) {
        int[] rowStart = new int[numRows + 1];
        for (int k = 0; k < count; k++) {
            rowStart[rows[k] + 1]++;
        }
        for (int r = 0; r < numRows; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        int[] fill = Arrays.copyOf(rowStart, numRows);
        int[] columns = new int[count];
        float[] values = new float[count];
        for (int k = 0; k < count; k++) {
            int at = fill[rows[k]]++;
            columns[at] = cols[k];
            values[at] = vals[k];
        }
        return new CsrMatrix(numRows, numColumns, rowStart, columns, values, symmetric);
    }

    public int numRows() {
        return numRows;
    }

    public int numColumns() {
        return numColumns;
    }

    public int nnz() {
        return columns.length;
    }

    public int[] rowStart() {
        return rowStart;
    }

    public int[] columns() {
        return columns;
    }

    public float[] values() {
        return values;
    }

    public boolean symmetric() {
        return symmetric;
    }

    public CsrMatrix transpose() {
        if (symmetric) {
            return this;
        }
        int[] rows = new int[nnz()];
        for (int r = 0; r < numRows; r++) {
            Arrays.fill(rows, rowStart[r], rowStart[r + 1], r);
        }
        return fromTriplets(numColumns, numRows, columns, rows, values, nnz(), false);
    }

    public float get(int row, int column) {
        float sum = 0;
        for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
            if (columns[k] == column) {
                sum += values[k];
            }
        }
        return sum;
    }

    /** The same entries placed at rows and columns shifted by {@code offset} in a larger square matrix. */
    public CsrMatrix embedAt(int offset, int size) {
        if (offset + Math.max(numRows, numColumns) > size) {
            throw new IllegalArgumentException("does not fit");
        }
        int[] newStart = new int[size + 1];
        for (int r = 0; r <= size; r++) {
            int local = Math.min(Math.max(r - offset, 0), numRows);
            newStart[r] = rowStart[local];
        }
        int[] newColumns = new int[nnz()];
        for (int k = 0; k < newColumns.length; k++) {
            newColumns[k] = columns[k] + offset;
        }
        return new CsrMatrix(size, size, newStart, newColumns, values.clone(), symmetric);
    }
}
