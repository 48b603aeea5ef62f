package io.stylegraph.training.index;

/** A search result: an item and its cosine similarity to the query. */
public record ScoredItem(String itemId, float score) {
}
