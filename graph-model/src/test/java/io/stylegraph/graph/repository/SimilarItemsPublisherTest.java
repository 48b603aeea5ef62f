package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimilarItemsPublisherTest {
    private final GraphDatabase graph = TestGraph.graph();
    private final SimilarItemsPublisher publisher = new SimilarItemsPublisher(graph);

    @BeforeEach
    void items() {
        TestGraph.clear();
        graph.run("UNWIND range(1, 4) AS n CREATE (:Item {id: 'item-' + n})", Map.of());
    }

    @Test
    void shouldWriteEdgesWithScoreAndCosinePerModality() {
        long written = publisher.replace(List.of(
                new SimilarItemsPublisher.Edge("item-1", "item-2", 0.8, Map.of("visual", 0.5, "text", 0.9)),
                new SimilarItemsPublisher.Edge("item-2", "item-1", 0.45, Map.of("text", 0.9)),
                new SimilarItemsPublisher.Edge("item-1", "gone", 0.1, Map.of("text", 0.1))), 3);

        assertEquals(2, written, "an edge to an item no longer in the graph is skipped");
        Map<String, Object> edge = graph.read(tx -> tx.run("""
                MATCH (:Item {id: 'item-1'})-[s:SIMILAR]->(:Item {id: 'item-2'})
                RETURN s.score AS score, s.visual AS visual, s.text AS text, s.version AS version
                """).single().asMap());
        assertEquals(0.8, (Double) edge.get("score"), 1e-9);
        assertEquals(0.5, (Double) edge.get("visual"), 1e-9);
        assertEquals(0.9, (Double) edge.get("text"), 1e-9);
        assertEquals(3L, edge.get("version"));
    }

    @Test
    void shouldReplaceThePreviousRunsEdgesAcrossSeveralDeleteBatches() {
        List<SimilarItemsPublisher.Edge> many = new ArrayList<>();
        for (int k = 0; k < 12_000; k++) {
            many.add(new SimilarItemsPublisher.Edge("item-" + (1 + k % 4), "item-" + (1 + (k + 1) % 4), 0.5,
                    Map.of("text", 0.5)));
        }
        assertEquals(12_000, publisher.replace(many, 1));

        long written = publisher.replace(List.of(
                new SimilarItemsPublisher.Edge("item-3", "item-4", 0.7, Map.of("visual", 0.7))), 2);

        assertEquals(1, written);
        assertEquals(1, publisher.count());
        assertEquals(1L, TestGraph.count(
                "MATCH (:Item {id: 'item-3'})-[s:SIMILAR {version: 2}]->(:Item {id: 'item-4'}) RETURN count(s)"));
    }

    @Test
    void shouldReadTheEdgesABatchAtATimeWritingEachBeforeReadingTheNext() {
        List<Long> writtenWhenRead = new ArrayList<>();
        Iterator<SimilarItemsPublisher.Edge> edges = new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < 12_000;
            }

            @Override
            public SimilarItemsPublisher.Edge next() {
                if (made % EdgeReplacement.BATCH == 0) {
                    writtenWhenRead.add(publisher.count());
                }
                made++;
                return new SimilarItemsPublisher.Edge("item-" + (1 + made % 4), "item-" + (1 + (made + 1) % 4), 0.5,
                        Map.of("text", 0.5));
            }
        };

        assertEquals(12_000, publisher.replace(edges, 12_000, 4));

        assertEquals(List.of(0L, (long) EdgeReplacement.BATCH, 2L * EdgeReplacement.BATCH), writtenWhenRead,
                "each batch is in the graph before the next is read");
        assertEquals(12_000, publisher.count());
    }

    @Test
    void shouldKeepTheEdgesOfAnUnchangedItemGraphAndRewriteThemOtherwise() {
        List<SimilarItemsPublisher.Edge> edges = List.of(
                new SimilarItemsPublisher.Edge("item-1", "item-2", 0.8, Map.of("text", 0.8)),
                new SimilarItemsPublisher.Edge("item-2", "item-3", 0.6, Map.of("text", 0.6)));
        SimilarItemsPublisher.Outcome first = publisher.replaceUnlessUnchanged("digest-a", edges.iterator(), 2, 1);
        assertFalse(first.kept(), "nothing recorded yet");
        assertEquals(new SimilarItemsPublisher.Stored("digest-a", 2, 1), publisher.fingerprint().orElseThrow());

        Iterator<SimilarItemsPublisher.Edge> unread = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return fail("an unchanged item graph's edges are not read");
            }

            @Override
            public SimilarItemsPublisher.Edge next() {
                return fail("an unchanged item graph's edges are not read");
            }
        };
        SimilarItemsPublisher.Outcome same = publisher.replaceUnlessUnchanged("digest-a", unread, 2, 2);
        assertEquals(new SimilarItemsPublisher.Outcome(true, 2, 1), same);
        assertEquals(2L, TestGraph.count("MATCH ()-[s:SIMILAR {version: 1}]->() RETURN count(s)"),
                "the edges still name the version that wrote them");

        SimilarItemsPublisher.Outcome changed = publisher.replaceUnlessUnchanged("digest-b", edges.subList(0, 1)
                .iterator(), 1, 3);
        assertEquals(new SimilarItemsPublisher.Outcome(false, 1, 3), changed);
        assertEquals(1L, TestGraph.count("MATCH ()-[s:SIMILAR {version: 3}]->() RETURN count(s)"));

        graph.run("MATCH ()-[s:SIMILAR]->() DELETE s", Map.of());
        SimilarItemsPublisher.Outcome lost = publisher.replaceUnlessUnchanged("digest-b", edges.subList(0, 1)
                .iterator(), 1, 4);
        assertFalse(lost.kept(), "the graph no longer holds what was recorded");
        assertEquals(1, publisher.count());

        publisher.replace(edges, 5);
        assertTrue(publisher.fingerprint().isEmpty(), "a replacement without a digest leaves none recorded");
    }
}
