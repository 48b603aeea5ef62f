package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.feedback.ProjectionReconciler;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feedback accepted while Neo4j is down lives in PostgreSQL and reaches the graph once Neo4j is back. */
@MicronautTest(transactional = false)
class GraphOutageTest extends ApiTestSupport {

    @Inject
    ProjectionReconciler reconciler;

    @BeforeAll
    void catalogue() {
        resetCatalogue(3);
    }

    @Test
    void shouldKeepFeedbackDuringAnOutageAndProjectItAfterwards() {
        TestInfrastructure.neo4j().stop();
        try {
            var like = readMap(postJson("/v1/users/offline/feedback",
                    "{\"itemId\": \"top-1\", \"signal\": \"like\", \"clientEventId\": \"off-1\"}").body());
            var dislike = readMap(postJson("/v1/users/offline/feedback",
                    "{\"itemId\": \"shoes-2\", \"signal\": \"dislike\"}").body());
            postJson("/v1/users/offline/feedback", "{\"itemId\": \"dress-0\", \"signal\": \"like\"}");
            client.toBlocking().exchange(HttpRequest.DELETE("/v1/users/offline/feedback/dress-0"), String.class);

            assertEquals(false, like.get("projected"));
            assertEquals(false, dislike.get("projected"));
            List<?> opinions = (List<?>) getJson("/v1/users/offline/feedback").get("opinions");
            assertEquals(2, opinions.size());
            List<?> feed = (List<?>) getJson("/v1/users/offline/feed?limit=50").get("items");
            assertEquals(12 - 2, feed.size());
            assertEquals("DEGRADED", health("/health"), "Neo4j down is degraded service, not an outage");
            assertEquals("DEGRADED", health("/health/readiness"), "replicas must keep taking feedback");
            assertEquals(0, reconciler.reconcile());
        } finally {
            TestInfrastructure.neo4j().start();
        }

        int projected = reconciler.reconcile();

        assertEquals(3, projected);
        assertEquals(1, count("MATCH (:User {id: 'offline'})-[:LIKED]->(:Item {id: 'top-1'}) RETURN count(*)", Map.of()));
        assertEquals(1, count("MATCH (:User {id: 'offline'})-[:DISLIKED]->(:Item {id: 'shoes-2'}) RETURN count(*)", Map.of()));
        assertEquals(0, count("MATCH (:User {id: 'offline'})-[]->(:Item {id: 'dress-0'}) RETURN count(*)", Map.of()));
        assertEquals(0, reconciler.reconcile());
        assertEquals("UP", health("/health"));
    }

    /** The status of a health endpoint that must answer 200. */
    private String health(String path) {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(path), String.class);
        assertEquals(HttpStatus.OK, response.getStatus(), response.body());
        return (String) readMap(response.body()).get("status");
    }
}
