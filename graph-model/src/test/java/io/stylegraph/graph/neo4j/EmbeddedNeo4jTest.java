package io.stylegraph.graph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNeo4jTest {

    @Test
    void shouldKeepDataAndPortAcrossARestart(@TempDir Path home) {
        try (EmbeddedNeo4j server = new EmbeddedNeo4j(home, "127.0.0.1", 0).start()) {
            String uri = server.boltUri();
            try (GraphDatabase graph = GraphDatabase.connect(uri, null, null, "neo4j")) {
                graph.run("CREATE (:Item {id: 'kept'})", Map.of());
            }
            server.stop();
            assertFalse(server.isRunning());

            server.start();
            assertEquals(uri, server.boltUri());
            try (GraphDatabase graph = GraphDatabase.connect(uri, null, null, "neo4j")) {
                assertTrue(graph.isAvailable());
                long kept = graph.read(tx -> tx.run("MATCH (i:Item {id: 'kept'}) RETURN count(i)")
                        .single().get(0).asLong());
                assertEquals(1L, kept);
            }
        }
    }
}
