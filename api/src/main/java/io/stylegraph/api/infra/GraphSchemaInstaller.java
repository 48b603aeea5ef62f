package io.stylegraph.api.infra;

import java.util.concurrent.atomic.AtomicBoolean;

import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the graph schema once; while the graph is unreachable, each call tries again. */
@Singleton
public class GraphSchemaInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(GraphSchemaInstaller.class);
    private final GraphDatabase graph;
    private final AtomicBoolean installed = new AtomicBoolean();

    public GraphSchemaInstaller(GraphDatabase graph) {
        this.graph = graph;
    }

    /** Returns true once the schema is in place. Cheap after the first success. */
    public boolean ensureInstalled() {
        if (installed.get()) {
            return true;
        }
        try {
            GraphSchema.apply(graph);
            installed.set(true);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Graph schema not applied yet (graph unavailable: {}); will retry", e.getMessage());
            return false;
        }
    }
}
