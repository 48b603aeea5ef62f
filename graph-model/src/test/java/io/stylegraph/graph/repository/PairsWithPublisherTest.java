package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairsWithPublisherTest {
    private final GraphDatabase graph = TestGraph.graph();
    private final PairsWithPublisher publisher = new PairsWithPublisher(graph);

    @BeforeEach
    void outfits() {
        TestGraph.clear();
        graph.run("""
                UNWIND range(1, 4) AS n CREATE (:Item {id: 'item-' + n})
                WITH count(*) AS created
                MATCH (a:Item {id: 'item-1'}), (b:Item {id: 'item-2'}), (c:Item {id: 'item-3'})
                CREATE (o1:Outfit {id: 'o1'})-[:CONTAINS {slot: 'top'}]->(a), (o1)-[:CONTAINS {slot: 'bottom'}]->(b),
                       (o2:Outfit {id: 'o2'})-[:CONTAINS {slot: 'top'}]->(a), (o2)-[:CONTAINS {slot: 'bottom'}]->(b),
                       (o2)-[:CONTAINS {slot: 'shoes'}]->(c)
                """, Map.of());
    }

    @Test
    void shouldCountHowManyOutfitsHoldEachPair() {
        Map<String, Long> support = publisher.outfitSupport();

        assertEquals(3, support.size());
        assertEquals(2L, support.get(PairsWithPublisher.pairKey("item-2", "item-1")));
        assertEquals(1L, support.get(PairsWithPublisher.pairKey("item-1", "item-3")));
    }

    @Test
    void shouldReplaceThePreviousModelsPairsWithScoreAndSupport() {
        publisher.replace(List.of(new PairsWithPublisher.Pair("item-1", "item-4", 0.1, 0)), "old");

        long written = publisher.replace(List.of(
                new PairsWithPublisher.Pair("item-1", "item-2", 1.5, 2),
                new PairsWithPublisher.Pair("item-3", "gone", 0.9, 0)), "new");

        assertEquals(1, written, "a pair with an item no longer in the graph is skipped");
        assertEquals(1, publisher.count());
        Map<String, Object> edge = graph.read(tx -> tx.run("""
                MATCH (:Item {id: 'item-1'})-[p:PAIRS_WITH]->(:Item {id: 'item-2'})
                RETURN p.score AS score, p.support AS support, p.model AS model
                """).single().asMap());
        assertEquals(1.5, (Double) edge.get("score"), 1e-9);
        assertEquals(2L, edge.get("support"));
        assertEquals("new", edge.get("model"));
    }
}
