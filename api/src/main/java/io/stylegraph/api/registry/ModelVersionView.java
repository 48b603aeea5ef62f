package io.stylegraph.api.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A model version as the API shows it, with its JSON documents as objects. */
@Serdeable
public record ModelVersionView(
        long id,
        String kind,
        String status,
        String artifactPath,
        Map<String, Object> parameters,
        Map<String, Object> dataSnapshot,
        @Schema(name = "metrics", implementation = ModelMetrics.class, requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Object> metrics,
        @Nullable Double validRecall20,
        @Nullable Double testRecall20,
        long seed,
        @Nullable String gitRevision,
        @Nullable String note,
        @Nullable Instant createdAt,
        @Nullable Instant promotedAt,
        @Nullable Instant retiredAt) {

    static ModelVersionView of(ModelVersion version, JsonMapper json) {
        return new ModelVersionView(version.id(), version.kind(), version.status(), version.artifactPath(),
                parse(version.parameters(), json), parse(version.dataSnapshot(), json), parse(version.metrics(), json),
                version.validRecall20(), version.testRecall20(), version.seed(), version.gitRevision(), version.note(),
                version.createdAt(), version.promotedAt(), version.retiredAt());
    }

    private static Map<String, Object> parse(String document, JsonMapper json) {
        try {
            return json.readValue(document, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("stored model document is not JSON", e);
        }
    }
}
