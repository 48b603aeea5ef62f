package io.stylegraph.api.infra;

import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.stylegraph.graph.neo4j.GraphDatabase;
import jakarta.inject.Singleton;

/** Reports whether the style graph answers; shown as {@code neo4j} under {@code /health}. */
@Singleton
@Readiness
public class GraphHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final GraphDatabase graph;
    private final GraphConfiguration config;

    public GraphHealthIndicator(GraphDatabase graph, GraphConfiguration config) {
        this.graph = graph;
        this.config = config;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean up = graph.isAvailable();
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("uri", config.getUri(), "available", up);
    }

    @Override
    protected String getName() {
        return "neo4j";
    }
}
