package io.stylegraph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.stylegraph.api.infra.EmbeddedInfrastructure;
import io.stylegraph.graph.neo4j.EmbeddedNeo4j;

/** One embedded Neo4j and one embedded PostgreSQL per test JVM, shared by every application context the tests start. */
public final class TestInfrastructure {
    private static EmbeddedInfrastructure infrastructure;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedInfrastructure get() {
        if (infrastructure == null) {
            try {
                infrastructure = new EmbeddedInfrastructure(Files.createTempDirectory("stylegraph-api-test"))
                        .startNeo4j("127.0.0.1", 0)
                        .startPostgres();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close));
        }
        return infrastructure;
    }

    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        get().properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    public static EmbeddedNeo4j neo4j() {
        return get().neo4j();
    }
}
