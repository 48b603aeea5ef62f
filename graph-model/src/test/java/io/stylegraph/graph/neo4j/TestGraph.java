package io.stylegraph.graph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One embedded Neo4j for the whole test JVM (starting one takes seconds), emptied by {@link #clear()} between tests.
 */
public final class TestGraph {
    private static EmbeddedNeo4j server;
    private static GraphDatabase graph;

    private TestGraph() {
    }

    public static synchronized GraphDatabase graph() {
        if (graph == null) {
            try {
                Path home = Files.createTempDirectory("stylegraph-test-neo4j");
                server = new EmbeddedNeo4j(home, "127.0.0.1", 0).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            graph = GraphDatabase.connect(server.boltUri(), null, null, "neo4j");
            GraphSchema.apply(graph);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                graph.close();
                server.stop();
            }));
        }
        return graph;
    }

    public static EmbeddedNeo4j server() {
        graph();
        return server;
    }

    public static void clear() {
        graph().runAutoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", Map.of());
    }

    public static long count(String cypher) {
        return graph().read(tx -> tx.run(cypher).single().get(0).asLong());
    }
}
