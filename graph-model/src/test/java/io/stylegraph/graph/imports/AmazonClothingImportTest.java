package io.stylegraph.graph.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.imports.sources.AmazonClothingSource;
import io.stylegraph.graph.imports.sources.AmazonFolder;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import io.stylegraph.graph.repository.ItemContent;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.graph.snapshot.GraphSnapshotReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/** The amazon-clothing import with and without items.csv.gz, written into a real embedded Neo4j. */
class AmazonClothingImportTest {
    private final GraphDatabase graph = TestGraph.graph();
    // A batch size of 2 makes the items span several transactions.
    private final GraphImporter importer = new GraphImporter(graph, 2, Duration.ofSeconds(2));

    @TempDir
    Path folder;

    @BeforeEach
    void emptyGraph() {
        TestGraph.clear();
    }

    private ImportReport importAmazon(String items) throws IOException {
        return importer.importFrom(new AmazonClothingSource(AmazonFolder.write(folder, items)));
    }

    private Record item(String id) {
        return graph.read(tx -> tx.run("""
                MATCH (i:Item {id: $id})
                RETURN i.brand AS brand, i.categories AS categories, i.slot AS slot, i.gender AS gender,
                       i.title AS title, i.category AS category,
                       COLLECT { MATCH (i)-[:IN_CATEGORY]->(c:Category) RETURN c.name ORDER BY c.name } AS linked
                """, Map.of("id", id)).single());
    }

    @Test
    void shouldStoreBrandAndCategoriesOnTheItemAndLinkEachCategory() throws IOException {
        ImportReport report = importAmazon(AmazonFolder.ITEMS);

        assertEquals(5, report.items());
        assertEquals(6, report.interactions());
        assertEquals(5, report.rejected());
        assertEquals(List.of("items.csv.gz:6: missing item_id", "items.csv.gz:7: item A9 does not occur in "
                        + "interactions.csv.gz", "items.csv.gz:8: item A1 is already described on line 2",
                "items.csv.gz:9: missing categories", "items.csv.gz:10: expected 3 fields, found 2"),
                report.errors().stream().map(RowError::toString).toList());
        Record jeans = item("az-A1");
        assertEquals("Levi's", jeans.get("brand").asString());
        assertEquals(List.of("Clothing", "Jeans", "Women", "Clothing, Shoes & Jewelry"),
                jeans.get("categories").asList());
        assertEquals("bottom", jeans.get("slot").asString());
        assertEquals("women", jeans.get("gender").asString());
        assertEquals("Jeans", jeans.get("category").asString());
        assertEquals("Levi's · Jeans · Women", jeans.get("title").asString());
        assertEquals(List.of("Clothing", "Clothing, Shoes & Jewelry", "Jeans", "Women"), jeans.get("linked").asList());
        Record bare = item("az-A5");
        assertTrue(bare.get("brand").isNull() && bare.get("categories").isNull());
        assertEquals(List.of(), bare.get("linked").asList());

        assertEquals(12, TestGraph.count("MATCH (c:Category) RETURN count(c)"));
        assertEquals(18, TestGraph.count("MATCH (:Item)-[r:IN_CATEGORY]->(:Category) RETURN count(r)"));
        assertEquals(3, TestGraph.count("MATCH (:Category {name: 'Women'})<-[:IN_CATEGORY]-(i) RETURN count(i)"));
        assertEquals("bottom", graph.read(tx -> tx.run("MATCH (c:Category {name: 'Jeans'}) RETURN c.slot AS slot")
                .single().get("slot").asString()), "a main category takes its item's slot");
        boolean womenHasNoSlot = graph.read(tx -> tx.run("MATCH (c:Category {name: 'Women'}) RETURN c.slot AS slot")
                .single().get("slot").isNull());
        assertTrue(womenHasNoSlot, "a category that is never an item's main one has no slot");
    }

    @Test
    void shouldLeaveTheGraphAsItWasWhenTheSameImportRunsTwice() throws IOException {
        importAmazon(AmazonFolder.ITEMS);
        List<Object> before = summary();

        importAmazon(AmazonFolder.ITEMS);

        assertEquals(before, summary());
    }

    @Test
    void shouldImportBareItemsWithoutCategoriesWhenItemsCsvIsAbsent() throws IOException {
        ImportReport report = importAmazon(null);

        assertEquals(5, report.items());
        assertEquals(6, report.interactions());
        assertEquals(0, report.rejected());
        assertEquals(0, TestGraph.count("MATCH (c:Category) RETURN count(c)"));
        assertEquals(5, TestGraph.count("MATCH (i:Item {slot: 'other'}) WHERE i.brand IS NULL AND i.categories IS NULL "
                + "AND i.title IS NULL RETURN count(i)"));
    }

    @Test
    void shouldDropCategoryEdgesAnItemNoLongerHas() throws IOException {
        importAmazon(AmazonFolder.ITEMS);

        importAmazon(AmazonFolder.ITEMS.replace("A1,Levi&#39;s,\"Clothing, Shoes & Jewelry|Women|Clothing|Jeans\"",
                "A1,Levi&#39;s,\"Clothing, Shoes & Jewelry|Women|Clothing|Skirts\""));

        assertEquals(List.of("Clothing", "Clothing, Shoes & Jewelry", "Skirts", "Women"),
                item("az-A1").get("linked").asList());
        assertEquals(0, TestGraph.count("MATCH (:Category {name: 'Jeans'})<-[r:IN_CATEGORY]-() RETURN count(r)"));
    }

    @Test
    void shouldPutEachDescribedItemsTermsIntoTheTrainingSnapshot() throws IOException {
        importAmazon(AmazonFolder.ITEMS);

        GraphSnapshot snapshot = new GraphSnapshotReader(graph).read(false);

        assertEquals(List.of("category:Clothing", "category:Jeans", "category:Women",
                "category:Clothing, Shoes & Jewelry", "brand:Levi's", "gender:women"), snapshot.itemTerms().get("az-A1"));
        assertEquals(List.of("category:Costumes", "category:Novelty", "category:Men", "category:Women",
                "category:Clothing, Shoes & Jewelry"), snapshot.itemTerms().get("az-A3"));
        assertFalse(snapshot.itemTerms().containsKey("az-A5"), "an item without content has no terms");
        assertEquals(4, snapshot.itemTerms().size());
        assertEquals(5, snapshot.itemIds().size());
    }

    @Test
    void shouldHandTheEmbeddingPathTheBrandAndCategoriesOfEachItem() throws IOException {
        importAmazon(AmazonFolder.ITEMS);

        List<ItemContent> contents = new ArrayList<>();
        new ItemVectorRepository(graph).forEachContent(contents::add);

        ItemContent jeans = contents.stream().filter(c -> c.id().equals("az-A1")).findFirst().orElseThrow();
        assertEquals("Levi's", jeans.brand());
        assertEquals(List.of("Clothing", "Jeans", "Women", "Clothing, Shoes & Jewelry"), jeans.categories());
        ItemContent bare = contents.stream().filter(c -> c.id().equals("az-A5")).findFirst().orElseThrow();
        assertEquals(List.of(), bare.categories());
    }

    private List<Object> summary() {
        return graph.read(tx -> tx.run("""
                MATCH (n) WITH labels(n)[0] AS label, count(*) AS c ORDER BY label
                WITH collect(label + '=' + c) AS nodes
                OPTIONAL MATCH ()-[r]->() WITH nodes, type(r) AS t, count(r) AS c ORDER BY t
                WITH nodes, collect(t + '=' + c) AS rels
                MATCH (i:Item) WITH nodes, rels, i ORDER BY i.id
                RETURN nodes, rels, collect([i.id, i.title, i.brand, i.categories, i.slot, i.gender]) AS items
                """).single().values().stream().map(v -> v.asObject()).toList());
    }
}
