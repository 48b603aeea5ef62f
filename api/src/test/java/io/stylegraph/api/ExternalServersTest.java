package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production shape: the service pointed at a Neo4j server and a PostgreSQL server (as NEO4J_URI / JDBC_URL do)
 * instead of the embedded ones. Needs a Docker engine; skipped without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalServersTest {
    @Container
    static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>("neo4j:5.26-community").withAdminPassword("stylegraph-test");

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:16-alpine");

    @Test
    void shouldServeFeedbackAgainstExternalNeo4jAndPostgres() {
        Map<String, Object> properties = Map.of(
                "stylegraph.neo4j.uri", NEO4J.getBoltUrl(),
                "stylegraph.neo4j.username", "neo4j",
                "stylegraph.neo4j.password", NEO4J.getAdminPassword(),
                "datasources.default.url", POSTGRES.getJdbcUrl(),
                "datasources.default.username", POSTGRES.getUsername(),
                "datasources.default.password", POSTGRES.getPassword(),
                "micronaut.server.port", -1);
        try (GraphDatabase graph = GraphDatabase.connect(NEO4J.getBoltUrl(), "neo4j", NEO4J.getAdminPassword(), "neo4j")) {
            graph.runAutoCommit("CREATE (:Item {id: 'ext-1', title: 'Denim jacket', slot: 'outerwear'})", Map.of());
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient client = HttpClient.create(server.getURL())) {
            server.getApplicationContext().getBean(io.stylegraph.api.catalogue.CatalogueCache.class).reload();
            HttpResponse<String> accepted = client.toBlocking().exchange(HttpRequest.POST("/v1/users/ext-user/feedback",
                    "{\"itemId\": \"ext-1\", \"signal\": \"like\", \"clientEventId\": \"ext-e1\"}")
                    .contentType(MediaType.APPLICATION_JSON), String.class);
            assertEquals(202, accepted.code());
        }
        try (GraphDatabase graph = GraphDatabase.connect(NEO4J.getBoltUrl(), "neo4j", NEO4J.getAdminPassword(), "neo4j")) {
            long edges = graph.read(tx -> tx.run(
                    "MATCH (:User {id: 'ext-user'})-[:LIKED]->(:Item {id: 'ext-1'}) RETURN count(*)").single().get(0).asLong());
            assertEquals(1, edges);
        }
    }
}
