package io.stylegraph.api.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TrainingApiTest extends ApiTestSupport {
    @Inject
    ServedModelHolder served;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            properties.put("stylegraph.training.artifact-dir", Files.createTempDirectory("models").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("stylegraph.training.max-epochs", "3");
        properties.put("stylegraph.training.dimension", "8");
        return properties;
    }

    /** 40 shoppers in two taste groups: even ones like tops and shoes, odd ones bottoms and dresses. */
    @BeforeAll
    void tasteGroups() {
        resetCatalogue(8);
        graph.run("""
                UNWIND range(0, 39) AS u
                MATCH (i:Item) WHERE (u % 2 = 0 AND i.slot IN ['top', 'shoes']) OR (u % 2 = 1 AND i.slot IN ['bottom', 'dress'])
                WITH u, i ORDER BY i.id
                WITH u, collect(i) AS items
                UNWIND range(0, 5) AS k
                WITH u, items[(u + k * 3) % size(items)] AS item, k
                MERGE (s:User {id: 'shopper-' + u})
                MERGE (s)-[r:LIKED]->(item)
                SET r.at = datetime('2026-01-01T00:00:00Z') + duration({hours: k})
                """, Map.of());
        // text vectors that say the slot, so the run builds an item graph and publishes it as SIMILAR edges
        graph.run("""
                MATCH (i:Item)
                SET i.text = [s IN ['top', 'bottom', 'shoes', 'dress'] | CASE WHEN i.slot = s THEN 1.0 ELSE 0.0 END]
                    + [0.01 * toInteger(split(i.id, '-')[1])]
                """, Map.of());
        catalogue.reload();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> trainAndWait() throws InterruptedException {
        HttpResponse<String> accepted = postJson("/v1/training/runs", "{}");
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        String location = accepted.getHeaders().get("Location");
        for (int attempt = 0; attempt < 600; attempt++) {
            Map<String, Object> run = getJson(location);
            if ("done".equals(run.get("status")) || "failed".equals(run.get("status"))) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("training did not finish");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> slots(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .map(r -> (String) ((Map<String, Object>) r.get("item")).get("slot")).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .map(r -> (String) ((Map<String, Object>) r.get("item")).get("id")).collect(Collectors.toSet());
    }

    @Test
    void shouldTrainRegisterPromoteServeFoldInAndRollBack() throws InterruptedException {
        Map<String, Object> popular = getJson("/v1/users/newcomer/recommendations?k=5");
        assertEquals("popular", popular.get("strategy"));

        Map<String, Object> first = trainAndWait();
        assertEquals("done", first.get("status"), first.toString());
        long firstVersion = ((Number) first.get("modelVersionId")).longValue();
        assertEquals(firstVersion, served.current().orElseThrow().version());
        assertEquals("active", getJson("/v1/models/" + firstVersion).get("status"));
        assertEquals(40, count("MATCH (u:User) WHERE u.embedding IS NOT NULL RETURN count(u)", Map.of()));
        // k = 10 with the item itself among them: 9 similar items each, the 7 others of its slot first
        assertEquals(32 * 9, count("MATCH (:Item)-[s:SIMILAR {version: $v}]->(:Item) RETURN count(s)",
                Map.of("v", firstVersion)));
        assertEquals(32 * 7, count("MATCH (a:Item)-[s:SIMILAR]->(b:Item) WHERE a.slot = b.slot RETURN count(s)",
                Map.of()));

        Map<String, Object> forShopper = getJson("/v1/users/shopper-0/recommendations?k=8");
        assertEquals("model", forShopper.get("strategy"));
        Set<String> liked = Set.copyOf(graph.read(tx -> tx.run(
                "MATCH (:User {id: 'shopper-0'})-[:LIKED]->(i) RETURN i.id AS id").list(r -> r.get("id").asString())));
        assertTrue(ids(forShopper).stream().noneMatch(liked::contains), "rated items are not recommended");
        assertEquals(Set.of("shoes"), slots(getJson("/v1/users/shopper-0/recommendations?k=3&slot=shoes")));

        postJson("/v1/users/newcomer/feedback", "{\"itemId\": \"bottom-1\", \"signal\": \"like\"}");
        Map<String, Object> foldedIn = getJson("/v1/users/newcomer/recommendations?k=5");
        assertEquals("fold-in", foldedIn.get("strategy"));
        assertFalse(ids(foldedIn).contains("bottom-1"));

        Map<String, Object> second = trainAndWait();
        assertEquals("done", second.get("status"), second.toString());
        long secondVersion = ((Number) second.get("modelVersionId")).longValue();
        assertNotEquals(firstVersion, secondVersion);
        String secondStatus = (String) getJson("/v1/models/" + secondVersion).get("status");
        assertTrue(Set.of("active", "rejected").contains(secondStatus), secondStatus);

        long rollBackTo = "active".equals(secondStatus) ? firstVersion : secondVersion;
        postJson("/v1/models/" + rollBackTo + "/promote", "{\"reason\": \"test rollback\"}");
        assertEquals(rollBackTo, served.current().orElseThrow().version(), "hot-swapped without restart");
    }

    @Test
    void shouldRefuseABadFilterWithAProblem() {
        var problem = expectProblem(HttpRequest.GET("/v1/users/ann/recommendations?slot=hat"));
        assertEquals(400, problem.status());
        assertEquals("slot", problem.field());
        var tooMany = expectProblem(HttpRequest.GET("/v1/users/ann/recommendations?k=5000"));
        assertEquals(400, tooMany.status());
    }
}
