package io.stylegraph.training.kernel;

/** A row-major float matrix owned by one {@link TrainingKernel}; only that kernel can read or change it. */
public interface DenseMatrix {

    int rows();

    int columns();
}
