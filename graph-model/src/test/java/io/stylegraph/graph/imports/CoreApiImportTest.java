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
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import io.stylegraph.graph.neo4j.VectorIndexSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded Java API path against the Cypher path: the same rows must leave the same graph and report. */
class CoreApiImportTest {
    private final GraphDatabase graph = TestGraph.graph();

    @BeforeEach
    void emptyGraph() {
        TestGraph.clear();
    }

    private static GraphImporter cypher(int batchSize) {
        return new GraphImporter(TestGraph.graph(), batchSize, Duration.ofSeconds(2));
    }

    private static GraphImporter coreApi(int batchSize) {
        return GraphImporter.embedded(TestGraph.server().database(), batchSize, Duration.ofSeconds(2));
    }

    private static Item item(String id, String category, Slot slot, List<String> more) {
        return new Item(id, "Title " + id, null, category, slot, Gender.WOMEN, "Blue", Map.of("fabric", "denim"),
                null, "test", "Brand", more);
    }

    /** Items in several categories, vectors (one of an unknown item), users, an outfit, repeated and reversed pairs. */
    private static InlineSource catalogue() {
        return new InlineSource("small").then(sink -> {
            sink.item(item("i1", "Jeans", Slot.BOTTOM, List.of("Women")));
            sink.item(item("i2", "Tshirts", Slot.TOP, List.of()));
            sink.item(item("i3", "Sneakers", Slot.SHOES, List.of("Women", "Sport")));
            sink.vectors(new PrecomputedVectors("i1", "vis", new float[] {1f, 0f, 0f}, "txt", new float[] {0f, 1f, 0f}));
            sink.vectors(new PrecomputedVectors("i2", "vis", new float[] {0.8f, 0.6f, 0f}, null, null));
            sink.vectors(new PrecomputedVectors("i3", null, null, "txt", new float[] {0f, 0f, 1f}));
            sink.vectors(new PrecomputedVectors("ghost", "vis", new float[] {1f, 1f, 1f}, null, null));
            sink.user(new User("u1", Map.of("age", 31, "sizes", List.of("S", "M")), "test"));
            sink.outfit(new Outfit("o1", List.of(new OutfitMember("i1", Slot.BOTTOM),
                    new OutfitMember("i2", Slot.TOP), new OutfitMember("nowhere", Slot.SHOES)), Map.of("look", "x"),
                    "test"));
            sink.interaction(new Interaction("u1", "i1", Signal.LIKE, Instant.parse("2024-01-01T00:00:00Z"), 0,
                    "train", Map.of("rating", 4.5), "test"));
            sink.interaction(new Interaction("u1", "i1", Signal.LIKE, null, 3, null, Map.of("fit", "true"), "test"));
            sink.interaction(new Interaction("u1", "i2", Signal.LIKE, null, 4, null, Map.of("note", "a"), "test"));
            sink.interaction(new Interaction("u1", "i2", Signal.DISLIKE, null, 5, null, Map.of(), "test"));
            sink.interaction(new Interaction("u3", "i3", Signal.DISLIKE, null, 6, null, Map.of("fit", "large"), "test"));
            sink.interaction(new Interaction("u3", "i3", Signal.LIKE, null, 7, "train", Map.of(), "test"));
            sink.interaction(new Interaction("u3", "ghost", Signal.LIKE, null, 8, null, Map.of(), "test"));
            sink.interaction(new Interaction("u2", "i2", Signal.DISLIKE, null, 9, null, Map.of("note", "b"), "test"));
        });
    }

    /** A later import: an item moved to another category, opinions turned round, a new user. */
    private static InlineSource later() {
        return new InlineSource("later").then(sink -> {
            sink.item(item("i2", "Shirts", Slot.TOP, List.of("Women")));
            sink.interaction(new Interaction("u2", "i2", Signal.LIKE, null, 10, null, Map.of(), "later"));
            sink.interaction(new Interaction("u1", "i1", Signal.DISLIKE, null, 11, null, Map.of(), "later"));
            sink.interaction(new Interaction("u4", "i3", Signal.LIKE, null, 12, null, Map.of(), "later"));
        });
    }

    /** Every node and edge with each property's value and stored type, in a fixed order. */
    private String wholeGraph() {
        List<String> nodes = graph.read(tx -> tx.run("""
                MATCH (n) UNWIND keys(n) AS key
                RETURN labels(n)[0] + ' ' + coalesce(n.id, n.name) + ' ' + key + ' ' + valueType(n[key]) AS line,
                       n[key] AS value
                """).list(r -> r.get("line").asString() + " " + r.get("value")));
        List<String> rels = graph.read(tx -> tx.run("""
                MATCH (a)-[r]->(b) UNWIND CASE WHEN size(keys(r)) = 0 THEN [null] ELSE keys(r) END AS key
                RETURN coalesce(a.id, a.name) + ' ' + type(r) + ' ' + coalesce(b.id, b.name) + ' ' + coalesce(key, '')
                       + ' ' + CASE WHEN key IS NULL THEN '' ELSE valueType(r[key]) END AS line,
                       CASE WHEN key IS NULL THEN null ELSE r[key] END AS value
                """).list(r -> r.get("line").asString() + " " + r.get("value")));
        return nodes.stream().sorted().toList() + "\n" + rels.stream().sorted().toList();
    }

    private static void assertSameReport(ImportReport expected, ImportReport actual) {
        assertEquals(List.of(expected.items(), expected.outfits(), expected.users(), expected.interactions(),
                        expected.vectors(), expected.rejected()),
                List.of(actual.items(), actual.outfits(), actual.users(), actual.interactions(), actual.vectors(),
                        actual.rejected()));
        assertEquals(expected.errors(), actual.errors());
    }

    @Test
    void shouldLeaveTheGraphAndReportTheCypherPathLeavesIncludingReimportAndTurnedOpinions() throws IOException {
        for (int size : new int[] {2, 3, 1_000}) {
            TestGraph.clear();
            GraphImporter cypher = cypher(size);
            ImportReport cypherFirst = cypher.importFrom(catalogue());
            String cypherOnce = wholeGraph();
            ImportReport cypherAgain = cypher.importFrom(catalogue());
            assertEquals(cypherOnce, wholeGraph(), "the Cypher path re-imports to the same graph");
            ImportReport cypherLater = cypher.importFrom(later());
            String expected = wholeGraph();
            TestGraph.clear();

            GraphImporter coreApi = coreApi(size);
            assertSameReport(cypherFirst, coreApi.importFrom(catalogue()));
            assertEquals(cypherOnce, wholeGraph(), "batch size " + size);
            assertSameReport(cypherAgain, coreApi.importFrom(catalogue()));
            assertEquals(cypherOnce, wholeGraph(), "re-import, batch size " + size);
            assertSameReport(cypherLater, coreApi.importFrom(later()));
            assertEquals(expected, wholeGraph(), "later import, batch size " + size);
        }
        String graphAfter = wholeGraph();
        assertTrue(graphAfter.contains("u1 DISLIKED i1"), graphAfter);
        assertTrue(graphAfter.contains("u2 LIKED i2"), graphAfter);
        assertTrue(graphAfter.contains("u1 DISLIKED i2"), graphAfter);
        assertTrue(graphAfter.contains("i2 IN_CATEGORY Shirts"), graphAfter);
        assertEquals(5, TestGraph.count("MATCH (:User)-[r:LIKED|DISLIKED]->(:Item) RETURN count(r)"));
    }

    @Test
    void shouldStoreVectorsTheVectorIndexesFind() throws IOException {
        VectorIndexSchema.ensure(graph, Modality.VISUAL, 3);
        VectorIndexSchema.ensure(graph, Modality.TEXT, 3);
        for (GraphImporter importer : List.of(cypher(2), coreApi(2))) {
            TestGraph.clear();
            importer.importFrom(catalogue());
            graph.run("CALL db.awaitIndexes(60)", Map.of());

            assertEquals(List.of("i2", "i1"), nearest("item_visual", "[0.7, 0.7, 0.0]"));
            assertEquals(List.of("i3", "i1"), nearest("item_text", "[0.0, 0.3, 1.0]"));
            assertEquals(List.of("LIST<FLOAT NOT NULL> NOT NULL", "txt", "precomputed"), graph.read(tx -> tx.run(
                    "MATCH (i:Item {id: 'i3'}) RETURN [valueType(i.text), i.textModel, i.textInput] AS v")
                    .single().get(0).asList(v -> v.asString())));
        }
    }

    private List<String> nearest(String index, String vector) {
        return graph.read(tx -> tx.run("CALL db.index.vector.queryNodes('" + index + "', 2, " + vector
                + ") YIELD node RETURN node.id AS id").list(r -> r.get("id").asString()));
    }

    @Test
    void shouldStopWithoutApplyingABatchThatCannotBeStoredOnEitherPath() {
        for (GraphImporter importer : List.of(cypher(2), coreApi(2))) {
            TestGraph.clear();
            InlineSource broken = new InlineSource("broken").then(sink -> {
                sink.item(item("ok1", "Jeans", Slot.BOTTOM, List.of()));
                sink.item(item("ok2", "Jeans", Slot.BOTTOM, List.of()));
                sink.user(new User("bad-user", Map.of("nested", Map.of("not", "storable")), "broken"));
            });
            ImportFailedException failure = assertThrows(ImportFailedException.class, () -> importer.importFrom(broken));

            assertTrue(failure.getMessage().contains("batch 2 (1 users) was not written"), failure.getMessage());
            assertEquals(2, TestGraph.count("MATCH (i:Item) RETURN count(i)"));
            assertEquals(0, TestGraph.count("MATCH (u:User) RETURN count(u)"));
        }
    }

    @Test
    void shouldRefuseAVectorThatIsNotFiniteOnEitherPath() {
        for (GraphImporter importer : List.of(cypher(10), coreApi(10))) {
            TestGraph.clear();
            InlineSource broken = new InlineSource("nan").then(sink -> {
                sink.item(item("i1", "Jeans", Slot.BOTTOM, List.of()));
                sink.vectors(new PrecomputedVectors("i1", "vis", new float[] {1f, Float.NaN, 0f}, null, null));
            });
            ImportFailedException failure = assertThrows(ImportFailedException.class, () -> importer.importFrom(broken));

            assertTrue(failure.getMessage().contains("(1 vectors) was not written"), failure.getMessage());
            assertEquals(0, TestGraph.count("MATCH (i:Item) WHERE i.visual IS NOT NULL RETURN count(i)"));
        }
    }
}
