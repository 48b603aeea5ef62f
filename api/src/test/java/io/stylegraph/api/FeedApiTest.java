package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class FeedApiTest extends ApiTestSupport {

    @BeforeAll
    void catalogue() {
        resetCatalogue(10);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private List<String> ids(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("id")).toList();
    }

    @Test
    void shouldCreateAnUnknownUserOnFirstUse() {
        getJson("/v1/users/newcomer/feed?limit=3");

        assertEquals(1, count("MATCH (u:User {id: 'newcomer'}) RETURN count(u)", Map.of()));
    }

    @Test
    void shouldSpreadTheFirstCardsAcrossSlots() {
        List<Map<String, Object>> first = items(getJson("/v1/users/spread/feed?limit=4"));

        Set<Object> slots = new HashSet<>();
        first.forEach(item -> slots.add(item.get("slot")));
        assertEquals(4, slots.size(), "four cards, four slots: " + first);
    }

    @Test
    void shouldPageStablyThroughTheWholeCatalogueWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            Map<String, Object> response = getJson("/v1/users/pager/feed?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(response));
            cursor = (String) response.get("nextCursor");
            if (cursor == null) {
                break;
            }
        }

        assertEquals(40, seen.size());
        assertEquals(40, new HashSet<>(seen).size());
        assertEquals(ids(getJson("/v1/users/pager/feed?limit=7")), seen.subList(0, 7));
    }

    @Test
    void shouldOrderTheFeedDifferentlyForDifferentUsers() {
        assertNotEquals(ids(getJson("/v1/users/alpha/feed?limit=12")), ids(getJson("/v1/users/omega/feed?limit=12")));
    }

    @Test
    void shouldLeaveOutRatedItems() {
        List<String> before = ids(getJson("/v1/users/rater/feed?limit=5"));
        postJson("/v1/users/rater/feedback", "{\"itemId\": \"" + before.get(0) + "\", \"signal\": \"like\"}");
        postJson("/v1/users/rater/feedback", "{\"itemId\": \"" + before.get(1) + "\", \"signal\": \"dislike\"}");

        List<String> all = ids(getJson("/v1/users/rater/feed?limit=100"));

        assertEquals(38, all.size());
        assertFalse(all.contains(before.get(0)));
        assertFalse(all.contains(before.get(1)));
        assertTrue(all.contains(before.get(2)));
    }

    @Test
    void shouldLeaveOutItemsRatedInImportedHistory() {
        graph.run("MERGE (u:User {id: 'historian'}) WITH u MATCH (i:Item {id: 'shoes-3'}) MERGE (u)-[:LIKED]->(i)", Map.of());

        assertFalse(ids(getJson("/v1/users/historian/feed?limit=100")).contains("shoes-3"));
    }

    @Test
    void shouldFilterBySlot() {
        List<Map<String, Object>> shoes = items(getJson("/v1/users/shopper/feed?limit=20&slot=shoes"));

        assertEquals(10, shoes.size());
        shoes.forEach(item -> assertEquals("shoes", item.get("slot")));
    }

    @Test
    void shouldPutPopularItemsEarlyInTheFeed() {
        for (int u = 0; u < 3; u++) {
            graph.run("MERGE (u:User {id: $u}) WITH u MATCH (i:Item {id: 'dress-7'}) MERGE (u)-[:LIKED]->(i)",
                    Map.of("u", "fan-" + u));
        }
        catalogue.reload();

        int inFirstFive = 0;
        for (int u = 0; u < 20; u++) {
            if (ids(getJson("/v1/users/viewer-" + u + "/feed?limit=5")).contains("dress-7")) {
                inFirstFive++;
            }
        }
        // Without popularity a given item is among the first five cards of ~1 in 8 users.
        assertTrue(inFirstFive >= 8, "dress-7 early for " + inFirstFive + " of 20 users");
    }

    @Test
    void shouldReturnNoCursorAtTheEnd() {
        assertNull(getJson("/v1/users/ender/feed?limit=100").get("nextCursor"));
    }
}
