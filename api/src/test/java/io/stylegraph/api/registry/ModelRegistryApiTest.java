package io.stylegraph.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ModelRegistryApiTest extends ApiTestSupport {
    @Inject
    ModelRegistry registry;

    private ModelVersion candidate(String kind, double validRecall) {
        return registry.register(ModelVersion.candidate(kind, "/models/" + kind + "/" + validRecall,
                "{\"dim\": 64}", "{\"users\": 10, \"items\": 20}", "{\"valid\": {\"recall@20\": " + validRecall + "}}",
                validRecall, validRecall * 0.9, 42, "abc1234"));
    }

    @Test
    void shouldGateCandidatesAndKeepExactlyOneActiveVersion() {
        List<Long> activated = new ArrayList<>();
        registry.onActivation(version -> activated.add(version.id()));

        ModelVersion first = registry.decide(candidate("gate-test", 0.050));
        assertEquals(ModelVersion.ACTIVE, first.status());
        ModelVersion worse = registry.decide(candidate("gate-test", 0.040));
        assertEquals(ModelVersion.REJECTED, worse.status());
        assertTrue(worse.note().contains("below"), worse.note());
        ModelVersion better = registry.decide(candidate("gate-test", 0.055));
        assertEquals(ModelVersion.ACTIVE, better.status());

        assertEquals(ModelVersion.RETIRED, registry.find(first.id()).orElseThrow().status());
        assertEquals(better.id(), registry.active("gate-test").orElseThrow().id());
        assertEquals(List.of(first.id(), better.id()), activated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListPromoteAndRollBackThroughTheApi() throws java.io.IOException {
        ModelVersion first = registry.decide(candidate("api-test", 0.050));
        ModelVersion second = registry.decide(candidate("api-test", 0.060));

        List<Map<String, Object>> listed = json.readValue(client.toBlocking().retrieve(
                HttpRequest.GET("/v1/models?kind=api-test")), io.micronaut.core.type.Argument.listOf(
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        assertEquals(2, listed.size());
        assertEquals(second.id().intValue(), ((Number) listed.get(0).get("id")).intValue());
        assertEquals(64, ((Number) ((Map<String, Object>) listed.get(0).get("parameters")).get("dim")).intValue());

        Map<String, Object> rolledBack = readMap(postJson("/v1/models/" + first.id() + "/promote",
                "{\"reason\": \"second version recommends out-of-stock items\"}").body());
        assertEquals("active", rolledBack.get("status"));
        assertEquals("second version recommends out-of-stock items", rolledBack.get("note"));
        assertEquals("retired", getJson("/v1/models/" + second.id()).get("status"));

        var again = expectProblem(HttpRequest.POST("/v1/models/" + first.id() + "/promote", "{}"));
        assertEquals(409, again.status());
        assertEquals("already-active", again.body().get("code"));
        var unknown = expectProblem(HttpRequest.GET("/v1/models/999999"));
        assertEquals(404, unknown.status());
        assertEquals("unknown-model", unknown.body().get("code"));
    }
}
