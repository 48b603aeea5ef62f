package io.stylegraph.graph.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphImporterTest {
    private final GraphDatabase graph = TestGraph.graph();
    // A batch size of 2 makes every import below span several transactions.
    private final GraphImporter importer = new GraphImporter(graph, 2, Duration.ofSeconds(2));

    @BeforeEach
    void emptyGraph() {
        TestGraph.clear();
    }

    private static Item item(String id, String category, Slot slot) {
        return new Item(id, "Title " + id, null, category, slot, Gender.WOMEN, "Blue", Map.of("fabric", "denim"),
                null, "test");
    }

    private static InlineSource smallCatalogue() {
        return new InlineSource("small")
                .then(sink -> {
                    sink.item(item("i1", "Jeans", Slot.BOTTOM));
                    sink.item(item("i2", "Tshirts", Slot.TOP));
                    sink.item(item("i3", "Sneakers", Slot.SHOES));
                    sink.user(new User("u1", Map.of("age", 31), "test"));
                    sink.outfit(new Outfit("o1", List.of(new OutfitMember("i1", Slot.BOTTOM),
                            new OutfitMember("i2", Slot.TOP), new OutfitMember("i3", Slot.SHOES)), Map.of(), "test"));
                    sink.interaction(new Interaction("u1", "i1", Signal.LIKE, Instant.parse("2024-01-01T00:00:00Z"),
                            0, "train", Map.of(), "test"));
                    sink.interaction(new Interaction("u2", "i2", Signal.DISLIKE, null, 1, null, Map.of("fit", "small"),
                            "test"));
                    sink.interaction(new Interaction("u2", "i3", Signal.LIKE, null, 2, "test", Map.of(), "test"));
                });
    }

    private String graphSummary() {
        return graph.read(tx -> tx.run("""
                MATCH (n) WITH labels(n)[0] AS label, count(*) AS c ORDER BY label
                WITH collect(label + '=' + c) AS nodes
                OPTIONAL MATCH ()-[r]->() WITH nodes, type(r) AS t, count(r) AS c ORDER BY t
                RETURN nodes, collect(t + '=' + c) AS rels
                """).single().toString());
    }

    @Test
    void shouldWriteItemsCategoriesOutfitsUsersAndInteractions() throws IOException {
        ImportReport report = importer.importFrom(smallCatalogue());

        assertEquals(3, report.items());
        assertEquals(1, report.outfits());
        assertEquals(1, report.users());
        assertEquals(3, report.interactions());
        assertEquals(0, report.rejected());
        assertEquals(3, TestGraph.count("MATCH (:Item)-[:IN_CATEGORY]->(:Category) RETURN count(*)"));
        assertEquals("bottom", graph.read(tx -> tx.run(
                "MATCH (:Outfit {id: 'o1'})-[r:CONTAINS]->(:Item {id: 'i1'}) RETURN r.slot").single().get(0).asString()));
        assertEquals(31, TestGraph.count("MATCH (u:User {id: 'u1'}) RETURN u.age"));
        assertEquals(2, TestGraph.count("MATCH (:User)-[r:LIKED]->(:Item) RETURN count(r)"));
        assertEquals("small", graph.read(tx -> tx.run(
                "MATCH (:User {id: 'u2'})-[r:DISLIKED]->(:Item {id: 'i2'}) RETURN r.fit").single().get(0).asString()));
        assertEquals("train", graph.read(tx -> tx.run(
                "MATCH (:User {id: 'u1'})-[r:LIKED]->() RETURN r.split").single().get(0).asString()));
    }

    @Test
    void shouldChangeNothingWhenTheSameImportRunsTwice() throws IOException {
        importer.importFrom(smallCatalogue());
        String first = graphSummary();
        String properties = graph.read(tx -> tx.run(
                "MATCH (n) RETURN collect(properties(n)) AS p ORDER BY p").single().toString());

        ImportReport again = importer.importFrom(smallCatalogue());

        assertEquals(first, graphSummary());
        assertEquals(properties, graph.read(tx -> tx.run(
                "MATCH (n) RETURN collect(properties(n)) AS p ORDER BY p").single().toString()));
        assertEquals(3, again.items());
    }

    @Test
    void shouldReplaceAnEarlierOppositeSignal() throws IOException {
        importer.importFrom(smallCatalogue());
        importer.importFrom(new InlineSource("later").then(sink ->
                sink.interaction(new Interaction("u2", "i2", Signal.LIKE, null, 5, null, Map.of(), "later"))));

        assertEquals(0, TestGraph.count("MATCH (:User {id: 'u2'})-[r:DISLIKED]->(:Item {id: 'i2'}) RETURN count(r)"));
        assertEquals(1, TestGraph.count("MATCH (:User {id: 'u2'})-[r:LIKED]->(:Item {id: 'i2'}) RETURN count(r)"));
    }

    @Test
    void shouldMoveAnItemToItsNewCategory() throws IOException {
        importer.importFrom(smallCatalogue());
        importer.importFrom(new InlineSource("fix").then(sink -> sink.item(item("i2", "Shirts", Slot.TOP))));

        assertEquals(List.of("Shirts"), graph.read(tx -> tx.run(
                "MATCH (:Item {id: 'i2'})-[:IN_CATEGORY]->(c) RETURN c.name").list(r -> r.get(0).asString())));
    }

    @Test
    void shouldRejectInteractionsAndOutfitMembersOfUnknownItems() throws IOException {
        ImportReport report = importer.importFrom(new InlineSource("dangling").then(sink -> {
            sink.item(item("i1", "Jeans", Slot.BOTTOM));
            sink.outfit(new Outfit("o1", List.of(new OutfitMember("i1", Slot.BOTTOM),
                    new OutfitMember("ghost", Slot.TOP)), Map.of(), "dangling"));
            sink.interaction(new Interaction("u1", "i1", Signal.LIKE, null, null, null, Map.of(), "dangling"));
            sink.interaction(new Interaction("u1", "nowhere", Signal.LIKE, null, null, null, Map.of(), "dangling"));
        }));

        assertEquals(1, report.interactions());
        assertEquals(2, report.rejected());
        assertTrue(report.errors().stream().anyMatch(e -> e.reason().contains("unknown item ghost")));
        assertTrue(report.errors().stream().anyMatch(e -> e.reason().contains("unknown item nowhere")));
        assertEquals(1, TestGraph.count("MATCH (:Outfit {id: 'o1'})-[r:CONTAINS]->() RETURN count(r)"));
    }

    @Test
    void shouldPassReadErrorsThroughToTheReport() throws IOException {
        ImportReport report = importer.importFrom(new InlineSource("bad").then(sink ->
                sink.rejected(new RowError("items.csv", 7, "missing id"))));

        assertEquals(1, report.rejected());
        assertEquals("items.csv:7: missing id", report.errors().get(0).toString());
    }

    @Test
    void shouldStopWithoutApplyingAFailingBatch() {
        // Two items with the same id in one batch are fine for MERGE; a property the graph cannot store is not.
        InlineSource broken = new InlineSource("broken").then(sink -> {
            sink.item(item("ok1", "Jeans", Slot.BOTTOM));
            sink.item(item("ok2", "Jeans", Slot.BOTTOM));
            sink.user(new User("bad-user", Map.of("nested", Map.of("not", "storable")), "broken"));
        });

        ImportFailedException failure = assertThrows(ImportFailedException.class, () -> importer.importFrom(broken));

        assertTrue(failure.getMessage().contains("users"), failure.getMessage());
        assertEquals(2, TestGraph.count("MATCH (i:Item) RETURN count(i)"));
        assertEquals(0, TestGraph.count("MATCH (u:User) RETURN count(u)"));
    }

    /** Repeats of a pair inside a batch and across batches, in both directions, and rows of an unknown item. */
    private static InlineSource signalsWithRepeats() {
        return smallCatalogue().then(sink -> {
            sink.interaction(new Interaction("u1", "i1", Signal.LIKE, null, 3, null, Map.of("fit", "true"), "test"));
            sink.interaction(new Interaction("u1", "i2", Signal.LIKE, null, 4, null, Map.of("note", "a"), "test"));
            sink.interaction(new Interaction("u1", "i2", Signal.DISLIKE, null, 5, null, Map.of(), "test"));
            sink.interaction(new Interaction("u3", "i3", Signal.DISLIKE, null, 6, null, Map.of("fit", "large"), "test"));
            sink.interaction(new Interaction("u3", "i3", Signal.LIKE, null, 7, "train", Map.of(), "test"));
            sink.interaction(new Interaction("u3", "ghost", Signal.LIKE, null, 8, null, Map.of(), "test"));
            sink.interaction(new Interaction("u3", "ghost", Signal.LIKE, null, 9, null, Map.of(), "test"));
            sink.interaction(new Interaction("u2", "i2", Signal.LIKE, null, 10, null, Map.of("note", "b"), "test"));
        });
    }

    private String edges() {
        return graph.read(tx -> tx.run("MATCH (u:User)-[r]->(i:Item) RETURN u.id, type(r), i.id, properties(r)")
                .list(r -> r.get(0).asString() + " " + r.get(1).asString() + " " + r.get(2).asString() + " "
                        + new java.util.TreeMap<>(r.get(3).asMap()))).stream().sorted().toList().toString()
                + graph.read(tx -> tx.run("MATCH (u:User) WITH u ORDER BY u.id RETURN collect(u.id + ' ' + u.source)")
                .single().get(0).asList().toString());
    }

    @Test
    void shouldLeaveTheGraphTheRowByRowMergeLeavesOnTheBatchedPath() throws IOException {
        for (int size : new int[] {2, 3, 1_000}) {
            TestGraph.clear();
            ImportReport merged = new GraphImporter(graph, size, Duration.ofSeconds(2),
                    GraphImporter.InteractionWrites.ROW_MERGE).importFrom(signalsWithRepeats());
            String expected = edges();
            TestGraph.clear();
            ImportReport batched = new GraphImporter(graph, size, Duration.ofSeconds(2),
                    GraphImporter.InteractionWrites.BATCHED).importFrom(signalsWithRepeats());

            assertEquals(expected, edges(), "batch size " + size);
            assertEquals(merged.interactions(), batched.interactions(), "batch size " + size);
            assertEquals(merged.rejected(), batched.rejected(), "batch size " + size);
        }
        assertTrue(edges().contains("u1 DISLIKED i2"), edges());
        assertTrue(edges().contains("u3 LIKED i3"), edges());
    }

    @Test
    void shouldReportEveryRowOfAnUnknownItemAndCreateNoEdgeTwiceOnTheBatchedPath() throws IOException {
        GraphImporter batched = new GraphImporter(graph, 1_000, Duration.ofSeconds(2),
                GraphImporter.InteractionWrites.BATCHED);
        ImportReport first = batched.importFrom(signalsWithRepeats());
        String once = edges();
        ImportReport again = batched.importFrom(signalsWithRepeats());

        assertEquals(once, edges());
        assertEquals(2, first.rejected());
        assertEquals(9, first.interactions());
        assertEquals(2, again.rejected());
        assertEquals(5, TestGraph.count("MATCH (:User)-[r:LIKED|DISLIKED]->(:Item) RETURN count(r)"));
        assertEquals(2, first.errors().stream().filter(e -> e.reason().contains("unknown item ghost")).count());
    }

    @Test
    void shouldNotDuplicateALikeWrittenByOthersWhileTheBatchedImportRuns() throws IOException {
        GraphImporter batched = new GraphImporter(graph, 2, Duration.ofSeconds(2),
                GraphImporter.InteractionWrites.BATCHED);
        ImportReport report = batched.importFrom(new InlineSource("meanwhile").then(sink -> {
            sink.item(item("i1", "Jeans", Slot.BOTTOM));
            sink.item(item("i2", "Tshirts", Slot.TOP));
            sink.item(item("i3", "Sneakers", Slot.SHOES));
            sink.interaction(new Interaction("u1", "i1", Signal.LIKE, null, 0, null, Map.of(), "meanwhile"));
            sink.interaction(new Interaction("u1", "i2", Signal.LIKE, null, 1, null, Map.of(), "meanwhile"));
        }).then(sink -> graph.run("MATCH (u:User {id: 'u1'}), (i:Item {id: 'i3'}) CREATE (u)-[:LIKED]->(i)",
                Map.of())).then(sink -> {
            sink.interaction(new Interaction("u1", "i3", Signal.LIKE, null, 2, null, Map.of("fit", "true"),
                    "meanwhile"));
            sink.interaction(new Interaction("u1", "i1", Signal.LIKE, null, 3, null, Map.of(), "meanwhile"));
        }));

        assertEquals(4, report.interactions());
        assertEquals(1, TestGraph.count("MATCH (:User {id: 'u1'})-[r:LIKED]->(:Item {id: 'i3'}) RETURN count(r)"));
        assertEquals(1, TestGraph.count("MATCH (:User {id: 'u1'})-[r:LIKED]->(:Item {id: 'i1'}) RETURN count(r)"));
        assertEquals(3, TestGraph.count("MATCH (:User)-[r:LIKED]->(:Item) RETURN count(r)"));
    }
}
