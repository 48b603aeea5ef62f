package io.stylegraph.api.feedback;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;

/** One current like or dislike of a user. */
@Serdeable
public record OpinionView(String targetType, String targetId, String signal, Instant at, long eventId) {
    static OpinionView of(StoredEvent event) {
        return new OpinionView(event.targetType(), event.targetId(), event.signal(), event.occurredAt(), event.id());
    }
}
