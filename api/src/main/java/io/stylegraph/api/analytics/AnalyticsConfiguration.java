package io.stylegraph.api.analytics;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code stylegraph.analytics.*}: limits of the analysts' queries, and optionally a read-only Neo4j login for them
 * ({@code neo4j-username}, {@code neo4j-password}; the embedded setup sets its {@code analyst} user). Without one the
 * analytics endpoints use the service's own connection, and only the plan check keeps writes out.
 */
@ConfigurationProperties("stylegraph.analytics")
public class AnalyticsConfiguration {
    private Duration cypherTimeout = Duration.ofSeconds(10);
    private int maxRows = 1000;
    @Nullable
    private String neo4jUsername;
    @Nullable
    private String neo4jPassword;

    /** How long one analyst query (cypher endpoint or a GET question) may run. */
    public Duration getCypherTimeout() {
        return cypherTimeout;
    }

    public void setCypherTimeout(Duration cypherTimeout) {
        this.cypherTimeout = cypherTimeout;
    }

    /** The most rows the cypher endpoint returns; more are cut and the answer says {@code truncated}. */
    public int getMaxRows() {
        return maxRows;
    }

    public void setMaxRows(int maxRows) {
        this.maxRows = maxRows;
    }

    @Nullable
    public String getNeo4jUsername() {
        return neo4jUsername;
    }

    public void setNeo4jUsername(@Nullable String neo4jUsername) {
        this.neo4jUsername = neo4jUsername;
    }

    @Nullable
    public String getNeo4jPassword() {
        return neo4jPassword;
    }

    public void setNeo4jPassword(@Nullable String neo4jPassword) {
        this.neo4jPassword = neo4jPassword;
    }
}
