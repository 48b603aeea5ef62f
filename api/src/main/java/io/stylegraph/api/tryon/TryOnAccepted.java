package io.stylegraph.api.tryon;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a submission: poll {@code status} at the Location header. */
@Serdeable
public record TryOnAccepted(String jobId, String status) {
}
