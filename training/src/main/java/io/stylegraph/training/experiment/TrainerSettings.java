package io.stylegraph.training.experiment;

import io.stylegraph.training.kernel.KernelEngine;

/**
 * What an experiment changes in the settings of the models it trains; each null leaves the model's own default
 * ({@link io.stylegraph.training.model.FreedomConfig}), and a setting a model does not have is ignored by it.
 *
 * @param epochs             most training epochs
 * @param patience           validation passes without improvement before stopping
 * @param threads            training threads (null: all cores)
 * @param keepRatio          FREEDOM's share of like edges kept each epoch
 * @param layers             user–item propagation layers of the propagating models
 * @param hardNegativeRatio  share of negatives drawn from the user's dislikes
 * @param dislikeEdgeWeight  weight of dislikes as negative edges in the {@code -signed} models (null: 0.5)
 * @param knnK               neighbours per item of FREEDOM's item–item graph
 * @param contentKnnK        neighbours per item of the content-knn baseline
 * @param modalityLossWeight weight of FREEDOM's modality-projection terms
 * @param contentEmbedding   FREEDOM: a trained projection of each item's content added to its ID embedding
 * @param contrast           contrastive terms of freedom and freedom-id
 * @param itemWalkK          neighbours per item of the item-walk
 * @param itemWalkBeta       the item-walk's popularity exponent
 * @param maxBatchesPerEpoch the graph models' most batches an epoch, the batch growing above it (0: no bound)
 */
public record TrainerSettings(Integer epochs, Integer patience, long seed, KernelEngine engine, Integer threads,
                              Double learningRate, Double l2, Integer evaluateEvery, Double keepRatio, Integer layers,
                              Integer dimension, Double hardNegativeRatio, Double dislikeEdgeWeight, Integer knnK,
                              int contentKnnK, Double modalityLossWeight, boolean contentEmbedding,
                              ContrastSettings contrast, int itemWalkK, double itemWalkBeta,
                              Integer maxBatchesPerEpoch) {

    public TrainerSettings {
        if (engine == null || contrast == null) {
            throw new IllegalArgumentException("engine and contrast settings are required");
        }
    }

    /** Changes to the contrastive terms; each null leaves the default. */
    public record ContrastSettings(Double weight, Double temperature, Double noise, Integer layer) {
        public static final ContrastSettings DEFAULTS = new ContrastSettings(null, null, null, null);
    }

    /** Every model's defaults, with the given seed. */
    public static TrainerSettings defaults(long seed) {
        return new TrainerSettings(null, null, seed, KernelEngine.CPU, null, null, null, null, null, null, null, null,
                null, null, 50, null, false, ContrastSettings.DEFAULTS, 200, 0, null);
    }
}
