package io.stylegraph.api.search;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

/**
 * Shows embedding progress and index sizes as {@code search} under {@code /health}. Always UP: search answers over
 * what is indexed while embedding runs, and a failed run is retried, so it never takes the service out of rotation.
 */
@Singleton
public class SearchHealthIndicator extends AbstractHealthIndicator<EmbeddingStatus> {
    private final EmbeddingJob embeddings;

    public SearchHealthIndicator(EmbeddingJob embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    protected EmbeddingStatus getHealthInformation() {
        healthStatus = HealthStatus.UP;
        return embeddings.status();
    }

    @Override
    protected String getName() {
        return "search";
    }
}
