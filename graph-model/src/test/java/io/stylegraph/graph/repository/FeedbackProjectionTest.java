package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbackProjectionTest {
    private final GraphDatabase graph = TestGraph.graph();
    private final FeedbackProjection projection = new FeedbackProjection(graph);
    private final Instant now = Instant.parse("2025-05-01T10:00:00Z");

    @BeforeEach
    void catalogue() {
        TestGraph.clear();
        graph.run("CREATE (:Item {id: 'jeans', slot: 'bottom'}), (:Item {id: 'tee', slot: 'top'}), (:Outfit {id: 'o1'})",
                Map.of());
    }

    private String edgesOf(String userId) {
        return graph.read(tx -> tx.run("MATCH (:User {id: $u})-[r]->(t) RETURN type(r) + '>' + t.id AS e ORDER BY e",
                Map.of("u", userId)).list(r -> r.get(0).asString())).toString();
    }

    @Test
    void shouldCreateTheUserAndALikedEdge() {
        assertTrue(projection.apply("ann", FeedbackTarget.ITEM, "jeans", Signal.LIKE, 1, now));

        assertEquals("[LIKED>jeans]", edgesOf("ann"));
        assertEquals(1, TestGraph.count("MATCH (:User {id: 'ann'})-[r:LIKED {eventId: 1}]->() RETURN count(r)"));
    }

    @Test
    void shouldReplaceALikeWithALaterDislikeAndRemoveItOnUndo() {
        projection.apply("ann", FeedbackTarget.ITEM, "jeans", Signal.LIKE, 1, now);
        projection.apply("ann", FeedbackTarget.ITEM, "jeans", Signal.DISLIKE, 2, now);
        assertEquals("[DISLIKED>jeans]", edgesOf("ann"));

        projection.apply("ann", FeedbackTarget.ITEM, "jeans", null, 3, now);
        assertEquals("[]", edgesOf("ann"));
    }

    @Test
    void shouldNotLetAnOlderEventOverwriteANewerOne() {
        projection.apply("ann", FeedbackTarget.ITEM, "tee", Signal.DISLIKE, 9, now);

        assertFalse(projection.apply("ann", FeedbackTarget.ITEM, "tee", Signal.LIKE, 4, now));
        assertEquals("[DISLIKED>tee]", edgesOf("ann"));
    }

    @Test
    void shouldBeANoOpWhenAppliedTwice() {
        projection.apply("ann", FeedbackTarget.OUTFIT, "o1", Signal.LIKE, 5, now);
        projection.apply("ann", FeedbackTarget.OUTFIT, "o1", Signal.LIKE, 5, now);

        assertEquals("[LIKED>o1]", edgesOf("ann"));
    }

    @Test
    void shouldReportAMissingTarget() {
        assertFalse(projection.apply("ann", FeedbackTarget.ITEM, "ghost", Signal.LIKE, 1, now));
        assertEquals(List.of(), projection.ratedTargetIds("ann"));
    }

    @Test
    void shouldListRatedTargetsOfBothPolarities() {
        projection.apply("bob", FeedbackTarget.ITEM, "jeans", Signal.LIKE, 1, now);
        projection.apply("bob", FeedbackTarget.ITEM, "tee", Signal.DISLIKE, 2, now);

        assertEquals(List.of("jeans", "tee"), projection.ratedTargetIds("bob").stream().sorted().toList());
    }
}
