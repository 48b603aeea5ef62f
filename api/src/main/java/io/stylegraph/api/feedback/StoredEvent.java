package io.stylegraph.api.feedback;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;

/** One row of the feedback log. {@code signal} is like, dislike or undo. */
public record StoredEvent(
        long id,
        String userId,
        String targetType,
        String targetId,
        String signal,
        @Nullable String clientEventId,
        Instant occurredAt,
        @Nullable Instant projectedAt) {
}
