package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.ServedModelHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TrainingApiTest extends TrainingTestSupport {
    @Inject
    ServedModelHolder served;

    /** 40 shoppers in two taste groups: even ones like tops and shoes, odd ones bottoms and dresses. */
    @BeforeAll
    void tasteGroups() {
        resetCatalogue(8);
        likeInTwoTasteGroups();
        giveItemsSlotTextVectors();
        catalogue.reload();
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
        // k = 10 with the item itself among them: 9 similar items each in the text modality, the 7 others of its slot
        // first; the category modality (the items' category, gender and colour terms) adds neighbours of its own
        long similar = count("MATCH (:Item)-[s:SIMILAR {version: $v}]->(:Item) RETURN count(s)",
                Map.of("v", firstVersion));
        assertTrue(similar >= 32 * 9 && similar <= 32 * 18, "SIMILAR edges: " + similar);
        assertEquals(32 * 9, count("MATCH (:Item)-[s:SIMILAR {version: $v}]->(:Item) WHERE s.text IS NOT NULL "
                + "RETURN count(s)", Map.of("v", firstVersion)));
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
        assertEquals(similar, count("MATCH (:Item)-[s:SIMILAR]->(:Item) RETURN count(s)", Map.of()));
        assertEquals(similar, count("MATCH (:Item)-[s:SIMILAR {version: $v}]->(:Item) RETURN count(s)",
                Map.of("v", firstVersion)), "the second run's item graph is the first's (same items and vectors): "
                + "its edges are kept, not rewritten");

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
