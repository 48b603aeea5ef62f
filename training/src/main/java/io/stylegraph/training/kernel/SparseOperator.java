package io.stylegraph.training.kernel;

/** A {@link CsrMatrix} uploaded into one {@link TrainingKernel}, ready to multiply dense matrices. */
public interface SparseOperator {

    int rows();

    int columns();
}
