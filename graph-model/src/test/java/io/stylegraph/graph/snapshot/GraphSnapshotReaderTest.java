package io.stylegraph.graph.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;

class GraphSnapshotReaderTest {
    private final GraphDatabase graph = TestGraph.graph();

    @BeforeEach
    void smallGraph() {
        TestGraph.clear();
        graph.run("""
                CREATE (a:Item {id: 'a', visual: [1.0, 0.0], text: [0.5, 0.5, 0.0]}),
                       (b:Item {id: 'b', visual: [0.0, 1.0]}),
                       (c:Item {id: 'c'}),
                       (u:User {id: 'u'}), (v:User {id: 'v'}),
                       (u)-[:LIKED {at: datetime('2024-01-02T03:04:05Z'), split: 'train'}]->(a),
                       (u)-[:DISLIKED {position: 3}]->(b),
                       (v)-[:LIKED]->(b),
                       (u)-[:LIKED]->(:Outfit {id: 'o'})
                """, Map.of());
    }

    @Test
    void shouldStreamEveryRowWithoutSortingOrGroupingThemInTheTransaction() {
        // a sort or a grouping holds every row in the transaction: at 1 M items the content query's sort went over
        // the 256 MiB limit
        for (String query : List.of(GraphSnapshotReader.items(true), GraphSnapshotReader.items(false),
                GraphSnapshotReader.CONTENT, GraphSnapshotReader.EDGES, GraphSnapshotReader.OUTFIT_ITEMS)) {
            Plan plan = graph.read(tx -> tx.run("EXPLAIN " + query).consume().plan());
            List<String> sorts = new ArrayList<>();
            sortsOverAllRows(plan, sorts);
            assertTrue(sorts.isEmpty(), query + ": " + sorts);
        }
    }

    /**
     * Sorts and groupings of the whole result; the right-hand side of an Apply runs once per row (an item's own
     * categories).
     */
    private static void sortsOverAllRows(Plan plan, List<String> sorts) {
        String operator = plan.operatorType();
        if (operator.startsWith("Sort") || operator.startsWith("Top") || operator.startsWith("PartialSort")
                || operator.contains("Aggregation") || operator.startsWith("Distinct")) {
            sorts.add(operator);
        }
        List<? extends Plan> children = plan.children();
        boolean perRowRight = operator.contains("Apply");
        for (int c = 0; c < children.size(); c++) {
            if (!(perRowRight && c == 1)) {
                sortsOverAllRows(children.get(c), sorts);
            }
        }
    }

    @Test
    void shouldExportEveryItemEdgeAndStoredVector() {
        GraphSnapshot snapshot = new GraphSnapshotReader(graph).read(true);

        assertEquals(List.of("a", "b", "c"), snapshot.itemIds());
        List<SnapshotEdge> edges = snapshot.edges().stream()
                .sorted(Comparator.comparing(SnapshotEdge::userId).thenComparing(SnapshotEdge::itemId)).toList();
        assertEquals(3, edges.size());
        assertEquals(new SnapshotEdge("u", "a", Signal.LIKE, 1704164645000L, -1, "train"), edges.get(0));
        assertEquals(new SnapshotEdge("u", "b", Signal.DISLIKE, SnapshotEdge.NO_TIME, 3, null), edges.get(1));
        assertEquals(2, snapshot.likes());
        assertEquals(2, snapshot.users());
        assertSame(edges.get(0).userId(), edges.get(1).userId(), "one string per user, however many edges");
        assertSame(snapshot.itemIds().get(0), edges.get(0).itemId(), "the item list's own string");
        assertArrayEquals(new float[] {1f, 0f}, snapshot.featuresByModality().get("visual").get("a"));
        assertEquals(2, snapshot.featuresByModality().get("visual").size());
        assertEquals(1, snapshot.featuresByModality().get("text").size());
        assertNull(snapshot.featuresByModality().get("text").get("c"));
    }

    @Test
    void shouldCountALikedOutfitAsALikeOfEachItemTheUserDidNotRateDirectly() {
        graph.run("""
                MATCH (a:Item {id: 'a'}), (b:Item {id: 'b'}), (c:Item {id: 'c'}), (v:User {id: 'v'})
                CREATE (w:User {id: 'w'}),
                       (look:Outfit {id: 'look'})-[:CONTAINS {slot: 'top'}]->(a),
                       (look)-[:CONTAINS {slot: 'shoes'}]->(c),
                       (bad:Outfit {id: 'bad'})-[:CONTAINS {slot: 'top'}]->(b),
                       (w)-[:LIKED {at: datetime('2024-02-01T00:00:00Z')}]->(look),
                       (again:Outfit {id: 'again'})-[:CONTAINS {slot: 'top'}]->(a),
                       (w)-[:LIKED {at: datetime('2024-04-01T00:00:00Z')}]->(again),
                       (w)-[:LIKED]->(again2:Outfit {id: 'again-untimed'})-[:CONTAINS {slot: 'top'}]->(a),
                       (v)-[:LIKED {at: datetime('2024-03-01T00:00:00Z')}]->(look),
                       (w)-[:DISLIKED]->(bad)
                """, Map.of());

        List<SnapshotEdge> edges = new GraphSnapshotReader(graph).read(false).edges().stream()
                .filter(edge -> !edge.userId().equals("u"))
                .sorted(Comparator.comparing(SnapshotEdge::userId).thenComparing(SnapshotEdge::itemId)).toList();

        long outfitLike = 1706745600000L;
        assertEquals(List.of(
                new SnapshotEdge("v", "a", Signal.LIKE, 1709251200000L, -1, null),
                new SnapshotEdge("v", "b", Signal.LIKE, SnapshotEdge.NO_TIME, -1, null),
                new SnapshotEdge("v", "c", Signal.LIKE, 1709251200000L, -1, null),
                new SnapshotEdge("w", "a", Signal.LIKE, outfitLike, -1, null),
                new SnapshotEdge("w", "c", Signal.LIKE, outfitLike, -1, null)), edges,
                "each item of a liked outfit counts once as a like, at the earliest outfit like with a time; a disliked "
                        + "outfit adds no item dislike");
    }

    @Test
    void shouldExportTheContentTermsOfItemsThatHaveContent() {
        graph.run("""
                CREATE (:Item {id: 'fp-1', category: 'Tshirts', gender: 'men', colour: 'Blue',
                               attributes: '{"articleType":"Tshirts","masterCategory":"Apparel","subCategory":"Topwear","usage":"Casual"}'})
                         -[:IN_CATEGORY]->(:Category {name: 'Tshirts'}),
                       (:Item {id: 'hm-1', category: 'Sweater', colour: 'Black',
                               attributes: '{"productGroupName":"Garment Upper body","indexName":"Ladieswear"}'})
                         -[:IN_CATEGORY]->(:Category {name: 'Sweater'}),
                       (:Item {id: 'up-1', category: 'Scarves'})
                """, Map.of());

        GraphSnapshot snapshot = new GraphSnapshotReader(graph).read(false);

        assertEquals(Map.of(
                "fp-1", List.of("category:Tshirts", "gender:men", "colour:Blue", "masterCategory:Apparel",
                        "subCategory:Topwear"),
                "hm-1", List.of("category:Sweater", "colour:Black", "productGroup:Garment Upper body"),
                "up-1", List.of("category:Scarves")),
                snapshot.itemTerms(), "items a, b and c have no content and no terms; a main category without an "
                        + "IN_CATEGORY edge still counts");
    }
}
