package io.stylegraph.api.privacy;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What {@code DELETE /v1/users/{userId}} erased: feedback log rows (deleted, not pseudonymised), graph relationships
 * of the user node (the node too), saved looks (nodes and photo files), try-on jobs (with their pictures), and whether
 * the served model's trained row for the user was dropped.
 */
@Serdeable
public record UserDataErased(String userId, int feedbackEvents, long graphRelationships, boolean graphUser,
                             int looks, int tryOnJobs, boolean servedModelRow) {
}
