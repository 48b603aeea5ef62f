package io.stylegraph.api.feedback;

import io.micronaut.serde.annotation.Serdeable;

/** Answer to an accepted feedback event. {@code projected} tells whether the graph already shows it. */
@Serdeable
public record FeedbackAccepted(long eventId, String targetType, String targetId, String signal, boolean duplicate,
                               boolean projected) {
}
