package io.stylegraph.graph.analytics;

/** Two items and the number of users who liked both. */
public record CoLikedPair(ItemSummary first, ItemSummary second, long users) {
}
