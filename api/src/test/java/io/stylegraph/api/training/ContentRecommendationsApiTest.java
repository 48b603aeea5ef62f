package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.ServedModelHolder;
import io.stylegraph.api.recommendations.ServedModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.search.SearchIndexes;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The content path of {@code GET /v1/users/{userId}/recommendations}: personal from the first like on a catalogue
 * with content vectors and no trained model, then blended with the model once one is served, where an item the model
 * never saw still comes through its content.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentRecommendationsApiTest extends TrainingTestSupport {
    private static final String MODEL = "content-test-model";

    @Inject
    SearchIndexes indexes;

    /**
     * The training run chooses the blend's content weight on its validation split; this test shows the blend's
     * mechanics on a tiny model, so it offers the run only a weight that is visible there (0.5). The configured weight
     * for models without a choice is set apart (0.01), to show that the run's choice is the one served.
     */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("stylegraph.training.content-blend-grid", "0.5");
        properties.put("stylegraph.recommendations.content-weight", "0.01");
        return properties;
    }

    @Inject
    ServedModelHolder served;

    /** 8 items per slot; text vectors say the slot (one-hot) plus a small per-item component. */
    @BeforeAll
    void catalogueWithContentAndNoModel() {
        retireActiveRecommender();
        served.followRegistry(); // a model another test class left active was loaded at start-up
        resetCatalogue(8);
        indexSlotTextVectors(indexes, MODEL, 8);
    }

    @AfterAll
    void retireTheModel() {
        retireActiveRecommender();
    }





    private void send(String userId, String itemId, String signal) {
        postJson("/v1/users/" + userId + "/feedback", "{\"itemId\": \"" + itemId + "\", \"signal\": \"" + signal
                + "\"}");
    }

    @Test
    @Order(1)
    void shouldPersonalizeFromTheFirstLikeWithoutAModel() {
        assertTrue(served.current().isEmpty(), "no model is served");
        assertEquals("popular", getJson("/v1/users/first-like/recommendations?k=5").get("strategy"));

        send("first-like", "dress-2", "like");
        Map<String, Object> page = getJson("/v1/users/first-like/recommendations?k=5");

        assertEquals("content", page.get("strategy"));
        assertEquals(List.of("dress"), field(page, "slot").stream().distinct().toList(), page.toString());
        assertFalse(field(page, "id").contains("dress-2"), "rated items stay out");
        for (Map<String, Object> result : results(page)) {
            assertEquals("similar-to-liked", reason(result).get("type"), result.toString());
            assertEquals("dress-2", reason(result).get("itemId"));
        }
    }

    @Test
    @Order(2)
    void shouldKeepTheContentPathsFiltersAndPointAtTheClosestLike() {
        send("two-likes", "shoes-0", "like");
        send("two-likes", "top-2", "like");
        send("two-likes", "bottom-4", "dislike");

        Map<String, Object> women = getJson("/v1/users/two-likes/recommendations?k=20&gender=women");
        assertEquals("content", women.get("strategy"));
        assertEquals(Set.of("women"), Set.copyOf(field(women, "gender")));
        List<String> slots = field(women, "slot");
        // tops and shoes first (the likes), the disliked bottoms' slot last
        assertEquals(Set.of("top", "shoes"), Set.copyOf(slots.subList(0, 6)), slots.toString());
        assertEquals("bottom", slots.get(slots.size() - 1), slots.toString());
        for (Map<String, Object> result : results(women).subList(0, 6)) {
            String slot = (String) ((Map<String, Object>) result.get("item")).get("slot");
            assertEquals(slot.equals("top") ? "top-2" : "shoes-0", reason(result).get("itemId"), result.toString());
        }

        Map<String, Object> shoesOnly = getJson("/v1/users/two-likes/recommendations?k=3&slot=shoes");
        assertEquals(List.of("shoes"), field(shoesOnly, "slot").stream().distinct().toList());
        assertEquals(3, results(shoesOnly).size());
    }

    @Test
    @Order(3)
    void shouldCapResultsPerCategoryWhenTheRequestAsksAndNotOtherwise() {
        // two-likes liked women's shoes and a top: uncapped, the best four are tops and shoes only
        Map<String, Object> uncapped = getJson("/v1/users/two-likes/recommendations?k=4");
        assertEquals("content", uncapped.get("strategy"));
        assertEquals(Set.of("tops", "shoess"), Set.copyOf(field(uncapped, "category")), uncapped.toString());
        assertEquals(field(uncapped, "id"),
                field(getJson("/v1/users/two-likes/recommendations?k=4&maxPerCategory=0"), "id"),
                "0 turns the cap off, as configured here");

        Map<String, Object> capped = getJson("/v1/users/two-likes/recommendations?k=4&maxPerCategory=1");
        List<String> categories = field(capped, "category");
        assertEquals(4, categories.size(), capped.toString());
        assertEquals(4, Set.copyOf(categories).size(), "one of each category: " + categories);
        assertEquals(field(uncapped, "id").get(0), field(capped, "id").get(0), "the best result stays first");
    }

    @Test
    @Order(3)
    void shouldRejectABadPerCategoryCapWithAProblem() {
        Map<String, String> codes = Map.of("-1", "invalid-field", "201", "invalid-field", "many", "invalid-value");
        codes.forEach((bad, code) -> {
            var problem = expectProblem(HttpRequest.GET("/v1/users/two-likes/recommendations?maxPerCategory=" + bad));
            assertEquals(400, problem.status(), problem.raw());
            assertEquals("maxPerCategory", problem.field(), problem.raw());
            assertEquals(code, problem.code(), problem.raw());
        });
    }

    @Test
    @Order(3)
    void shouldTradeNearCopiesForVarietyWhenTheRequestAsksForDiversity() {
        send("near-copies", "dress-2", "like");
        Map<String, Object> plain = getJson("/v1/users/near-copies/recommendations?k=4");
        assertEquals(List.of("dress"), field(plain, "slot").stream().distinct().toList(), plain.toString());
        assertEquals(field(plain, "id"), field(getJson("/v1/users/near-copies/recommendations?k=4&diversity=0"),
                "id"), "0 turns it off, as configured here");

        Map<String, Object> varied = getJson("/v1/users/near-copies/recommendations?k=4&diversity=0.9");

        assertEquals("content", varied.get("strategy"));
        assertEquals(field(plain, "id").get(0), field(varied, "id").get(0), "the most relevant item stays first");
        assertEquals(4, Set.copyOf(field(varied, "slot")).size(), "one of each slot: " + varied);
        assertEquals(List.of("dress", "dress"),
                field(getJson("/v1/users/near-copies/recommendations?k=2&diversity=0.05"), "slot"),
                "a little diversity keeps a near-copy that is much more relevant");
        assertEquals(field(plain, "id"), field(getJson("/v1/users/near-copies/recommendations?k=4&diversity=1.0E-4"),
                "id"), "a tiny diversity as a generated client writes it");
    }

    @Test
    @Order(3)
    void shouldRejectABadDiversityWithAProblem() {
        for (String bad : List.of("1.5", "-0.1", "NaN", "Infinity", "much", "1e5", "2E0", "1e", "0x1p-3")) {
            var problem = expectProblem(HttpRequest.GET("/v1/users/two-likes/recommendations?diversity=" + bad));
            assertEquals(400, problem.status(), bad + ": " + problem.raw());
            assertEquals("diversity", problem.field(), problem.raw());
            assertEquals("invalid-value", problem.code(), problem.raw());
        }
    }

    @Test
    @Order(4)
    void shouldBlendWithAServedModelAndStillRecommendAnItemTheModelNeverSaw() throws InterruptedException {
        likeInTwoTasteGroups();
        giveItemsSlotTextVectors();
        trainAndServe("content blend test");
        ServedModel model = served.current().orElseThrow();
        assertEquals(0.5, model.model().contentWeight(true).orElseThrow(), "chosen by the run among the grid it was given");
        assertEquals(0.5, model.model().contentWeight(false).orElseThrow());
        Map<String, Object> blend = (Map<String, Object>) ((Map<String, Object>) getJson("/v1/models/"
                + model.version()).get("metrics")).get("contentBlend");
        assertEquals(0.5, ((Number) blend.get("foldInUserWeight")).doubleValue(), "analysts see the choice: " + blend);
        Map<String, Object> walk = (Map<String, Object>) ((Map<String, Object>) getJson("/v1/models/"
                + model.version()).get("metrics")).get("itemWalk");
        assertEquals(26, ((List<?>) walk.get("trials")).size(),
                "the model alone and 4 weights by 3 exponents, twice: " + walk);
        assertEquals(((Number) walk.get("knownUserWeight")).doubleValue(), model.model().walkWeight(true),
                "the run's walk choice is the one served: " + walk);
        assertEquals(((Number) walk.get("foldInUserWeight")).doubleValue(), model.model().walkWeight(false));
        // a dress added after training: the model has no row for it, only its content can bring it
        graph.run("""
                CREATE (:Item {id: 'dress-new', title: 'A new dress', slot: 'dress', gender: 'women',
                               category: 'dresses', source: 'test-catalogue'})
                """, Map.of());
        catalogue.reload();
        indexes.upsert(Modality.TEXT, MODEL, List.of(new ItemVector("dress-new", Slot.DRESS, Gender.WOMEN,
                slotVector(3, 9))));

        send("dress-fan", "dress-0", "like");
        send("dress-fan", "dress-4", "like");
        Map<String, Object> page = getJson("/v1/users/dress-fan/recommendations?k=8");

        assertEquals("fold-in+content", page.get("strategy"), page.toString());
        assertTrue(field(page, "id").contains("dress-new"), page.toString());
        Map<String, Object> fresh = results(page).stream()
                .filter(r -> "dress-new".equals(((Map<String, Object>) r.get("item")).get("id"))).findFirst()
                .orElseThrow();
        assertEquals("similar-to-liked", reason(fresh).get("type"));
        assertTrue(Set.of("dress-0", "dress-4").contains(reason(fresh).get("itemId")), fresh.toString());

        // a shopper the model was trained on keeps the model strategy, blended
        assertEquals("model+content", getJson("/v1/users/shopper-1/recommendations?k=5").get("strategy"));
    }
}
