package io.stylegraph.api.infra;

import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.stylegraph.graph.neo4j.GraphDatabase;
import jakarta.inject.Singleton;

/**
 * Reports whether the style graph answers; shown as {@code neo4j} under {@code /health}. An unreachable graph is
 * {@code DEGRADED}, not {@code DOWN}: the service still accepts feedback into PostgreSQL (projected once Neo4j answers)
 * and serves the feed, so a load balancer must keep sending it traffic. {@code /health} and {@code /health/readiness}
 * answer 200 with status {@code DEGRADED} meanwhile; PostgreSQL being down is what makes them 503.
 */
@Singleton
@Readiness
public class GraphHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    /** Ranks above UP and below DOWN when statuses are aggregated (no operational flag: see HealthStatus#compareTo). */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "the style graph is unreachable; feedback is kept in PostgreSQL and projected later", null, 500);

    private final GraphDatabase graph;
    private final GraphConfiguration config;

    public GraphHealthIndicator(GraphDatabase graph, GraphConfiguration config) {
        this.graph = graph;
        this.config = config;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean up = graph.isAvailable();
        healthStatus = up ? HealthStatus.UP : DEGRADED;
        return Map.of("uri", config.getUri(), "available", up);
    }

    @Override
    protected String getName() {
        return "neo4j";
    }
}
