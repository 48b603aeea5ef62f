package io.stylegraph.api.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.recommendations.ServedModelHolder;
import io.stylegraph.api.training.TrainingTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code GET /v1/analytics/recommendation-coverage}: first with no active recommender, then with one trained on two
 * taste groups, compared with the recommendations endpoint's own lists.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationCoverageApiTest extends TrainingTestSupport {
    @Inject
    ServedModelHolder served;

    /** The registry is shared by all test classes: start this context with no active recommender to load. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        try (Connection connection = DriverManager.getConnection(properties.get("datasources.default.url"),
                properties.get("datasources.default.username"), "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE model_version SET status = 'retired', retired_at = now(), "
                    + "note = 'retired by RecommendationCoverageApiTest' WHERE kind = 'recommender' AND status = 'active'");
        } catch (SQLException e) {
            // no model_version table yet: the first context to start creates it, with nothing active
        }
        return properties;
    }

    @Test
    @Order(1)
    void shouldAnswerConflictWithoutAnActiveModel() {
        assertTrue(served.current().isEmpty(), "no recommender should be served yet");

        Problem problem = expectProblem(HttpRequest.GET("/v1/analytics/recommendation-coverage"));

        assertEquals(409, problem.status());
        assertEquals("no-active-model", problem.code());
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void shouldMeasureTheShareOfTheCatalogueInTheServedTopK() throws InterruptedException {
        resetCatalogue(8);
        likeInTwoTasteGroups();
        catalogue.reload();
        long version = trainAndServe("coverage test");
        List<String> users = served.current().orElseThrow().model().userIds();
        assertEquals(40, users.size());

        Map<String, Object> coverage = getJson("/v1/analytics/recommendation-coverage?k=3&users=1000");

        Set<Object> expected = new HashSet<>();
        for (String user : users) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) getJson("/v1/users/" + user
                    + "/recommendations?k=3").get("items");
            items.forEach(item -> expected.add(((Map<String, Object>) item.get("item")).get("id")));
        }
        assertEquals((int) version, coverage.get("modelVersion"));
        assertEquals(40, coverage.get("sampledUsers"));
        assertEquals(32, coverage.get("catalogueItems"));
        assertEquals(expected.size(), coverage.get("recommendedItems"));
        assertEquals(expected.size() / 32.0, ((Number) coverage.get("coverage")).doubleValue(), 1e-9);
        assertEquals(40, ((Map<String, Integer>) coverage.get("strategies")).values().stream()
                .mapToInt(Integer::intValue).sum());
        List<Map<String, Object>> slots = (List<Map<String, Object>>) coverage.get("slots");
        assertEquals(32, slots.stream().mapToInt(s -> (Integer) s.get("catalogueItems")).sum());
        assertEquals(expected.size(), slots.stream().mapToInt(s -> (Integer) s.get("recommendedItems")).sum());
        List<Map<String, Object>> most = (List<Map<String, Object>>) coverage.get("mostRecommended");
        assertTrue(expected.contains(most.get(0).get("itemId")));
        assertTrue((Integer) most.get(0).get("users") >= (Integer) most.get(most.size() - 1).get("users"));

        Map<String, Object> sample = getJson("/v1/analytics/recommendation-coverage?k=3&users=10&seed=7");
        assertEquals(10, sample.get("sampledUsers"));
        assertEquals(sample, getJson("/v1/analytics/recommendation-coverage?k=3&users=10&seed=7"));
    }

    @Test
    @Order(3)
    void shouldRefuseBadParameters() {
        Problem k = expectProblem(HttpRequest.GET("/v1/analytics/recommendation-coverage?k=0"));
        Problem users = expectProblem(HttpRequest.GET("/v1/analytics/recommendation-coverage?users=5001"));

        assertEquals(List.of("invalid-field:k", "invalid-field:users"),
                List.of(k.code() + ":" + k.field(), users.code() + ":" + users.field()));
    }

    @AfterAll
    void retireTheModel() {
        retireActiveRecommender();
    }
}
