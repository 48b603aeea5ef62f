package io.stylegraph.api.tryon;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A try-on job as clients see it. {@code error}/{@code errorCode} say why the last attempt failed (also while a retry
 * is queued); {@code attemptErrors} lists every failed attempt; {@code image} is set once the job is done.
 */
@Serdeable
public record TryOnJobView(String jobId,
                           @Schema(type = "string", allowableValues = {"queued", "running", "done", "failed", "cancelled"})
                           String status, String itemId, String userId, String engine,
                           @Schema(type = "string", allowableValues = {"box", "keypoints", "body-proportions"})
                           String placement,
                           int attempts, @Nullable String errorCode, @Nullable String error, List<String> attemptErrors,
                           Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, Timings timings,
                           @Nullable String image) {

    /** Milliseconds from submission to the first start, of the successful render, and from submission to the end. */
    @Serdeable
    public record Timings(@Nullable Long queuedMs, @Nullable Long renderMs, @Nullable Long totalMs) {
    }

    static TryOnJobView of(TryOnJob job) {
        Long queued = job.startedAt() == null ? null : Duration.between(job.createdAt(), job.startedAt()).toMillis();
        Long total = job.finishedAt() == null ? null : Duration.between(job.createdAt(), job.finishedAt()).toMillis();
        List<String> attemptErrors = job.attemptLog() == null ? List.of()
                : Arrays.stream(job.attemptLog().split("\n")).filter(line -> !line.isBlank()).toList();
        return new TryOnJobView(job.id(), job.status(), job.itemId(), job.userId(), job.engine(),
                PlacementJson.describe(job.placement()), job.attempts(), job.errorCode(), job.error(), attemptErrors,
                job.createdAt(), job.startedAt(), job.finishedAt(), new Timings(queued, job.renderMs(), total),
                TryOnJob.DONE.equals(job.status()) ? "/v1/tryon/" + job.id() + "/image" : null);
    }
}
