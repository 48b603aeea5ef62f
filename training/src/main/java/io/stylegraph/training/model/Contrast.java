package io.stylegraph.training.model;

/**
 * Contrastive regularization of the graph embeddings in the manner of XSimGCL (Yu et al., 2023): during training
 * each propagation layer gets sign-aligned uniform noise of length {@code noise}, and an InfoNCE term pulls every batch
 * user's (and liked item's) final embedding towards its own layer-{@code layer} embedding and away from the other
 * batch rows', which spreads embeddings evenly instead of letting them crowd around popular items. It costs B×B
 * scores per side and batch (B at most {@link #MAX_ROWS}) and no extra propagation; inference is unchanged.
 *
 * @param weight      weight λ of the InfoNCE terms; 0 turns them off
 * @param temperature softmax temperature τ
 * @param noise       length ε of the noise added to each layer in training; 0 adds none
 * @param layer       the propagated layer (1-based) whose embeddings are the second view
 */
public record Contrast(double weight, double temperature, double noise, int layer) {

    /**
     * Rows compared per side and batch: a seeded sample of the batch's distinct users (and liked items) above this.
     * The cost grows with its square; 512 keeps the terms to a few seconds an epoch on 2 cores.
     */
    public static final int MAX_ROWS = 512;

    public static final Contrast OFF = new Contrast(0, 0.2, 0, 1);

    public Contrast {
        if (weight < 0 || temperature <= 0 || noise < 0 || layer < 1) {
            throw new IllegalArgumentException("invalid contrast settings " + this);
        }
    }

    public boolean enabled() {
        return weight > 0;
    }

    public Contrast withWeight(double value) {
        return new Contrast(value, temperature, noise, layer);
    }

    public Contrast withTemperature(double value) {
        return new Contrast(weight, value, noise, layer);
    }

    public Contrast withNoise(double value) {
        return new Contrast(weight, temperature, value, layer);
    }

    public Contrast withLayer(int value) {
        return new Contrast(weight, temperature, noise, value);
    }
}
