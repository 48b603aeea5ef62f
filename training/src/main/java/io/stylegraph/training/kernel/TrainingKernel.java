package io.stylegraph.training.kernel;

/**
 * The step math of graph recommenders: sparse propagation and its adjoint, BPR and L2 gradients, feature projection,
 * Adam. Trainers hold only handles ({@link DenseMatrix}, {@link SparseOperator}) made by the same kernel, so one
 * trainer runs unchanged on plain Java arrays or on ND4J arrays (CPU or GPU).
 *
 * <p>Gradient methods accumulate ({@code +=}) into the gradient matrices they are given.
 */
public interface TrainingKernel extends AutoCloseable {

    String name();

    DenseMatrix zeros(int rows, int columns);

    DenseMatrix fromArray(float[] rowMajor, int rows, int columns);

    float[] toArray(DenseMatrix matrix);

    SparseOperator upload(CsrMatrix matrix);

    /** out = A·x */
    void propagate(SparseOperator a, DenseMatrix x, DenseMatrix out);

    /** out = Aᵀ·g, the adjoint of {@link #propagate}. */
    void propagateAdjoint(SparseOperator a, DenseMatrix g, DenseMatrix out);

    /**
     * out = A·x on the listed rows (ascending, distinct) and 0 on all others: a batch only needs the rows it reaches,
     * so a step computes a fraction of a full product.
     */
    void propagateRows(SparseOperator a, DenseMatrix x, int[] rows, DenseMatrix out);

    /**
     * {@link #propagateRows} for an {@code x} that is zero outside the rows {@code sources} (ascending, distinct), as
     * a gradient that lives on a batch's rows: out = A·x on {@code rows} and 0 elsewhere. A kernel may skip the other
     * columns' terms (they add nothing), so the product reads the rows of x that can contribute instead of every
     * neighbour of every listed row; by default it is {@link #propagateRows}.
     */
    default void propagateRowsFrom(SparseOperator a, DenseMatrix x, int[] sources, int[] rows, DenseMatrix out) {
        propagateRows(a, x, rows, out);
    }

    /**
     * out = Aᵀ·g for a {@code g} that is zero outside the rows {@code sources} (ascending, distinct), where
     * {@code rows} (ascending, distinct) holds every row the product can be non-zero on (the columns of A's
     * {@code sources} rows). A kernel may compute only those rows from only the sources' terms and zero the others,
     * as an item graph's adjoint for a gradient that lives on a batch's rows; by default it is
     * {@link #propagateAdjoint}.
     */
    default void propagateAdjointRowsFrom(SparseOperator a, DenseMatrix g, int[] sources, int[] rows,
                                          DenseMatrix out) {
        propagateAdjoint(a, g, out);
    }

    /** y = alpha·x + beta·y */
    void axpby(float alpha, DenseMatrix x, float beta, DenseMatrix y);

    /** y = alpha·x + beta·y on the listed rows (ascending, distinct); every other row of y is left as it is. */
    void axpbyRows(float alpha, DenseMatrix x, float beta, DenseMatrix y, int[] rows);

    void fill(DenseMatrix matrix, float value);

    /** out[k] = features[rows[k]] · weights */
    void projectRows(DenseMatrix features, int[] rows, DenseMatrix weights, DenseMatrix out);

    /** gradWeights += features[rows]ᵀ · gradOut, the adjoint of {@link #projectRows} in its weights. */
    void projectRowsAdjoint(DenseMatrix features, int[] rows, DenseMatrix gradOut, DenseMatrix gradWeights);

    /**
     * Bayesian personalized ranking over a batch: loss = weight · mean_b softplus(−x_u·(y_p − y_n)) with
     * x_u = users[u[b]], y_p = items[pos[b]], y_n = items[neg[b]]. Accumulates the gradients and returns the loss.
     * {@code users} and {@code items} may be the same matrix, and so may their gradients.
     */
    double bpr(DenseMatrix users, int[] u, DenseMatrix items, int[] pos, int[] neg, float weight,
               DenseMatrix gradUsers, DenseMatrix gradItems);

    /** loss = coefficient · Σ_k ‖x[rows[k]]‖²; grad[rows[k]] += 2·coefficient·x[rows[k]]. Returns the loss. */
    double squaredNorm(DenseMatrix x, int[] rows, float coefficient, DenseMatrix grad);

    /**
     * One-directional InfoNCE between two views of the listed rows (distinct): row r of {@code b} is the positive of
     * row r of {@code a}, the other listed rows of {@code b} its negatives, both compared after scaling to unit length
     * and divided by the temperature. loss = weight · mean over the rows. Accumulates the gradients and returns the
     * loss. {@code a} and {@code b} must be different matrices; so must their gradients.
     */
    double infoNce(DenseMatrix a, DenseMatrix b, int[] rows, float temperature, float weight, DenseMatrix gradA,
                   DenseMatrix gradB);

    /**
     * x[r] += magnitude · sign(x[r]) ⊙ n_r on the listed rows (all rows when {@code rows} is null), n_r a random unit
     * vector with non-negative entries determined by (seed, r) alone, so both kernels add the same noise.
     */
    void perturb(DenseMatrix x, int[] rows, float magnitude, long seed);

    /** One Adam step (t is 1-based) on {@code parameters} with first and second moments {@code m} and {@code v}. */
    void adam(DenseMatrix parameters, DenseMatrix grad, DenseMatrix m, DenseMatrix v, AdamSettings settings, int t);

    /**
     * Lazy (sparse) Adam: the step of {@link #adam} on the listed rows only (ascending, distinct), every other row of
     * {@code parameters}, {@code m} and {@code v} left exactly as it is. An unlisted row is treated as having no
     * gradient this step rather than a zero one, so its moments are not decayed and its value does not move on its
     * momentum (the treatment of TensorFlow Addons' LazyAdam and PyTorch's SparseAdam); bias correction uses the
     * global step t. The cost is that of the listed rows, so a batch that touches a few thousand rows of a table of
     * millions pays for the thousands. With every row listed it is {@link #adam}.
     */
    void adamRows(DenseMatrix parameters, DenseMatrix grad, DenseMatrix m, DenseMatrix v, AdamSettings settings,
                  int t, int[] rows);

    @Override
    void close();
}
