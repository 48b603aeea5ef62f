package io.stylegraph.api.training;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One retraining run: queued, running, done (with the version it registered) or failed (with the reason). */
@Serdeable
@MappedEntity("training_run")
public record TrainingRun(
        @Id @GeneratedValue @Nullable Long id,
        String kind,
        String trigger,
        @Schema(type = "string", allowableValues = {"queued", "running", "done", "failed"}) String status,
        @Nullable String progress,
        @Nullable Long modelVersionId,
        @Nullable String outcome,
        @Nullable String failureReason,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    static TrainingRun queued(String kind, String trigger) {
        return new TrainingRun(null, kind, trigger, "queued", null, null, null, null, null, null, null);
    }

    TrainingRun running() {
        return new TrainingRun(id, kind, trigger, "running", progress, null, null, null, createdAt, Instant.now(), null);
    }

    TrainingRun progressed(String line) {
        return new TrainingRun(id, kind, trigger, status, line, modelVersionId, outcome, failureReason, createdAt,
                startedAt, finishedAt);
    }

    TrainingRun done(long versionId, String result) {
        return new TrainingRun(id, kind, trigger, "done", progress, versionId, result, null, createdAt, startedAt,
                Instant.now());
    }

    TrainingRun failed(String reason) {
        return new TrainingRun(id, kind, trigger, "failed", progress, modelVersionId, null, reason, createdAt, startedAt,
                Instant.now());
    }
}
