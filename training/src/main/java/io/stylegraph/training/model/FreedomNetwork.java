package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.kernel.AdamSettings;
import io.stylegraph.training.kernel.CsrMatrix;
import io.stylegraph.training.kernel.DenseMatrix;
import io.stylegraph.training.kernel.SparseOperator;
import io.stylegraph.training.kernel.TrainingKernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Parameters, forward pass and hand-written backward pass of the FREEDOM family on one {@link TrainingKernel}.
 *
 * <p>Nodes are users 0..U-1 then items U..U+I-1, embeddings E (N×d). Forward: F = (1/(L+1))·Σ_l A^l·E, plus
 * S·E for the item rows when there is an item–item graph S. Backward: since F is linear in E,
 * ∂E = (1/(L+1))·Σ_l (Aᵀ)^l·∂F + Sᵀ·∂F, computed by Horner's rule with one adjoint product per layer.
 */
final class FreedomNetwork {

    private final TrainingKernel kernel;
    private final FreedomConfig config;
    private final int numUsers;
    private final int numNodes;
    private final int d;
    private final AdamSettings adam;

    private final DenseMatrix embeddings;
    private final DenseMatrix embeddingsM;
    private final DenseMatrix embeddingsV;
    private final SparseOperator itemGraph;
    /** The item–item graph on node rows as Java CSR, to find the rows its adjoint product reaches (null without). */
    private final CsrMatrix itemGraphRows;
    private final List<ModalityHead> heads = new ArrayList<>();
    private final List<ContentPart> contentParts = new ArrayList<>();
    /** Layer-0 embeddings: the ID embeddings plus the content parts' projections (the ID embeddings when none). */
    private final DenseMatrix base;

    private final DenseMatrix[] layers;
    private final DenseMatrix output;
    private final DenseMatrix scratch;
    private final DenseMatrix gradOutput;
    private final DenseMatrix gradA;
    private final DenseMatrix gradB;
    private final DenseMatrix gradEmbeddings;
    /** The contrastive term's gradient with respect to the compared layer (null without contrast). */
    private final DenseMatrix gradLayer;
    private int step;
    /**
     * The rows of {@link #gradEmbeddings} the last {@link #lossAndGradient} may have made non-zero (ascending), or
     * null when they may be all; outside them the gradient is exactly zero.
     */
    private int[] gradientRows;

    /**
     * A modality's frozen features (with a constant 1 column for the bias) and its trained projection. Dense
     * features (encoder vectors) stay the modality's own rows ({@code rows}): each step gathers the batch's rows into
     * a small matrix and projects it with a dense product, so the head holds no copy of them (at 1 M items a 384-wide
     * modality is 1.5 GiB; a kernel copy of it doubled that). Sparse ones (TF-IDF over categories, a few non-zeros in
     * a thousand columns) go through the sparse product over all items, whose cost is the number of non-zeros, into
     * {@code projected} and {@code gradProjected} (one row per item).
     */
    private record ModalityHead(float[][] rows, int width, SparseOperator sparseFeatures, DenseMatrix weights,
                                DenseMatrix m, DenseMatrix v, DenseMatrix grad, DenseMatrix projected,
                                DenseMatrix gradProjected) {
    }

    /**
     * A sparse modality's projection added to the items' layer-0 embeddings: features is N×(V+1) (user rows empty,
     * a bias column), weights (V+1)×d.
     */
    private record ContentPart(SparseOperator features, DenseMatrix weights, DenseMatrix m, DenseMatrix v,
                               DenseMatrix grad) {
    }

    /** Share of non-zero feature values below which a modality takes the sparse path. */
    static final double SPARSE_DENSITY = 0.05;

    FreedomNetwork(TrainingKernel kernel, FreedomConfig config, int numUsers, int numItems, CsrMatrix itemItem,
                   ItemFeatures features, Random init) {
        this(kernel, config, numUsers, numItems, itemItem, features, init, SPARSE_DENSITY);
    }

    /** As above, with the density below which a modality's features take the sparse path (tests compare both). */
    FreedomNetwork(TrainingKernel kernel, FreedomConfig config, int numUsers, int numItems, CsrMatrix itemItem,
                   ItemFeatures features, Random init, double sparseDensity) {
        this.kernel = kernel;
        this.config = config;
        this.numUsers = numUsers;
        this.numNodes = numUsers + numItems;
        this.d = config.dimension();
        this.adam = AdamSettings.withLearningRate(config.learningRate());
        float[] initial = new float[numNodes * d];
        xavierUniform(initial, 0, numUsers, d, init);
        xavierUniform(initial, numUsers, numItems, d, init);
        this.embeddings = kernel.fromArray(initial, numNodes, d);
        this.embeddingsM = kernel.zeros(numNodes, d);
        this.embeddingsV = kernel.zeros(numNodes, d);
        this.itemGraphRows = itemItem == null ? null : itemItem.embedAt(numUsers, numNodes);
        this.itemGraph = itemItem == null ? null : kernel.upload(itemGraphRows);
        if (config.modalityLossWeight() > 0) {
            for (ItemFeatures.Modality modality : features.modalities()) {
                heads.add(head(modality, numItems, init, sparseDensity));
            }
        }
        if (config.contentEmbedding()) {
            for (ItemFeatures.Modality modality : features.modalities()) {
                ContentPart part = contentPart(modality, numUsers, init, sparseDensity);
                if (part != null) {
                    contentParts.add(part);
                }
            }
        }
        this.base = contentParts.isEmpty() ? embeddings : kernel.zeros(numNodes, d);
        this.layers = new DenseMatrix[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = kernel.zeros(numNodes, d);
        }
        this.output = kernel.zeros(numNodes, d);
        this.scratch = kernel.zeros(numNodes, d);
        this.gradOutput = kernel.zeros(numNodes, d);
        this.gradA = kernel.zeros(numNodes, d);
        this.gradB = kernel.zeros(numNodes, d);
        this.gradEmbeddings = kernel.zeros(numNodes, d);
        this.gradLayer = config.contrast().enabled() ? kernel.zeros(numNodes, d) : null;
    }

    private ModalityHead head(ItemFeatures.Modality modality, int numItems, Random init, double sparseDensity) {
        int width = modality.dimension() + 1;
        long nonZeros = 0;
        for (float[] v : modality.vectors()) {
            if (v != null) {
                for (float x : v) {
                    nonZeros += x != 0 ? 1 : 0;
                }
            }
        }
        boolean sparse = nonZeros + numItems < sparseDensity * numItems * (double) width;
        float bound = (float) (1 / Math.sqrt(Math.max(1, width - 1)));
        float[] weights = new float[width * d];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = (init.nextFloat() * 2 - 1) * bound;
        }
        DenseMatrix w = kernel.fromArray(weights, width, d);
        if (sparse) {
            int count = (int) nonZeros + numItems;
            int[] rows = new int[count];
            int[] cols = new int[count];
            float[] vals = new float[count];
            int at = 0;
            for (int i = 0; i < numItems; i++) {
                float[] v = modality.vectors()[i];
                if (v != null) {
                    for (int c = 0; c < v.length; c++) {
                        if (v[c] != 0) {
                            rows[at] = i;
                            cols[at] = c;
                            vals[at++] = v[c];
                        }
                    }
                }
                rows[at] = i;
                cols[at] = width - 1;
                vals[at++] = 1f;
            }
            SparseOperator features = kernel.upload(CsrMatrix.fromTriplets(numItems, width, rows, cols, vals, count,
                    false));
            return new ModalityHead(null, width, features, w, kernel.zeros(width, d), kernel.zeros(width, d),
                    kernel.zeros(width, d), kernel.zeros(numItems, d), kernel.zeros(numItems, d));
        }
        return new ModalityHead(modality.vectors(), width, null, w, kernel.zeros(width, d), kernel.zeros(width, d),
                kernel.zeros(width, d), null, null);
    }

    /** The listed items' feature rows with the bias column, row-major (an item without a vector: the bias alone). */
    private static float[] gather(float[][] vectors, int width, int[] items) {
        float[] out = new float[items.length * width];
        for (int k = 0; k < items.length; k++) {
            float[] v = vectors[items[k]];
            if (v != null) {
                System.arraycopy(v, 0, out, k * width, v.length);
            }
            out[k * width + width - 1] = 1f;
        }
        return out;
    }

    /** The content part of a sparse modality; null for a dense one (its full projection per batch costs too much). */
    private ContentPart contentPart(ItemFeatures.Modality modality, int firstItemRow, Random init,
                                    double sparseDensity) {
        float[][] vectors = modality.vectors();
        int width = modality.dimension() + 1;
        long nonZeros = 0;
        for (float[] v : vectors) {
            if (v != null) {
                for (float x : v) {
                    nonZeros += x != 0 ? 1 : 0;
                }
            }
        }
        if (nonZeros + vectors.length >= sparseDensity * vectors.length * (double) width) {
            return null;
        }
        int count = (int) nonZeros + vectors.length;
        int[] rows = new int[count];
        int[] cols = new int[count];
        float[] vals = new float[count];
        int at = 0;
        for (int i = 0; i < vectors.length; i++) {
            float[] v = vectors[i];
            if (v == null) {
                continue; // no content: the item's layer-0 embedding is its ID embedding alone
            }
            for (int c = 0; c < v.length; c++) {
                if (v[c] != 0) {
                    rows[at] = firstItemRow + i;
                    cols[at] = c;
                    vals[at++] = v[c];
                }
            }
            rows[at] = firstItemRow + i;
            cols[at] = width - 1;
            vals[at++] = 1f;
        }
        float[] weights = new float[width * d];
        xavierUniform(weights, 0, width, d, init);
        SparseOperator features = kernel.upload(CsrMatrix.fromTriplets(numNodes, width, rows, cols, vals, at, false));
        return new ContentPart(features, kernel.fromArray(weights, width, d), kernel.zeros(width, d),
                kernel.zeros(width, d), kernel.zeros(width, d));
    }

    /** Recomputes {@link #base} from the current ID embeddings and content weights. */
    private void refreshBase() {
        if (contentParts.isEmpty()) {
            return;
        }
        kernel.axpby(1f, embeddings, 0f, base);
        for (ContentPart part : contentParts) {
            kernel.propagate(part.features(), part.weights(), scratch);
            kernel.axpby(1f, scratch, 1f, base);
        }
    }

    /** Glorot/Xavier uniform over a rows × d block, bound √(6/(rows+d)). */
    private static void xavierUniform(float[] target, int firstRow, int rows, int d, Random random) {
        double bound = Math.sqrt(6.0 / (rows + d));
        for (int k = firstRow * d; k < (firstRow + rows) * d; k++) {
            target[k] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }

    /** Computes F into {@link #output} over the given user–item adjacency; training adds the layers' noise. */
    private void forward(SparseOperator adjacency, boolean training) {
        refreshBase();
        DenseMatrix previous = base;
        for (int l = 0; l < layers.length; l++) {
            kernel.propagate(adjacency, previous, layers[l]);
            if (training) {
                perturb(l, null);
            }
            previous = layers[l];
        }
        float mean = 1f / (layers.length + 1);
        kernel.axpby(mean, base, 0f, output);
        for (DenseMatrix layer : layers) {
            kernel.axpby(mean, layer, 1f, output);
        }
        if (itemGraph != null) {
            kernel.propagate(itemGraph, base, scratch);
            kernel.axpby(1f, scratch, 1f, output);
        }
    }

    /** Adds the training noise to layer l's listed rows (all when null); the same noise for repeated calls in a step. */
    private void perturb(int l, int[] rows) {
        double noise = config.contrast().noise();
        if (noise > 0) {
            kernel.perturb(layers[l], rows, (float) noise, config.seed() * 1_000_003L + step * 31L + l);
        }
    }

    /** One optimization step on a batch of (user, liked item, negative item); returns the batch loss. */
    double trainStep(PropagationGraph graph, int[] users, int[] positives, int[] negatives) {
        double loss = lossAndGradient(graph, users, positives, negatives);
        step++;
        if (config.lazyAdam() && gradientRows != null) {
            kernel.adamRows(embeddings, gradEmbeddings, embeddingsM, embeddingsV, adam, step, gradientRows);
        } else {
            kernel.adam(embeddings, gradEmbeddings, embeddingsM, embeddingsV, adam, step);
        }
        for (ModalityHead head : heads) {
            kernel.adam(head.weights(), head.grad(), head.m(), head.v(), adam, step);
        }
        for (ContentPart part : contentParts) {
            kernel.adam(part.weights(), part.grad(), part.m(), part.v(), adam, step);
        }
        return loss;
    }

    /**
     * The batch loss, leaving its gradient in {@link #gradEmbeddings} and the heads' gradients. Only the rows a batch
     * reaches are propagated: layer l is needed on the batch's nodes and the neighbours of the rows layer l+1 needs,
     * and the first adjoint product is non-zero only on the neighbours of the batch.
     */
    double lossAndGradient(PropagationGraph graph, int[] users, int[] positives, int[] negatives) {
        int batch = users.length;
        int[] posNodes = new int[batch];
        int[] negNodes = new int[batch];
        for (int b = 0; b < batch; b++) {
            posNodes[b] = numUsers + positives[b];
            negNodes[b] = numUsers + negatives[b];
        }
        int[] batchNodes = graph.distinct(users, posNodes, negNodes);
        forwardOnRows(graph, batchNodes);

        kernel.fill(gradOutput, 0f);
        double loss = kernel.bpr(output, users, output, posNodes, negNodes, 1f, gradOutput, gradOutput);
        if (!heads.isEmpty()) {
            loss += modalityTerms(users, positives, negatives);
        }
        Contrast contrast = config.contrast();
        int contrastAt = -1;
        if (contrast.enabled()) {
            // final embeddings against the compared layer's, for the batch's users and for its liked items
            DenseMatrix compared = layers[contrast.layer() - 1];
            kernel.fill(gradLayer, 0f);
            float weight = (float) contrast.weight();
            float temperature = (float) contrast.temperature();
            Random sample = new Random(config.seed() * 1_000_003L + step);
            loss += kernel.infoNce(output, compared, sample(distinct(users), sample), temperature, weight, gradOutput,
                    gradLayer);
            loss += kernel.infoNce(output, compared, sample(distinct(posNodes), sample), temperature, weight,
                    gradOutput, gradLayer);
            // layer k = A^k·(layer 0) + noise: its gradient needs k adjoint products, so it joins Horner's sum with k
            // products still to go, scaled by L+1 because the sum is multiplied by 1/(L+1) at the end
            contrastAt = layers.length - contrast.layer();
        }

        // ∂E = (1/(L+1))·Σ_l (Aᵀ)^l·∂F by Horner's rule: g ← ∂F + Aᵀ·g, L times; ∂F lives on the batch's rows
        DenseMatrix g = gradOutput;
        int[] support = batchNodes;
        for (int l = 0; l < layers.length; l++) {
            if (l == contrastAt) {
                if (g == gradOutput) {
                    kernel.axpby(1f, gradOutput, 0f, gradB);
                    g = gradB;
                }
                kernel.axpby(layers.length + 1f, gradLayer, 1f, g);
            }
            DenseMatrix next = g == gradA ? gradB : gradA;
            int[] neighbours = support == null ? null : graph.neighbours(support);
            int[] reached = neighbours == null ? null : graph.restrictable(neighbours);
            if (g == gradOutput && neighbours != null && graph.matrix().symmetric()) {
                // ∂F lives on the batch's rows: only their terms of a neighbour's sum are non-zero, however many
                // neighbours there are (at 1 M items a batch of 60k likes reaches most nodes, but reads ~a third of
                // the rows a full product reads)
                kernel.propagateRowsFrom(graph.operator(), g, batchNodes, neighbours, next);
            } else if (reached == null) {
                kernel.propagateAdjoint(graph.operator(), g, next);
            } else {
                kernel.propagateRows(graph.operator(), g, reached, next); // A is symmetric here
            }
            kernel.axpbyRows(1f, gradOutput, 1f, next, batchNodes); // ∂F is zero outside the batch's rows
            support = reached == null ? null : graph.restrictable(graph.union(reached, batchNodes));
            g = next;
        }
        kernel.axpby(1f / (layers.length + 1), g, 0f, gradEmbeddings);
        // Sᵀ·∂F lives on the columns of S's batch rows and needs only the batch rows' terms: a whole adjoint product
        // read the rows of every item's neighbours on each step (at 1 M items ten million of them)
        int[] itemGraphReach = itemGraph == null ? null : columnsOf(itemGraphRows, batchNodes);
        if (itemGraph != null) {
            int[] restricted = graph.restrictable(itemGraphReach);
            if (restricted == null) {
                kernel.propagateAdjoint(itemGraph, gradOutput, scratch);
                kernel.axpby(1f, scratch, 1f, gradEmbeddings);
            } else {
                kernel.propagateAdjointRowsFrom(itemGraph, gradOutput, batchNodes, restricted, scratch);
                kernel.axpbyRows(1f, scratch, 1f, gradEmbeddings, restricted);
            }
        }
        // g lives on support; Sᵀ·∂F on the columns of S's batch rows; the L2 term below on the batch's rows
        gradientRows = support == null ? null
                : itemGraphRows == null ? support : graph.union(support, itemGraphReach);
        // layer 0 is E + Σ F·W: the content weights get Fᵀ·∂(layer 0); the L2 term below is on E alone
        for (ContentPart part : contentParts) {
            kernel.propagateAdjoint(part.features(), gradEmbeddings, part.grad());
        }
        if (config.l2() > 0) {
            float coefficient = (float) (config.l2() / (2.0 * batch));
            loss += kernel.squaredNorm(embeddings, users, coefficient, gradEmbeddings);
            loss += kernel.squaredNorm(embeddings, posNodes, coefficient, gradEmbeddings);
            loss += kernel.squaredNorm(embeddings, negNodes, coefficient, gradEmbeddings);
        }
        return loss;
    }

    /** The columns with a non-zero in at least one of the rows. */
    private static int[] columnsOf(CsrMatrix matrix, int[] rows) {
        boolean[] mark = new boolean[matrix.numColumns()];
        int[] rowStart = matrix.rowStart();
        int[] columns = matrix.columns();
        for (int r : rows) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                mark[columns[k]] = true;
            }
        }
        return java.util.stream.IntStream.range(0, mark.length).filter(c -> mark[c]).toArray();
    }

    /** The rows the last gradient may be non-zero on, null for all (for tests). */
    int[] gradientRows() {
        return gradientRows == null ? null : gradientRows.clone();
    }

    /** F on the batch's rows (other rows of {@link #output} hold no meaning afterwards). */
    private void forwardOnRows(PropagationGraph graph, int[] batchNodes) {
        if (!graph.matrix().symmetric()) {
            forward(graph.operator(), true);
            return;
        }
        refreshBase();
        // rows[l] = rows layer l+1 must hold: the batch, plus the neighbours of what the next layer needs
        int[][] rows = new int[layers.length][];
        int[] needed = batchNodes;
        for (int l = layers.length - 1; l >= 0; l--) {
            rows[l] = needed;
            needed = needed == null ? null : graph.restrictable(graph.union(graph.neighbours(needed), batchNodes));
        }
        DenseMatrix previous = base;
        for (int l = 0; l < layers.length; l++) {
            if (rows[l] == null) {
                kernel.propagate(graph.operator(), previous, layers[l]);
            } else {
                kernel.propagateRows(graph.operator(), previous, rows[l], layers[l]);
            }
            perturb(l, rows[l]);
            previous = layers[l];
        }
        // the mean over layers on the batch's rows alone: at 1 M items a whole-table pass is ~360 MiB each way
        float mean = 1f / (layers.length + 1);
        kernel.axpbyRows(mean, base, 0f, output, batchNodes);
        for (DenseMatrix layer : layers) {
            kernel.axpbyRows(mean, layer, 1f, output, batchNodes);
        }
        if (itemGraph != null) {
            kernel.propagateRows(itemGraph, base, batchNodes, scratch);
            kernel.axpbyRows(1f, scratch, 1f, output, batchNodes);
        }
    }

    float[] embeddingGradient() {
        return kernel.toArray(gradEmbeddings);
    }

    /** The gradient of content part m's weights left by the last {@link #lossAndGradient}. */
    float[] contentGradient(int m) {
        return kernel.toArray(contentParts.get(m).grad());
    }

    float[] contentValues(int m) {
        return kernel.toArray(contentParts.get(m).weights());
    }

    void setContentValues(int m, float[] values) {
        ContentPart part = contentParts.get(m);
        kernel.axpby(1f, kernel.fromArray(values, part.weights().rows(), d), 0f, part.weights());
    }

    /** The gradient of modality head m's projection weights left by the last {@link #lossAndGradient}. */
    float[] headGradient(int m) {
        return kernel.toArray(heads.get(m).grad());
    }

    float[] embeddingValues() {
        return kernel.toArray(embeddings);
    }

    void setEmbeddingValues(float[] values) {
        kernel.axpby(1f, kernel.fromArray(values, numNodes, d), 0f, embeddings);
    }

    /** BPR of propagated users against projected item features, per modality. */
    private double modalityTerms(int[] users, int[] positives, int[] negatives) {
        int batch = users.length;
        int[] rows = new int[2 * batch];
        int[] pos = new int[batch];
        int[] neg = new int[batch];
        for (int b = 0; b < batch; b++) {
            rows[b] = positives[b];
            rows[batch + b] = negatives[b];
            pos[b] = b;
            neg[b] = batch + b;
        }
        double loss = 0;
        int[] batchItems = null;
        int[] batchRows = null;
        for (ModalityHead head : heads) {
            if (head.sparseFeatures() != null) {
                if (batchItems == null) {
                    batchItems = distinct(positives, negatives);
                }
                kernel.propagateRows(head.sparseFeatures(), head.weights(), batchItems, head.projected());
                kernel.fill(head.gradProjected(), 0f);
                loss += kernel.bpr(output, users, head.projected(), positives, negatives,
                        (float) config.modalityLossWeight(), gradOutput, head.gradProjected());
                kernel.propagateAdjoint(head.sparseFeatures(), head.gradProjected(), head.grad());
                continue;
            }
            if (batchRows == null) {
                batchRows = java.util.stream.IntStream.range(0, rows.length).toArray();
            }
            DenseMatrix features = kernel.fromArray(gather(head.rows(), head.width(), rows), rows.length,
                    head.width());
            DenseMatrix projected = kernel.zeros(2 * batch, d);
            DenseMatrix gradProjected = kernel.zeros(2 * batch, d);
            kernel.projectRows(features, batchRows, head.weights(), projected);
            loss += kernel.bpr(output, users, projected, pos, neg, (float) config.modalityLossWeight(), gradOutput,
                    gradProjected);
            kernel.fill(head.grad(), 0f);
            kernel.projectRowsAdjoint(features, batchRows, gradProjected, head.grad());
        }
        return loss;
    }

    /** At most {@link Contrast#MAX_ROWS} of the rows, a seeded sample in ascending order when there are more. */
    private static int[] sample(int[] rows, Random random) {
        if (rows.length <= Contrast.MAX_ROWS) {
            return rows;
        }
        int[] copy = rows.clone();
        for (int k = 0; k < Contrast.MAX_ROWS; k++) {
            int pick = k + random.nextInt(copy.length - k);
            int t = copy[k];
            copy[k] = copy[pick];
            copy[pick] = t;
        }
        int[] chosen = Arrays.copyOf(copy, Contrast.MAX_ROWS);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] distinct(int[] a) {
        return Arrays.stream(a).distinct().sorted().toArray();
    }

    private static int[] distinct(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).distinct().sorted()
                .toArray();
    }

    /** Final user and item embeddings over the given (full) adjacency: [users U×d, items I×d]. */
    float[][] inference(SparseOperator adjacency) {
        forward(adjacency, false);
        float[] all = kernel.toArray(output);
        float[] users = Arrays.copyOfRange(all, 0, numUsers * d);
        float[] items = Arrays.copyOfRange(all, numUsers * d, numNodes * d);
        return new float[][] {users, items};
    }
}
