package io.stylegraph.api.tryon;

import java.time.Instant;

/** A row of {@code tryon_job}: one try-on and where it stands. */
public record TryOnJob(
        String id,
        String userId,
        String itemId,
        String garmentImage,
        String garmentKind,
        String placement,
        String engine,
        String status,
        int attempts,
        String attemptLog,
        String errorCode,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Long renderMs) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }
}
