package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.ServedModelHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.search.SearchIndexes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fresh catalogue as a shop starts it: content vectors, no history, no model. The first like personalizes the list
 * through the content path; enough feedback later, the automatic trigger trains, the gate promotes, and the same
 * shopper's list comes from the model.
 */
@MicronautTest(transactional = false)
class AutomaticRetrainingApiTest extends TrainingTestSupport {
    @Inject
    SearchIndexes indexes;

    @Inject
    AutomaticRetraining automatic;

    @Inject
    ServedModelHolder served;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.training.auto.enabled", "true");
        properties.put("stylegraph.training.auto.min-new-feedback", "100");
        properties.put("stylegraph.training.auto.min-interval", "0s");
        properties.put("stylegraph.training.auto.check-interval", "1h"); // the test calls check() itself
        return properties;
    }

    @BeforeAll
    void freshCatalogueWithContent() {
        retireActiveRecommender();
        served.followRegistry(); // a model another test class left active was loaded at start-up
        resetCatalogue(8);
        indexSlotTextVectors(indexes, "auto-test-model", 8);
    }

    @AfterAll
    void retireTheModel() {
        retireActiveRecommender();
    }

    private void like(String userId, String itemId) {
        postJson("/v1/users/" + userId + "/feedback", "{\"itemId\": \"" + itemId + "\", \"signal\": \"like\"}");
    }

    @Test
    void shouldPersonalizeFromTheFirstLikeThenSwitchToTheModelAutomaticRetrainingPromoted() throws Exception {
        assertTrue(served.current().isEmpty());
        like("newcomer", "shoes-2");
        Map<String, Object> first = getJson("/v1/users/newcomer/recommendations?k=5");
        assertEquals("content", first.get("strategy"), first.toString());

        // 40 shoppers in two taste groups send 6 likes each through the API: 240 new likes
        for (int u = 0; u < 40; u++) {
            List<String> group = u % 2 == 0 ? List.of("top", "shoes") : List.of("bottom", "dress");
            for (int k = 0; k < 6; k++) {
                like("auto-shopper-" + u, group.get(k % 2) + "-" + ((u / 2 + k) % 8));
            }
        }
        AutomaticRetraining.Readiness ready = automatic.readiness();
        assertTrue(ready.newFeedback() >= 240, ready.toString());

        Optional<TrainingRun> started = automatic.check();
        assertTrue(started.isPresent(), "enough new feedback and data: a run starts");
        assertEquals("auto", started.get().trigger());
        Map<String, Object> run = awaitRun(started.get().id());
        assertEquals("done", run.get("status"), run.toString());
        assertEquals("active", getJson("/v1/models/" + ((Number) run.get("modelVersionId")).longValue())
                .get("status"), "the first model passes the gate");

        Map<String, Object> after = getJson("/v1/users/newcomer/recommendations?k=5");
        assertNotNull(after.get("modelVersion"), after.toString());
        assertNotEquals("content", after.get("strategy"));
        assertTrue(String.valueOf(after.get("strategy")).startsWith("model")
                || String.valueOf(after.get("strategy")).startsWith("fold-in"), after.toString());

        assertTrue(automatic.check().isEmpty(), "no new feedback since that run: nothing starts");
    }

    private Map<String, Object> awaitRun(long id) throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            Map<String, Object> run = getJson("/v1/training/runs/" + id);
            if ("done".equals(run.get("status")) || "failed".equals(run.get("status"))) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("training did not finish");
    }
}
