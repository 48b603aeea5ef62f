package io.stylegraph.training.outfit;

/** A shopper's preference for the item of a catalogue row, weighed against compatibility when outfits are built. */
@FunctionalInterface
public interface PreferenceScorer {
    /** The preference for the item of this row (e.g. a cosine in [-1, 1]); 0 for an item the scorer cannot place. */
    double preference(int row);
}
