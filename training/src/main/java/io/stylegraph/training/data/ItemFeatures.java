package io.stylegraph.training.data;

import java.util.List;

/**
 * Content vectors of the items, one matrix per modality (for example "visual", "text"); a null row means the item
 * has no vector in that modality. Modality weights mix the per-modality item–item graphs.
 */
public record ItemFeatures(int numItems, List<Modality> modalities) {

    public record Modality(String name, float[][] vectors, double weight) {
        public Modality {
            if (weight <= 0) {
                throw new IllegalArgumentException("modality weight must be positive");
            }
        }

        public int dimension() {
            for (float[] v : vectors) {
                if (v != null) {
                    return v.length;
                }
            }
            return 0;
        }
    }

    public ItemFeatures {
        modalities = List.copyOf(modalities);
        for (Modality m : modalities) {
            if (m.vectors().length != numItems) {
                throw new IllegalArgumentException("modality " + m.name() + " has " + m.vectors().length
                        + " rows for " + numItems + " items");
            }
        }
    }

    public static ItemFeatures none(int numItems) {
        return new ItemFeatures(numItems, List.of());
    }

    public boolean isEmpty() {
        return modalities.isEmpty();
    }

    /** Whether item i has a vector in at least one modality. */
    public boolean has(int item) {
        for (Modality m : modalities) {
            if (m.vectors()[item] != null) {
                return true;
            }
        }
        return false;
    }
}
