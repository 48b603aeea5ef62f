package io.stylegraph.training.data;

/** One user–item signal with its time (epoch millis, or any value that orders a user's signals). */
public record TimedInteraction(String userId, String itemId, long time) {
}
