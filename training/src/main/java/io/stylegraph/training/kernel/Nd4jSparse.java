package io.stylegraph.training.kernel;

/** A {@link SparseOperator} of the ND4J kernel: gather/segment plans for the matrix and its transpose. */
final class Nd4jSparse implements SparseOperator {

    final CsrMatrix matrix;
    final SegmentedRows forward;
    final SegmentedRows transposed;
    private final int rows;
    private final int columns;

    Nd4jSparse(CsrMatrix matrix) {
        this.rows = matrix.numRows();
        this.columns = matrix.numColumns();
        this.matrix = matrix;
        this.forward = SegmentedRows.of(matrix);
        CsrMatrix t = matrix.transpose();
        this.transposed = t == matrix ? forward : SegmentedRows.of(t);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }
}
