package io.stylegraph.api.tryon;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to deleting a user's try-on data. */
@Serdeable
public record TryOnDeleted(String userId, int deletedJobs) {
}
