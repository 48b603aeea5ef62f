package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A feed cursor keeps the order its page was cut from: likes and items that arrive between two pages, which move
 * items in the popularity ranking and reshuffle a new catalogue's order, neither repeat nor skip a card.
 */
@MicronautTest(transactional = false)
class FeedCursorApiTest extends ApiTestSupport {

    @BeforeAll
    void catalogue() {
        resetCatalogue(10);
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }

    private Map<String, Object> feed(String user, String cursor) {
        return getJson("/v1/users/" + user + "/feed?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
    }

    /** Other shoppers like the last items of the order, and ten new items arrive; the catalogue is read again. */
    private void likesAndItemsArrive(List<String> order) throws IOException {
        for (String item : order.subList(order.size() - 6, order.size())) {
            for (int u = 0; u < 4; u++) {
                graph.run("MERGE (u:User {id: $u}) WITH u MATCH (i:Item {id: $item}) MERGE (u)-[:LIKED]->(i)",
                        Map.of("u", "crowd-" + u, "item", item));
            }
        }
        List<Item> arrivals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            arrivals.add(new Item("new-" + i, "A new arrival " + i, null, "tops", Slot.TOP, Gender.WOMEN, "Red",
                    Map.of(), null, "test-catalogue"));
        }
        new GraphImporter(graph).importFrom(CatalogueSource.of("test-catalogue", arrivals));
        catalogue.reload();
    }

    @Test
    void shouldGiveTheSameNextPageWhenLikesAndItemsArriveMeanwhile() throws IOException {
        Map<String, Object> first = feed("steady", null);
        String cursor = (String) first.get("nextCursor");
        List<String> second = ids(feed("steady", cursor));
        List<String> wholeOrderBefore = ids(getJson("/v1/users/steady/feed?limit=100"));
        int itemsBefore = catalogue.snapshot().size();

        likesAndItemsArrive(wholeOrderBefore);

        assertEquals(itemsBefore + 10, catalogue.snapshot().size());
        assertNotEquals(wholeOrderBefore, ids(getJson("/v1/users/steady/feed?limit=100")).subList(0, itemsBefore),
                "the order of the changed catalogue is another one");
        assertEquals(second, ids(feed("steady", cursor)), "the cursor gives the page it gave before");
        List<String> seen = new ArrayList<>(ids(first));
        String next = cursor;
        while (next != null) {
            Map<String, Object> page = feed("steady", next);
            seen.addAll(ids(page));
            next = (String) page.get("nextCursor");
        }
        assertEquals(wholeOrderBefore, seen, "paging on continues the order the first page was cut from");
        assertEquals(itemsBefore, new HashSet<>(seen).size());
    }

    @Test
    void shouldLeaveOutCardsRatedSinceWhenACursorIsUsedAgain() {
        String cursor = (String) feed("rater", null).get("nextCursor");
        List<String> second = ids(feed("rater", cursor));
        postJson("/v1/users/rater/feedback", "{\"itemId\": \"" + second.get(0) + "\", \"signal\": \"like\"}");

        List<String> again = ids(feed("rater", cursor));

        assertEquals(7, again.size());
        assertEquals(second.subList(1, 7), again.subList(0, 6));
        assertFalse(again.contains(second.get(0)));
    }

    @Test
    void shouldContinueInTheCurrentOrderWhenTheCursorsCatalogueVersionIsUnknown() {
        List<String> wholeOrder = ids(getJson("/v1/users/traveller/feed?limit=100"));
        String cursor = (String) feed("traveller", null).get("nextCursor");
        String position = cursor.substring(cursor.indexOf('.') + 1);

        List<String> elsewhere = ids(feed("traveller", "0123456789abcdef01234567." + position));

        assertEquals(wholeOrder.subList(7, 14), elsewhere);
        assertEquals(elsewhere, ids(feed("traveller", position)), "a bare position is a place in the current order");
    }

    @Test
    void shouldRejectACursorThatNamesNoPosition() {
        Problem problem = expectProblem(HttpRequest.GET("/v1/users/ann/feed?cursor=0123456789abcdef01234567."));

        assertEquals(400, problem.status());
        assertEquals("cursor", problem.field());
        assertTrue(problem.code().startsWith("invalid"), problem.code());
    }
}
