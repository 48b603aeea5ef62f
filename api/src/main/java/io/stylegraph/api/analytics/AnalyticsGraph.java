package io.stylegraph.api.analytics;

import io.stylegraph.api.infra.GraphConfiguration;
import io.stylegraph.graph.neo4j.GraphDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection analysts' queries run on: a separate driver logged in as the read-only user when one is configured,
 * so the server itself refuses writes, else the service's own.
 */
@Singleton
public class AnalyticsGraph implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsGraph.class);

    private final GraphDatabase graph;
    private final boolean own;

    public AnalyticsGraph(GraphDatabase serviceGraph, GraphConfiguration graphConfig, AnalyticsConfiguration config) {
        String user = config.getNeo4jUsername();
        this.own = user != null && !user.isBlank();
        this.graph = own ? GraphDatabase.connect(graphConfig.getUri(), user, config.getNeo4jPassword(),
                graphConfig.getDatabase()) : serviceGraph;
        if (own) {
            LOG.info("Analytics queries run as Neo4j user {}", user);
        } else {
            LOG.info("Analytics queries run on the service's Neo4j connection (no stylegraph.analytics.neo4j-username)");
        }
    }

    public GraphDatabase graph() {
        return graph;
    }

    /** True when the queries run as a login of their own rather than the service's. */
    public boolean ownLogin() {
        return own;
    }

    @PreDestroy
    @Override
    public void close() {
        if (own) {
            graph.close();
        }
    }
}
