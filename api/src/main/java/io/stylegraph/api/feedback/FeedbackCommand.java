package io.stylegraph.api.feedback;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A like or dislike. Exactly one of {@code itemId} and {@code outfitId}; {@code clientEventId} makes retries safe;
 * {@code at} is when the shopper swiped (defaults to receipt time).
 */
@Serdeable
public record FeedbackCommand(
        @Nullable @Size(min = 1, max = 128) String itemId,
        @Nullable @Size(min = 1, max = 128) String outfitId,
        @NotBlank @Schema(type = "string", allowableValues = {"like", "dislike"}) @Pattern(regexp = "like|dislike", message = "must be one of: like, dislike") String signal,
        @Nullable @Size(min = 1, max = 128) String clientEventId,
        @Nullable Instant at) {
}
