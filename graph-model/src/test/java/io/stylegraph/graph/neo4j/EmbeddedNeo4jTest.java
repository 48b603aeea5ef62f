package io.stylegraph.graph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
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

    @Test
    void shouldKeepABoundedTransactionLogInsteadOfNeo4jsTwoDays(@TempDir Path home) {
        try (EmbeddedNeo4j server = new EmbeddedNeo4j(home, "127.0.0.1", 0).start()) {
            Config config = ((GraphDatabaseAPI) server.database()).getDependencyResolver().resolveDependency(Config.class);
            assertEquals("2 days", GraphDatabaseSettings.keep_logical_logs.defaultValue(),
                    "Neo4j's own default, which keeps every log of two days whatever its size");
            assertEquals(EmbeddedNeo4j.DEFAULT_TX_LOG_RETENTION, config.get(GraphDatabaseSettings.keep_logical_logs));
        }
    }

    @Test
    void shouldTakeARetentionPolicyNeo4jUnderstandsAndNameTheVariableOtherwise() {
        assertEquals(EmbeddedNeo4j.DEFAULT_TX_LOG_RETENTION, EmbeddedNeo4j.transactionLogRetention(null));
        assertEquals(EmbeddedNeo4j.DEFAULT_TX_LOG_RETENTION, EmbeddedNeo4j.transactionLogRetention(" "));
        assertEquals("7 days", EmbeddedNeo4j.transactionLogRetention(" 7 days "));
        assertEquals("keep_all", EmbeddedNeo4j.transactionLogRetention("keep_all"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedNeo4j.transactionLogRetention("a lot"));
        assertTrue(e.getMessage().contains("STYLEGRAPH_NEO4J_TX_LOG_RETENTION"), e.getMessage());
    }
}
