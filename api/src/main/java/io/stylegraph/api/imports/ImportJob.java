package io.stylegraph.api.imports;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A catalogue import and its outcome; status is queued, running, done or failed. */
@Serdeable
@MappedEntity("import_job")
public record ImportJob(
        @Id @GeneratedValue @Nullable Long id,
        String source,
        String path,
        @Schema(type = "string", allowableValues = {"queued", "running", "done", "failed"}) String status,
        long items,
        long outfits,
        long users,
        long interactions,
        long rejected,
        @Nullable String errors,
        @Nullable String message,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    static ImportJob queued(String source, String path) {
        return new ImportJob(null, source, path, "queued", 0, 0, 0, 0, 0, null, null, null, null, null);
    }

    ImportJob running() {
        return new ImportJob(id, source, path, "running", 0, 0, 0, 0, 0, null, null, createdAt, Instant.now(), null);
    }

    ImportJob done(io.stylegraph.graph.imports.ImportReport report, String errorsText) {
        return new ImportJob(id, source, path, "done", report.items(), report.outfits(), report.users(),
                report.interactions(), report.rejected(), errorsText, report.summary(), createdAt, startedAt,
                Instant.now());
    }

    ImportJob failed(String reason) {
        return new ImportJob(id, source, path, "failed", items, outfits, users, interactions, rejected, errors, reason,
                createdAt, startedAt, Instant.now());
    }
}
