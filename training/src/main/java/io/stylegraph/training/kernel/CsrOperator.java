package io.stylegraph.training.kernel;

/** A {@link SparseOperator} of the CPU kernel: the matrix, its transpose, and row chunks balanced by non-zeros. */
final class CsrOperator implements SparseOperator {

    final CsrMatrix forward;
    final CsrMatrix transposed;
    final int[] forwardChunks;
    final int[] transposedChunks;

    CsrOperator(CsrMatrix matrix, int chunks) {
        this.forward = matrix;
        this.transposed = matrix.transpose();
        this.forwardChunks = balancedChunks(forward, chunks);
        this.transposedChunks = transposed == forward ? forwardChunks : balancedChunks(transposed, chunks);
    }

    private static int[] balancedChunks(CsrMatrix matrix, int chunks) {
        int rows = matrix.numRows();
        int[] rowStart = matrix.rowStart();
        long work = matrix.nnz() + (long) rows;
        int[] bounds = new int[chunks + 1];
        int row = 0;
        for (int c = 1; c < chunks; c++) {
            long target = work * c / chunks;
            while (row < rows && rowStart[row] + (long) row < target) {
                row++;
            }
            bounds[c] = row;
        }
        bounds[chunks] = rows;
        return bounds;
    }

    @Override
    public int rows() {
        return forward.numRows();
    }

    @Override
    public int columns() {
        return forward.numColumns();
    }
}
