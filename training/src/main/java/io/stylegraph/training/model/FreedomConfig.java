package io.stylegraph.training.model;

import io.stylegraph.training.kernel.KernelEngine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the graph recommenders. Defaults follow the FREEDOM paper's code base (MMRec): embedding size 64,
 * Adam with learning rate 1e-3, batch 2048, 2 user–item layers, 1 item–item layer, k = 10, image weight 0.1 against
 * text, early stopping on validation Recall@20 with patience 20, seed 999. Two defaults come from amazon-clothing's
 * validation split instead: the L2 weight is 1e-2, the value of MMRec's LightGCN grid that measured best there (1e-4
 * and 1e-1 were worse), and the keep ratio of the degree-sensitive pruning is 0.5, not the paper's 0.2 (dropout 0.8):
 * validation Recall@20 0.0600 against 0.0560 at 0.2 and 0.0516 at 0.1 (reports/evaluate-amazon-clothing.md).
 *
 * @param layers             LightGCN propagation layers; 0 makes plain BPR-MF
 * @param l2                 weight of ½·‖e‖² on the batch's layer-0 embeddings, averaged over the batch
 * @param keepRatio          share of like edges kept by degree-sensitive pruning each epoch; 1 turns pruning off
 * @param itemGraph          whether to build the item–item kNN graph from the features (FREEDOM) when there are any
 * @param modalityLossWeight weight of the modality-projection BPR terms (FREEDOM's reg_weight)
 * @param contentEmbedding   whether an item's layer-0 embedding is its ID embedding plus a trained projection of its
 *                           content vectors, so items that share content share part of their embedding and an item
 *                           without likes starts from its content
 * @param hardNegativeRatio  share of negatives drawn from the user's dislikes when the user has any
 * @param dislikeEdgeWeight  weight w of dislikes as negative edges (−w) in the propagation graph; 0 (the default)
 *                           leaves them out: on rent-the-runway signed edges measured no better than hard negatives
 *                           (reports/evaluate-rent-the-runway.md)
 * @param patience           evaluations without a better validation metric before stopping
 * @param contrast           contrastive regularization of the propagated embeddings ({@link Contrast#OFF}: none)
 * @param lazyAdam           whether Adam steps only the embedding rows a batch's gradient reaches (lazy Adam, see
 *                           {@link io.stylegraph.training.kernel.TrainingKernel#adamRows}) or every row on every
 *                           batch (dense Adam, the default, whose cost per batch grows with the table). Off by default:
 *                           on amazon-clothing's fixed split BPR-MF reached test Recall@20 0.0210 after 20 epochs with
 *                           it against 0.0230 without (rows between their batches no longer move on their momentum);
 *                           LightGCN's figures were identical, its gradient reaching most rows every batch
 * @param maxBatchesPerEpoch the most batches (optimization steps) of an epoch; 0 for no bound. Each batch propagates
 *                           over the whole graph (the two-hop neighbourhood of a batch of 2,048 likes already covers
 *                           most nodes), so with a fixed batch an epoch costs (likes / batch) × likes; with the bound
 *                           the batch grows with the training likes above {@code batchSize × maxBatchesPerEpoch} and
 *                           an epoch costs at most {@code maxBatchesPerEpoch} propagations, linear in the likes. See
 *                           {@link #forTrainingLikes} for the batch and learning rate it then uses; the default,
 *                           {@value #DEFAULT_MAX_BATCHES_PER_EPOCH}, leaves amazon-clothing (94 batches) unchanged.
 *                           Chosen over reusing stale propagated tables or sampled propagation because it keeps the
 *                           exact forward and adjoint of both kernels. Quality check with an 8× batch forced at
 *                           amazon-clothing's size (12 batches an epoch, 20 epochs, fixed split): test Recall@20
 *                           LightGCN 0.0385 against 0.0388 unbounded, FREEDOM 0.0445 against 0.0434
 *                           (reports/scale-training.md); at 230k synthetic items the epoch cost 13.5× less
 */
public record FreedomConfig(String name, int dimension, int layers, double learningRate, int batchSize, double l2,
                            double keepRatio, boolean itemGraph, int knnK, double modalityLossWeight,
                            boolean contentEmbedding, double hardNegativeRatio, double dislikeEdgeWeight, int maxEpochs,
                            int patience, int evaluateEvery, String validationMetric, long seed, int threads,
                            KernelEngine engine, Contrast contrast, boolean lazyAdam,
                            int maxBatchesPerEpoch) {

    public FreedomConfig {
        if (dimension < 1 || layers < 0 || batchSize < 1 || maxEpochs < 1 || patience < 1 || evaluateEvery < 1
                || threads < 1 || knnK < 1 || maxBatchesPerEpoch < 0) {
            throw new IllegalArgumentException("invalid configuration " + this);
        }
        if (contrast == null || contrast.enabled() && contrast.layer() > layers) {
            throw new IllegalArgumentException("contrast needs a propagated layer to compare with in " + this);
        }
        if (keepRatio <= 0 || keepRatio > 1 || hardNegativeRatio < 0 || hardNegativeRatio > 1
                || dislikeEdgeWeight < 0) {
            throw new IllegalArgumentException("ratios out of range in " + this);
        }
    }

    /**
     * Default of {@code maxBatchesPerEpoch}: above 128 × 2,048 = 262,144 training likes the batch grows. At 10 M
     * likes that is 128 full-graph propagations an epoch instead of 4,900.
     */
    public static final int DEFAULT_MAX_BATCHES_PER_EPOCH = 128;

    /**
     * How the learning rate follows a grown batch: multiplied by (batch / {@code batchSize})^{@value}, the square-root
     * rule for Adam, whose step size does not grow with the gradient's scale but whose gradient noise falls with the
     * square root of the batch.
     */
    public static final double LEARNING_RATE_EXPONENT = 0.5;

    public static FreedomConfig freedom() {
        return new FreedomConfig("freedom", 64, 2, 1e-3, 2048, 1e-2, 0.5, true, 10, 1e-4, false, 0.5, 0, 1000, 20, 1,
                "Recall@20", 999, Runtime.getRuntime().availableProcessors(), KernelEngine.CPU, Contrast.OFF, false,
                DEFAULT_MAX_BATCHES_PER_EPOCH);
    }

    /** FREEDOM with pruning and the item–item graph off. */
    public static FreedomConfig lightGcn() {
        return freedom().withName("lightgcn").withKeepRatio(1.0).withItemGraph(false).withModalityLossWeight(0)
                .withContrast(Contrast.OFF);
    }

    /** Matrix factorization with BPR: no propagation. */
    public static FreedomConfig bprMf() {
        return lightGcn().withName("bpr").withLayers(0);
    }

    public FreedomConfig withName(String value) {
        return new FreedomConfig(value, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withDimension(int value) {
        return new FreedomConfig(name, value, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withLayers(int value) {
        return new FreedomConfig(name, dimension, value, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withLearningRate(double value) {
        return new FreedomConfig(name, dimension, layers, value, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withBatchSize(int value) {
        return new FreedomConfig(name, dimension, layers, learningRate, value, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withL2(double value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, value, keepRatio, itemGraph,
                knnK, modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs,
                patience, evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withKeepRatio(double value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, value, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withItemGraph(boolean value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, value, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withKnnK(int value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, value,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withModalityLossWeight(double value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                value, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience, evaluateEvery,
                validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withContentEmbedding(boolean value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, value, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withHardNegativeRatio(double value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, value, dislikeEdgeWeight, maxEpochs, patience, evaluateEvery,
                validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withDislikeEdgeWeight(double value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, value, maxEpochs, patience, evaluateEvery,
                validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withMaxEpochs(int value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, value, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withPatience(int value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, value,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withEvaluateEvery(int value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                value, validationMetric, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withValidationMetric(String value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, value, seed, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withSeed(long value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, value, threads, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withThreads(int value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, value, engine, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withEngine(KernelEngine value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, value, contrast, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withContrast(Contrast value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, value, lazyAdam,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withLazyAdam(boolean value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, value,
                maxBatchesPerEpoch);
    }

    public FreedomConfig withMaxBatchesPerEpoch(int value) {
        return new FreedomConfig(name, dimension, layers, learningRate, batchSize, l2, keepRatio, itemGraph, knnK,
                modalityLossWeight, contentEmbedding, hardNegativeRatio, dislikeEdgeWeight, maxEpochs, patience,
                evaluateEvery, validationMetric, seed, threads, engine, contrast, lazyAdam, value);
    }

    /**
     * The settings an epoch over {@code trainingLikes} likes runs with: these, when {@code batchSize} gives at most
     * {@code maxBatchesPerEpoch} batches (or there is no bound); otherwise the smallest batch that gives
     * {@code maxBatchesPerEpoch} batches, with the learning rate scaled by (batch / batchSize)^{@value
     * #LEARNING_RATE_EXPONENT}. The returned settings are their own fixed point.
     */
    public FreedomConfig forTrainingLikes(long trainingLikes) {
        long batches = (trainingLikes + batchSize - 1) / batchSize;
        if (maxBatchesPerEpoch == 0 || batches <= maxBatchesPerEpoch) {
            return this;
        }
        long grown = (trainingLikes + maxBatchesPerEpoch - 1) / maxBatchesPerEpoch;
        if (grown > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(trainingLikes + " likes in " + maxBatchesPerEpoch + " batches");
        }
        double rate = learningRate * Math.pow((double) grown / batchSize, LEARNING_RATE_EXPONENT);
        return withBatchSize((int) grown).withLearningRate(rate);
    }

    /** Every setting as text, for provenance and reports. */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dimension", String.valueOf(dimension));
        p.put("layers", String.valueOf(layers));
        p.put("learningRate", String.valueOf(learningRate));
        p.put("batchSize", String.valueOf(batchSize));
        p.put("l2", String.valueOf(l2));
        p.put("keepRatio", String.valueOf(keepRatio));
        p.put("itemGraph", String.valueOf(itemGraph));
        p.put("knnK", String.valueOf(knnK));
        p.put("modalityLossWeight", String.valueOf(modalityLossWeight));
        p.put("contentEmbedding", String.valueOf(contentEmbedding));
        p.put("hardNegativeRatio", String.valueOf(hardNegativeRatio));
        p.put("dislikeEdgeWeight", String.valueOf(dislikeEdgeWeight));
        p.put("maxEpochs", String.valueOf(maxEpochs));
        p.put("patience", String.valueOf(patience));
        p.put("evaluateEvery", String.valueOf(evaluateEvery));
        p.put("validationMetric", validationMetric);
        p.put("seed", String.valueOf(seed));
        p.put("threads", String.valueOf(threads));
        p.put("engine", engine.name());
        p.put("maxBatchesPerEpoch", String.valueOf(maxBatchesPerEpoch));
        if (lazyAdam) {
            p.put("adam", "lazy");
        }
        if (contrast.enabled() || contrast.noise() > 0) {
            p.put("contrastWeight", String.valueOf(contrast.weight()));
            p.put("contrastTemperature", String.valueOf(contrast.temperature()));
            p.put("contrastNoise", String.valueOf(contrast.noise()));
            p.put("contrastLayer", String.valueOf(contrast.layer()));
        }
        return p;
    }
}
