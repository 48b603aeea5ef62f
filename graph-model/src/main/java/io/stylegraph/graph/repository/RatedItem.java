package io.stylegraph.graph.repository;

import io.stylegraph.graph.domain.Item;

/** An item with how many users like and dislike it in the graph. */
public record RatedItem(Item item, long likes, long dislikes) {
}
