package io.stylegraph.api.infra;

import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The embedded Neo4j's database when it runs in this process, registered as a bean by {@code serve}, so that writers
 * that can go through the Java API instead of Bolt (the importer) do. Absent with an external Neo4j.
 */
public record InProcessGraph(GraphDatabaseService database) {
}
