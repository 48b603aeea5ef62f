package io.stylegraph.api.search.index;

/** A search result: an item and its cosine similarity to the query. */
public record ScoredItem(String itemId, float score) {
}
