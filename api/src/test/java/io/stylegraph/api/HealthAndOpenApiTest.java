package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class HealthAndOpenApiTest extends ApiTestSupport {

    @Test
    void shouldReportNeo4jAndPostgresUp() {
        Map<String, Object> health = getJson("/health");

        assertEquals("UP", health.get("status"));
        Map<?, ?> details = (Map<?, ?>) health.get("details");
        assertEquals("UP", ((Map<?, ?>) details.get("neo4j")).get("status"));
        assertTrue(details.containsKey("jdbc"), details.toString());
        assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"));
    }

    @Test
    void shouldServeTheGeneratedOpenApiDocument() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/swagger/stylegraph-v1.yml"));

        assertTrue(spec.contains("openapi: 3"), spec.substring(0, Math.min(200, spec.length())));
        assertTrue(spec.contains("/v1/users/{userId}/feedback"));
        assertTrue(spec.contains("/v1/users/{userId}/feed"));
        assertTrue(spec.contains("/v1/items/{itemId}"));
    }
}
