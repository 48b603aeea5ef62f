package io.stylegraph.api.feedback;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Answer to an accepted feedback event. {@code projected} tells whether the graph already shows it. */
@Serdeable
public record FeedbackAccepted(long eventId, @Schema(type = "string", allowableValues = {"item", "outfit"}) String targetType,
                               String targetId,
                               @Schema(type = "string", allowableValues = {"like", "dislike", "undo"}) String signal, boolean duplicate,
                               boolean projected) {
}
