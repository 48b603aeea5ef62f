package io.stylegraph.graph.analytics;

/**
 * Users' likes and dislikes of a category's items. {@code likeShare} is likes / (likes + dislikes), null when the
 * category's items have no opinion yet.
 */
public record CategoryOpinions(String category, String slot, long items, long likes, long dislikes,
                               Double likeShare) {
}
