package io.stylegraph.training.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A {@link DenseMatrix} on a float ND4J array (native memory, or GPU memory under nd4j-cuda). */
final class Nd4jMatrix implements DenseMatrix {

    final INDArray array;

    Nd4jMatrix(INDArray array) {
        this.array = array;
    }

    @Override
    public int rows() {
        return (int) array.rows();
    }

    @Override
    public int columns() {
        return (int) array.columns();
    }
}
