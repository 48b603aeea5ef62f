package io.stylegraph.training.outfit;

import java.util.Map;

/**
 * Extra content vectors a caller supplies per item, beside the text vector of its name: visual vectors of the
 * product photo, trained recommender embeddings, anything of a fixed dimension. Items without a vector simply lack
 * the feature; the model adds nothing for it.
 */
public interface ExtraVectors {

    /** The feature name the vectors are stored under, e.g. {@code visual} or {@code embedding}. */
    String feature();

    int dimension();

    /** The item's vector, or null when it has none. */
    float[] vectorOf(String itemId);

    static ExtraVectors of(String feature, int dimension, Map<String, float[]> vectors) {
        Map<String, float[]> copy = Map.copyOf(vectors);
        return new ExtraVectors() {
            @Override
            public String feature() {
                return feature;
            }

            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public float[] vectorOf(String itemId) {
                return copy.get(itemId);
            }
        };
    }
}
