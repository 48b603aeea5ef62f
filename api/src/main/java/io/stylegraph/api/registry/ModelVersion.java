package io.stylegraph.api.registry;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A trained model as registered: where its artifact is, what it was trained on and with, how it scored, and whether
 * it is served. {@code parameters}, {@code dataSnapshot} and {@code metrics} are JSON documents.
 */
@MappedEntity("model_version")
public record ModelVersion(
        @Id @GeneratedValue @Nullable Long id,
        String kind,
        String status,
        String artifactPath,
        String parameters,
        String dataSnapshot,
        String metrics,
        @Nullable Double validRecall20,
        @Nullable Double testRecall20,
        long seed,
        @Nullable String gitRevision,
        @Nullable String note,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant promotedAt,
        @Nullable Instant retiredAt) {

    public static final String CANDIDATE = "candidate";
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
    public static final String REJECTED = "rejected";

    public static ModelVersion candidate(String kind, String artifactPath, String parameters, String dataSnapshot,
                                         String metrics, Double validRecall20, Double testRecall20, long seed,
                                         String gitRevision) {
        return new ModelVersion(null, kind, CANDIDATE, artifactPath, parameters, dataSnapshot, metrics, validRecall20,
                testRecall20, seed, gitRevision, null, null, null, null);
    }

    ModelVersion withStatus(String newStatus, String why, Instant at) {
        return new ModelVersion(id, kind, newStatus, artifactPath, parameters, dataSnapshot, metrics, validRecall20,
                testRecall20, seed, gitRevision, why, createdAt,
                ACTIVE.equals(newStatus) ? at : promotedAt,
                RETIRED.equals(newStatus) ? at : retiredAt);
    }
}
