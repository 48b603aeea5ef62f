package io.stylegraph.api.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Everything the service holds about one user ({@code GET /v1/users/{userId}/export}): the feedback log, the graph's
 * user node and its relationships (imported history included), saved looks, try-on jobs, and whether the served model
 * has a trained row for them. Photos and try-on pictures are listed with the address to fetch them from.
 */
@Serdeable
public record UserDataExport(
        String userId,
        Instant exportedAt,
        List<FeedbackEvent> feedbackEvents,
        @Nullable Map<String, Object> graphUser,
        List<GraphRelationship> graphRelationships,
        List<Look> looks,
        List<TryOn> tryOnJobs,
        ServedModel servedModel) {

    @Serdeable
    public record FeedbackEvent(long eventId, String targetType, String targetId, String signal,
                                @Nullable String clientEventId, Instant at, @Nullable Instant projectedAt) {
    }

    @Serdeable
    public record GraphRelationship(String type, String targetLabel, String targetId,
                                    Map<String, Object> properties) {
    }

    @Serdeable
    public record Look(String photoId, @Nullable String createdAt, List<String> itemIds, String imageUrl) {
    }

    @Serdeable
    public record TryOn(String jobId, String itemId, String status, @Nullable String placement,
                        Instant createdAt, @Nullable Instant finishedAt, @Nullable String imageUrl) {
    }

    /** {@code hasTrainedRow}: the served version (if any) learned a vector for this user. */
    @Serdeable
    public record ServedModel(@Nullable Long version, boolean hasTrainedRow) {
    }
}
