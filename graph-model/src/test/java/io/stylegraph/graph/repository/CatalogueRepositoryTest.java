package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueRepositoryTest {
    private final GraphDatabase graph = TestGraph.graph();
    private final CatalogueRepository repository = new CatalogueRepository(graph);

    @BeforeEach
    void catalogue() {
        TestGraph.clear();
        graph.run("""
                UNWIND range(1, 25) AS n
                CREATE (:Item {id: 'item-' + right('00' + n, 3), title: 'Item ' + n, slot: 'top', gender: 'women',
                               attributes: '{"fabric":"linen"}'})
                """, Map.of());
    }

    @Test
    void shouldReadEveryItemWithItsFieldsAndCounts() {
        new FeedbackProjection(graph).apply("u", FeedbackTarget.ITEM, "item-003", Signal.LIKE, 1, Instant.now());

        var items = repository.findAll();

        assertEquals(25, items.size());
        RatedItem third = repository.findById("item-003").orElseThrow();
        assertEquals(1, third.likes());
        assertEquals(Slot.TOP, third.item().slot());
        assertEquals(Gender.WOMEN, third.item().gender());
        assertEquals("linen", third.item().attributes().get("fabric"));
    }

    @Test
    void shouldChangeTheFingerprintWhenALikeArrives() {
        String before = repository.fingerprint();
        new FeedbackProjection(graph).apply("u", FeedbackTarget.ITEM, "item-001", Signal.LIKE, 1, Instant.now());

        assertNotEquals(before, repository.fingerprint());
    }
}
