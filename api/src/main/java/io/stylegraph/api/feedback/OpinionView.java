package io.stylegraph.api.feedback;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One current like or dislike of a user. */
@Serdeable
public record OpinionView(@Schema(type = "string", allowableValues = {"item", "outfit"}) String targetType,
        String targetId, @Schema(type = "string", allowableValues = {"like", "dislike"}) String signal, Instant at,
        long eventId) {
    static OpinionView of(StoredEvent event) {
        return new OpinionView(event.targetType(), event.targetId(), event.signal(), event.occurredAt(), event.id());
    }
}
