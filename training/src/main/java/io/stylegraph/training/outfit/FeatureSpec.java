package io.stylegraph.training.outfit;

/** A content feature the model reads: its name in {@link ItemVectors#features()} and its dimension. */
public record FeatureSpec(String name, int dimension) {
    public FeatureSpec {
        if (dimension < 1) {
            throw new IllegalArgumentException("feature " + name + " needs a positive dimension");
        }
    }
}
