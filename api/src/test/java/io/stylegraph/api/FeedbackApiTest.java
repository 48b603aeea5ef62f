package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class FeedbackApiTest extends ApiTestSupport {

    @BeforeAll
    void catalogue() {
        resetCatalogue(5);
    }

    private long likes(String userId, String itemId) {
        return count("MATCH (:User {id: $u})-[r:LIKED]->(:Item {id: $i}) RETURN count(r)", Map.of("u", userId, "i", itemId));
    }

    @Test
    void shouldAcceptALikeLogItAndProjectItAsALikedEdge() {
        HttpResponse<String> response = postJson("/v1/users/ann/feedback",
                "{\"itemId\": \"top-1\", \"signal\": \"like\", \"clientEventId\": \"ann-1\"}");

        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        Map<String, Object> body = readMap(response.body());
        assertTrue(((Number) body.get("eventId")).longValue() > 0);
        assertEquals(true, body.get("projected"));
        assertEquals(1, likes("ann", "top-1"));

        Map<String, Object> opinions = getJson("/v1/users/ann/feedback");
        List<?> list = (List<?>) opinions.get("opinions");
        assertEquals(1, list.size());
        assertEquals("top-1", ((Map<?, ?>) list.get(0)).get("targetId"));
        assertEquals("like", ((Map<?, ?>) list.get(0)).get("signal"));
    }

    @Test
    void shouldReturnTheSameEventForTheSameClientEventId() {
        String command = "{\"itemId\": \"bottom-2\", \"signal\": \"like\", \"clientEventId\": \"bo-retry\"}";
        Map<String, Object> first = readMap(postJson("/v1/users/bo/feedback", command).body());
        Map<String, Object> second = readMap(postJson("/v1/users/bo/feedback", command).body());

        assertEquals(first.get("eventId"), second.get("eventId"));
        assertEquals(false, first.get("duplicate"));
        assertEquals(true, second.get("duplicate"));
        assertEquals(1L, ((Number) getJson("/v1/users/bo/feedback").get("total")).longValue());
    }

    @Test
    void shouldRefuseAClientEventIdReusedForSomethingElse() {
        postJson("/v1/users/cy/feedback", "{\"itemId\": \"top-0\", \"signal\": \"like\", \"clientEventId\": \"cy-1\"}");

        Problem problem = expectProblem(HttpRequest.POST("/v1/users/cy/feedback",
                "{\"itemId\": \"top-3\", \"signal\": \"dislike\", \"clientEventId\": \"cy-1\"}"));

        assertEquals(409, problem.status());
        assertEquals("client-event-id-reused", problem.code());
        assertEquals("clientEventId", problem.field());
    }

    @Test
    void shouldReplaceALikeWithALaterDislike() {
        postJson("/v1/users/dee/feedback", "{\"itemId\": \"shoes-1\", \"signal\": \"like\"}");
        postJson("/v1/users/dee/feedback", "{\"itemId\": \"shoes-1\", \"signal\": \"dislike\"}");

        assertEquals(0, likes("dee", "shoes-1"));
        assertEquals(1, count("MATCH (:User {id: 'dee'})-[r:DISLIKED]->(:Item {id: 'shoes-1'}) RETURN count(r)", Map.of()));
        List<?> opinions = (List<?>) getJson("/v1/users/dee/feedback").get("opinions");
        assertEquals(1, opinions.size());
        assertEquals("dislike", ((Map<?, ?>) opinions.get(0)).get("signal"));
    }

    @Test
    void shouldUndoAnOpinionInTheLogAndTheGraph() {
        postJson("/v1/users/eve/feedback", "{\"itemId\": \"dress-3\", \"signal\": \"like\"}");

        HttpResponse<String> undo = client.toBlocking().exchange(HttpRequest.DELETE("/v1/users/eve/feedback/dress-3"),
                String.class);

        assertEquals(HttpStatus.OK, undo.getStatus());
        assertEquals("undo", readMap(undo.body()).get("signal"));
        assertEquals(0, likes("eve", "dress-3"));
        assertEquals(0L, ((Number) getJson("/v1/users/eve/feedback").get("total")).longValue());
        Problem again = expectProblem(HttpRequest.DELETE("/v1/users/eve/feedback/dress-3"));
        assertEquals(404, again.status());
        assertEquals("no-feedback", again.code());
    }

    @Test
    void shouldListOpinionsNewestFirstInPages() {
        for (int i = 0; i < 5; i++) {
            postJson("/v1/users/fay/feedback", "{\"itemId\": \"top-" + i + "\", \"signal\": \"like\"}");
        }

        Map<String, Object> page0 = getJson("/v1/users/fay/feedback?size=2");
        Map<String, Object> page2 = getJson("/v1/users/fay/feedback?size=2&page=2");

        assertEquals(5L, ((Number) page0.get("total")).longValue());
        List<?> first = (List<?>) page0.get("opinions");
        assertEquals("top-4", ((Map<?, ?>) first.get(0)).get("targetId"));
        assertEquals("top-3", ((Map<?, ?>) first.get(1)).get("targetId"));
        List<?> last = (List<?>) page2.get("opinions");
        assertEquals(1, last.size());
        assertEquals("top-0", ((Map<?, ?>) last.get(0)).get("targetId"));
    }

    @Test
    void shouldAcceptFeedbackOnOutfits() {
        graph.run("MERGE (o:Outfit {id: 'look-1'}) WITH o MATCH (i:Item {id: 'top-1'}) MERGE (o)-[:CONTAINS {slot: 'top'}]->(i)",
                Map.of());

        Map<String, Object> body = readMap(postJson("/v1/users/gus/feedback",
                "{\"outfitId\": \"look-1\", \"signal\": \"like\"}").body());

        assertEquals("outfit", body.get("targetType"));
        assertEquals(1, count("MATCH (:User {id: 'gus'})-[:LIKED]->(:Outfit {id: 'look-1'}) RETURN count(*)", Map.of()));
        assertFalse(expectProblem(HttpRequest.POST("/v1/users/gus/feedback",
                "{\"outfitId\": \"no-such-look\", \"signal\": \"like\"}")).raw().contains("Exception"));
    }
}
