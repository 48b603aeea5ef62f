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
}
