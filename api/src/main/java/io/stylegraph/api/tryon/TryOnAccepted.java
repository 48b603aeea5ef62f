package io.stylegraph.api.tryon;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a submission: poll {@code status} at the Location header. */
@Serdeable
public record TryOnAccepted(String jobId,
        @Schema(type = "string", allowableValues = {"queued", "running", "done", "failed",
                "cancelled"}) String status) {
}
