package io.stylegraph.graph.analytics;

/**
 * How two categories go together (names in alphabetical order; a category with itself for two items of one
 * category). From stored outfits: {@code itemPairs} pairs of their items in one outfit, in {@code outfits} distinct
 * outfits. From the learned compatibility model: {@code learnedPairs} {@code PAIRS_WITH} edges between their items and
 * {@code meanScore}, the mean of those edges' scores (null when there are none).
 */
public record CategoryPair(String first, String second, long itemPairs, long outfits, long learnedPairs,
                           Double meanScore) {
}
