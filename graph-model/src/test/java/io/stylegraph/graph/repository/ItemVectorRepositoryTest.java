package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import io.stylegraph.graph.neo4j.VectorIndexSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemVectorRepositoryTest {
    private final GraphDatabase graph = TestGraph.graph();
    private final ItemVectorRepository repository = new ItemVectorRepository(graph);

    @BeforeEach
    void items() {
        TestGraph.clear();
        graph.run("""
                UNWIND range(1, 7) AS n
                CREATE (:Item {id: 'item-' + n, title: 'Item ' + n, slot: 'shoes', gender: 'men', image: '/img/' + n})
                """, Map.of());
    }

    @Test
    void shouldStoreVectorsWithTheirModelAndReadThemBack() {
        repository.store(List.of(
                new VectorWrite("item-1", Modality.TEXT, "m1", "digest-1", new float[] {0.6f, 0.8f, 0f}),
                new VectorWrite("item-2", Modality.TEXT, "m1", "digest-2", new float[] {0f, 0f, 1f}),
                new VectorWrite("item-3", Modality.TEXT, "m0", "digest-3", new float[] {1f, 0f, 0f}),
                new VectorWrite("item-1", Modality.VISUAL, "v1", "/img/1", null)));

        List<ItemVector> vectors = new ArrayList<>();
        repository.forEachVector(Modality.TEXT, "m1", vectors::add);

        assertEquals(List.of("item-1", "item-2"), vectors.stream().map(ItemVector::itemId).toList());
        assertArrayEquals(new float[] {0.6f, 0.8f, 0f}, vectors.get(0).vector());
        assertEquals(Slot.SHOES, vectors.get(0).slot());
        assertEquals(Gender.MEN, vectors.get(0).gender());
        assertEquals(2, repository.countVectors(Modality.TEXT, "m1"));
        assertEquals(0, repository.countVectors(Modality.VISUAL, "v1"));
        ItemContent first = repository.findContent(List.of("item-1")).get(0);
        assertEquals("v1", first.visualModel());
        assertEquals("/img/1", first.visualInput());
        assertEquals("digest-1", first.input(Modality.TEXT));
        assertTrue(first.hasText());
        assertFalse(first.hasVisual());
        assertEquals(List.of("item-2"), repository.findVectors(Modality.TEXT, "m1", List.of("item-2", "item-3"))
                .stream().map(ItemVector::itemId).toList());
        assertTrue(graph.read(tx -> tx.run("MATCH (i:Item {id: 'item-1'}) RETURN valueType(i.text) AS t")
                .single().get("t").asString()).startsWith("LIST<FLOAT"));
    }

    @Test
    void shouldPageThroughContentInIdOrderAndFindByIds() {
        List<String> ids = new ArrayList<>();
        repository.forEachContent(content -> ids.add(content.id()));

        assertEquals(7, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
        List<ItemContent> found = repository.findContent(List.of("item-5", "ghost", "item-2"));
        assertEquals(List.of("item-5", "item-2"), found.stream().map(ItemContent::id).toList());
        assertNull(found.get(0).textModel());
    }

    @Test
    void shouldCreateTheVectorIndexAndRecreateItWhenTheDimensionChanges() {
        graph.run("DROP INDEX item_text IF EXISTS", Map.of());
        assertTrue(VectorIndexSchema.ensure(graph, Modality.TEXT, 3));
        assertFalse(VectorIndexSchema.ensure(graph, Modality.TEXT, 3));
        assertEquals(3L, VectorIndexSchema.dimensionOf(graph, Modality.TEXT).orElseThrow());

        repository.store(List.of(
                new VectorWrite("item-1", Modality.TEXT, "m1", "d", new float[] {1f, 0f, 0f}),
                new VectorWrite("item-2", Modality.TEXT, "m1", "d", new float[] {0.8f, 0.6f, 0f}),
                new VectorWrite("item-3", Modality.TEXT, "m1", "d", new float[] {0f, 0f, 1f})));
        graph.run("CALL db.awaitIndexes(60)", Map.of());
        List<String> nearest = graph.read(tx -> tx.run(
                "CALL db.index.vector.queryNodes('item_text', 2, [1.0, 0.1, 0.0]) YIELD node RETURN node.id AS id")
                .list(r -> r.get("id").asString()));
        assertEquals(List.of("item-1", "item-2"), nearest);

        assertTrue(VectorIndexSchema.ensure(graph, Modality.TEXT, 5));
        assertEquals(5L, VectorIndexSchema.dimensionOf(graph, Modality.TEXT).orElseThrow());
    }
}
