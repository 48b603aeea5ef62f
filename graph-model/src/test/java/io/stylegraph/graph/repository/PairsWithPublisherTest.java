package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairsWithPublisherTest {
    private static final PairsWithPublisher.Fingerprint FINGERPRINT =
            new PairsWithPublisher.Fingerprint("model-a", "catalogue-a", "support-a", "pairs-per-item=2");
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
        publisher.replace(List.of(new PairsWithPublisher.Pair("item-1", "item-4", 0.1, 0)), "old", FINGERPRINT);

        long written = publisher.replace(List.of(
                new PairsWithPublisher.Pair("item-1", "item-2", 1.5, 2),
                new PairsWithPublisher.Pair("item-3", "gone", 0.9, 0)), "new", FINGERPRINT);

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

    @Test
    void shouldRecordTheFingerprintAndEdgeCountWithTheEdges() {
        assertTrue(publisher.fingerprint().isEmpty(), "a graph without edges has no fingerprint");

        long written = publisher.replace(List.of(
                new PairsWithPublisher.Pair("item-1", "item-2", 1.5, 2),
                new PairsWithPublisher.Pair("item-2", "item-3", 0.5, 1)), "m1", FINGERPRINT);

        PairsWithPublisher.Stored stored = publisher.fingerprint().orElseThrow();
        assertEquals(FINGERPRINT, stored.fingerprint());
        assertEquals(written, stored.edges());
        assertEquals(2, stored.edges());

        PairsWithPublisher.Fingerprint next = new PairsWithPublisher.Fingerprint("model-b", "catalogue-a",
                "support-a", "pairs-per-item=3");
        publisher.replace(List.of(new PairsWithPublisher.Pair("item-1", "item-3", 1.0, 1)), "m2", next);
        assertEquals(next, publisher.fingerprint().orElseThrow().fingerprint(), "one fingerprint, the newest");
        assertEquals(1, count("MATCH (f:EdgeFingerprint) RETURN count(f)"));
        assertEquals(List.of("model", "parameters"), next.changedFrom(FINGERPRINT));
        assertEquals(List.of(), FINGERPRINT.changedFrom(FINGERPRINT));
    }

    @Test
    void shouldNotTrustAFingerprintWithoutItsEdgeCount() {
        publisher.replace(List.of(new PairsWithPublisher.Pair("item-1", "item-2", 1.5, 2)), "m1", FINGERPRINT);
        graph.run("MATCH (f:EdgeFingerprint) REMOVE f.edges", Map.of());

        assertTrue(publisher.fingerprint().isEmpty(), "a fingerprint without its edge count does not count");
    }

    private long count(String cypher) {
        return graph.read(tx -> tx.run(cypher).single().get(0).asLong());
    }
}
