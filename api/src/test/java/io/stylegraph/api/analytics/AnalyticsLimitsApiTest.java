package io.stylegraph.api.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** An analyst query that runs over the time limit, and analytics while the graph is down. */
@MicronautTest(transactional = false)
class AnalyticsLimitsApiTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.analytics.cypher-timeout", "300ms");
        properties.put("stylegraph.neo4j.circuit-cool-down", "200ms");
        return properties;
    }

    private HttpRequest<String> cypher(String query) {
        return HttpRequest.POST("/v1/analytics/cypher", "{\"query\": \"" + query + "\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Test
    void shouldStopAQueryThatRunsOverTheTimeLimit() {
        long started = System.nanoTime();
        Problem problem = expectProblem(cypher("UNWIND range(1, 1000000000) AS n WITH n WHERE n % 7 = 100 "
                + "RETURN count(n)"));

        assertEquals(408, problem.status());
        assertEquals("cypher-timeout", problem.code());
        assertEquals(true, (System.nanoTime() - started) / 1_000_000 < 10_000, "answered within seconds");
    }

    @Test
    void shouldAnswerServiceUnavailableWhileTheGraphIsDown() throws InterruptedException {
        TestInfrastructure.neo4j().stop();
        Problem duringOutage;
        Problem question;
        try {
            duringOutage = expectProblem(cypher("RETURN 1 AS one"));
            question = expectProblem(HttpRequest.GET("/v1/analytics/category-opinions"));
        } finally {
            TestInfrastructure.neo4j().start();
        }
        Thread.sleep(300); // the circuit's cool-down

        assertEquals(503, duringOutage.status());
        assertEquals("graph-unavailable", duringOutage.code());
        assertEquals(503, question.status());
        assertEquals("graph-unavailable", question.code());
        assertEquals(Map.of("one", 1), ((java.util.List<?>) readMap(postJson("/v1/analytics/cypher",
                "{\"query\": \"RETURN 1 AS one\"}").body()).get("rows")).get(0));
    }
}
