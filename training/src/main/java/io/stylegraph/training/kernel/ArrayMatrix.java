package io.stylegraph.training.kernel;

/** A {@link DenseMatrix} on a Java float array. */
final class ArrayMatrix implements DenseMatrix {

    final float[] data;
    final int rows;
    final int columns;

    ArrayMatrix(float[] data, int rows, int columns) {
        if (data.length != rows * columns) {
            throw new IllegalArgumentException("expected " + rows * columns + " values, got " + data.length);
        }
        this.data = data;
        this.rows = rows;
        this.columns = columns;
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
