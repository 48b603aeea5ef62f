package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OutfitsApiTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path dir = Files.createTempDirectory("outfit-model");
            Path file = dir.resolve("outfits.sgoutfit");
            OutfitFixtures.trainModel(file);
            properties.putAll(OutfitFixtures.servedModel(file, 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @BeforeAll
    void catalogueAndModelReady() throws Exception {
        clearGraph();
        OutfitFixtures.importInto(graph, catalogue);
        String body = "{\"itemIds\": [\"top-women-0\", \"bottom-women-0\"]}";
        awaitOutfitIndex(body);
    }

    @Test
    void shouldBuildDiverseCompleteOutfitsAroundLikedItemsHeldToTheImpliedGender() {
        like("diverse-shopper", "dress-women-0");
        like("diverse-shopper", "top-women-0");

        Map<String, Object> page = getJson("/v1/users/diverse-shopper/outfits?k=4");

        assertEquals("likes", page.get("anchorSource"));
        assertEquals("women", page.get("gender"));
        List<Map<String, Object>> outfits = outfits(page);
        assertEquals(4, outfits.size());
        assertEquals("top-women-0", outfits.get(0).get("anchorItemId"), "newest like first");
        assertEquals("dress-women-0", outfits.get(1).get("anchorItemId"));
        for (Map<String, Object> outfit : outfits) {
            assertComplete(outfit);
            for (Map<String, Object> item : items(outfit)) {
                assertTrue(Set.of("women", "unisex").contains(item.get("gender")), "gender of " + item.get("id"));
            }
        }
        for (int a = 0; a < outfits.size(); a++) {
            for (int b = a + 1; b < outfits.size(); b++) {
                Set<String> shared = new HashSet<>(ids(outfits.get(a)));
                shared.retainAll(ids(outfits.get(b)));
                assertTrue(shared.size() <= 1, "outfits " + a + " and " + b + " share " + shared);
            }
        }
    }

    @Test
    void shouldNeverUseDislikedItems() {
        like("picky-shopper", "top-women-1");
        like("picky-shopper", "top-women-2");
        for (int c = 0; c < 3; c++) {
            dislike("picky-shopper", OutfitFixtures.id(Slot.BOTTOM, Gender.WOMEN, c));
        }

        List<Map<String, Object>> outfits = outfits(getJson("/v1/users/picky-shopper/outfits?k=5"));

        assertFalse(outfits.isEmpty());
        for (Map<String, Object> outfit : outfits) {
            for (int c = 0; c < 3; c++) {
                assertFalse(ids(outfit).contains(OutfitFixtures.id(Slot.BOTTOM, Gender.WOMEN, c)), ids(outfit).toString());
            }
        }
    }

    @Test
    void shouldFollowAFreshLikeInTheNextOutfits() {
        like("fresh-shopper", "top-men-1");
        Map<String, Object> before = outfits(getJson("/v1/users/fresh-shopper/outfits?k=1")).get(0);
        assertEquals("top-men-1", before.get("anchorItemId"));

        like("fresh-shopper", "shoes-men-3");
        Map<String, Object> after = outfits(getJson("/v1/users/fresh-shopper/outfits?k=1")).get(0);

        assertEquals("shoes-men-3", after.get("anchorItemId"));
        assertTrue(ids(after).contains("shoes-men-3"));
        assertNotEquals(ids(before), ids(after));
    }

    @Test
    void shouldBuildEveryOutfitAroundTheRequestedAnchorSharingOnlyIt() {
        Map<String, Object> page = getJson("/v1/users/anchor-shopper/outfits?k=3&anchorItemId=shoes-women-2");

        assertEquals("anchor", page.get("anchorSource"));
        List<Map<String, Object>> outfits = outfits(page);
        assertEquals(3, outfits.size());
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> outfit : outfits) {
            assertComplete(outfit);
            assertEquals("requested", outfit.get("anchorReason"));
            for (String id : ids(outfit)) {
                assertTrue(id.equals("shoes-women-2") || seen.add(id), id + " is in two outfits");
            }
        }
    }

    @Test
    void shouldHoldEveryPieceToTheOccasionAndFallBackToPopularAnchors() {
        Map<String, Object> page = getJson("/v1/users/new-shopper/outfits?k=3&occasion=formal");

        assertEquals("popular", page.get("anchorSource"));
        assertEquals("popular", page.get("preference"));
        assertEquals("Formal", page.get("occasion"));
        List<Map<String, Object>> outfits = outfits(page);
        assertEquals(3, outfits.size());
        for (Map<String, Object> outfit : outfits) {
            assertEquals("popular", outfit.get("anchorReason"));
            for (Map<String, Object> item : items(outfit)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = (Map<String, Object>) item.get("attributes");
                assertEquals("Formal", attributes.get("usage"), item.get("id") + " in a formal outfit");
            }
        }
    }

    @Test
    void shouldFillTheMissingSlotsOfAPartialOutfitLeavingOutTheUsersDislikes() {
        for (int c = 0; c < 4; c++) {
            dislike("cart-shopper", OutfitFixtures.id(Slot.BOTTOM, Gender.MEN, c));
        }

        Map<String, Object> completed = readMap(postJson("/v1/outfits/complete",
                "{\"itemIds\": [\"top-men-0\"], \"userId\": \"cart-shopper\"}").body());

        @SuppressWarnings("unchecked")
        Map<String, Object> outfit = (Map<String, Object>) completed.get("outfit");
        assertComplete(outfit);
        assertTrue(ids(outfit).containsAll(List.of("top-men-0", "bottom-men-4")), ids(outfit).toString());
        List<Map<String, Object>> filled = list(completed.get("filled"));
        assertEquals(List.of("bottom", "shoes"), filled.stream().map(f -> f.get("slot")).toList());
        assertTrue(list(filled.get(1).get("alternatives")).size() <= OutfitService.ALTERNATIVES);

        Map<String, Object> onlyCoat = readMap(postJson("/v1/outfits/complete",
                "{\"itemIds\": [\"top-men-0\", \"bottom-men-1\"], \"slots\": [\"outerwear\"]}").body());
        List<Map<String, Object>> coat = list(onlyCoat.get("filled"));
        assertEquals(1, coat.size());
        assertEquals("outerwear", coat.get(0).get("slot"));
        assertTrue(((String) coat.get(0).get("itemId")).startsWith("outerwear-"));
    }

    @Test
    void shouldScoreAnOutfitWithEveryPairAndNameTheWeakest() {
        Map<String, Object> scored = readMap(postJson("/v1/outfits/score",
                "{\"itemIds\": [\"top-women-0\", \"bottom-men-1\", \"shoes-women-0\"]}").body());

        List<Map<String, Object>> pairs = list(scored.get("pairs"));
        assertEquals(3, pairs.size());
        double mean = pairs.stream().mapToDouble(p -> ((Number) p.get("score")).doubleValue()).average().orElseThrow();
        double min = pairs.stream().mapToDouble(p -> ((Number) p.get("score")).doubleValue()).min().orElseThrow();
        assertEquals(mean, ((Number) scored.get("score")).doubleValue(), 1e-6);
        @SuppressWarnings("unchecked")
        Map<String, Object> weakest = (Map<String, Object>) scored.get("weakestPair");
        assertEquals(min, ((Number) weakest.get("score")).doubleValue(), 1e-9);
        assertNull(scored.get("anchorItemId"));
    }

    @Test
    void shouldShowStoredOutfitsPhotosAndGeneratedLooksOfAnItem() {
        graph.run("""
                MATCH (a:Item {id: 'top-women-3'}), (b:Item {id: 'bottom-women-4'})
                MERGE (o:Outfit {id: 'look-1'})
                MERGE (o)-[:CONTAINS {slot: 'top'}]->(a)
                MERGE (o)-[:CONTAINS {slot: 'bottom'}]->(b)
                MERGE (p:Photo {id: 'street-1'}) SET p.image = 'photos/street-1.jpg'
                MERGE (p)-[:FEATURES]->(a)
                """, Map.of());

        Map<String, Object> looks = getJson("/v1/items/top-women-3/looks?k=2");

        List<Map<String, Object>> stored = list(looks.get("outfits"));
        assertEquals(1, stored.size());
        assertEquals("look-1", stored.get(0).get("id"));
        assertEquals(2, list(stored.get(0).get("items")).size());
        List<Map<String, Object>> photos = list(looks.get("photos"));
        assertEquals("street-1", photos.get(0).get("id"));
        assertEquals("/v1/looks/street-1/image", photos.get(0).get("imageUrl"));
        assertFalse(photos.get(0).containsKey("image"), "the server's storage path is not shown");
        assertEquals("ready", looks.get("generatedStatus"));
        List<Map<String, Object>> generated = list(looks.get("generated"));
        assertEquals(2, generated.size());
        generated.forEach(outfit -> assertTrue(ids(outfit).contains("top-women-3")));
    }

    @Test
    void shouldMaterializeABoundedNumberOfPairsPerItemAcrossSlots() throws InterruptedException {
        long edges = 0;
        for (int attempt = 0; attempt < 300 && edges == 0; attempt++) {
            edges = count("MATCH (:Item)-[p:PAIRS_WITH]->(:Item) RETURN count(p)", Map.of());
            if (edges == 0) {
                Thread.sleep(100);
            }
        }
        assertTrue(edges > 0, "PAIRS_WITH edges written after the index was built");
        assertEquals(0, count("""
                MATCH (a:Item)-[p:PAIRS_WITH]->(b:Item)
                WHERE a.slot = b.slot OR p.score IS NULL OR p.support IS NULL OR p.model IS NULL
                RETURN count(p)
                """, Map.of()));
        assertEquals(0, count("""
                MATCH (a:Item)-[p:PAIRS_WITH]->() WITH a, count(p) AS n WHERE n > 2 RETURN count(a)
                """, Map.of()), "at most pairs-per-item (2) edges per item");
    }

    @Test
    void shouldAnswerBadInputWithProblemsNamingCodeAndField() {
        assertProblem(HttpRequest.GET("/v1/users/someone/outfits?k=0"), 400, "invalid-field", "k");
        assertProblem(HttpRequest.GET("/v1/users/someone/outfits?k=21"), 400, "invalid-field", "k");
        assertProblem(HttpRequest.GET("/v1/users/bad%20user/outfits"), 400, "invalid-field", "userId");
        assertProblem(HttpRequest.GET("/v1/users/someone/outfits?anchorItemId=nope"), 404, "unknown-item",
                "anchorItemId");
        assertProblem(HttpRequest.GET("/v1/users/someone/outfits?anchorItemId=lamp-1"), 400, "not-an-outfit-item",
                "anchorItemId");
        assertProblem(HttpRequest.GET("/v1/users/someone/outfits?occasion=wedding"), 400, "invalid-field",
                "occasion");
        assertProblem(post("/v1/outfits/score", "{\"itemIds\": []}"), 400, "empty-outfit", "itemIds");
        assertProblem(post("/v1/outfits/score", "{}"), 400, "empty-outfit", "itemIds");
        assertProblem(post("/v1/outfits/score", "{\"itemIds\": [\"top-men-0\"]}"), 400, "too-few-items", "itemIds");
        assertProblem(post("/v1/outfits/score", "{\"itemIds\": [\"top-men-0\", \"top-men-0\"]}"), 400,
                "duplicate-item", "itemIds");
        assertProblem(post("/v1/outfits/score", "{\"itemIds\": [\"top-men-0\", \"nope\"]}"), 404, "unknown-item",
                "itemIds");
        List<String> nine = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            nine.add("\"" + OutfitFixtures.id(Slot.TOP, Gender.MEN, c) + "\"");
            nine.add("\"" + OutfitFixtures.id(Slot.BOTTOM, Gender.MEN, c) + "\"");
        }
        assertProblem(post("/v1/outfits/complete", "{\"itemIds\": [" + String.join(",", nine) + "]}"), 400,
                "too-many-items", "itemIds");
        assertProblem(post("/v1/outfits/complete", "{\"itemIds\": [\"top-men-0\"], \"slots\": [\"hat\"]}"), 400,
                "invalid-field", "slots");
        assertProblem(post("/v1/outfits/complete", "{\"itemIds\": [\"top-men-0\"], \"userId\": \"no spaces\"}"), 400,
                "invalid-field", "userId");
        assertProblem(HttpRequest.GET("/v1/items/nope/looks"), 404, "unknown-item", "itemId");
    }

    // ---- helpers ----

    private void like(String userId, String itemId) {
        postJson("/v1/users/" + userId + "/feedback", "{\"itemId\": \"" + itemId + "\", \"signal\": \"like\"}");
    }

    private void dislike(String userId, String itemId) {
        postJson("/v1/users/" + userId + "/feedback", "{\"itemId\": \"" + itemId + "\", \"signal\": \"dislike\"}");
    }

    private static HttpRequest<String> post(String uri, String body) {
        return HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private void assertProblem(HttpRequest<?> request, int status, String code, String field) {
        Problem problem = expectProblem(request);
        assertEquals(status, problem.status(), problem.raw());
        assertEquals(code, problem.code(), problem.raw());
        assertEquals(field, problem.field(), problem.raw());
        assertTrue(problem.contentType().startsWith("application/problem+json"), problem.contentType());
    }

    /** Top + bottom + shoes or dress + shoes, one item per slot, every pair scored. */
    private static void assertComplete(Map<String, Object> outfit) {
        List<String> slots = list(outfit.get("items")).stream().map(i -> (String) i.get("slot")).toList();
        assertEquals(slots.size(), new HashSet<>(slots).size(), "one item per slot: " + slots);
        assertTrue(slots.contains("shoes"), slots.toString());
        assertTrue(slots.contains("dress") || (slots.contains("top") && slots.contains("bottom")), slots.toString());
        int n = slots.size();
        assertEquals(n * (n - 1) / 2, list(outfit.get("pairs")).size());
    }

    private static List<Map<String, Object>> outfits(Map<String, Object> page) {
        return list(page.get("outfits"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> outfit) {
        return list(outfit.get("items")).stream().map(i -> (Map<String, Object>) i.get("item")).toList();
    }

    private static List<String> ids(Map<String, Object> outfit) {
        return items(outfit).stream().map(i -> (String) i.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
