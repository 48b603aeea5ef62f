package io.stylegraph.graph.imports.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.graph.imports.GenericCatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportReport;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated catalogue goes through the normal import path, the one {@code stylegraph import --path} takes. */
class SyntheticCatalogueImportTest {
    @TempDir
    Path folder;

    @BeforeEach
    void emptyGraph() {
        TestGraph.clear();
    }

    @Test
    void shouldImportAGeneratedCatalogueThroughTheGenericFormat() throws IOException {
        SyntheticCatalogue.Summary summary = new SyntheticCatalogue(
                new SyntheticCatalogue.Settings(600, 120, 1_500, 3, 10, 8), SyntheticCatalogue.Progress.SILENT)
                .write(folder);

        ImportReport report = new GraphImporter(TestGraph.graph(), 500, Duration.ofSeconds(10))
                .importFrom(new GenericCatalogueSource(folder));

        assertEquals(0, report.rejected(), () -> report.errors().toString());
        assertEquals(600, report.items());
        assertEquals(120, report.users());
        assertEquals(summary.outfits(), report.outfits());
        assertEquals(1_500 + summary.dislikes(), report.interactions());
        assertEquals(600, TestGraph.count("MATCH (i:Item) RETURN count(i)"));
        assertEquals(120, TestGraph.count("MATCH (u:User) RETURN count(u)"));
        assertEquals(1_500, TestGraph.count("MATCH (:User)-[r:LIKED]->(:Item) RETURN count(r)"));
        assertEquals(summary.dislikes(), TestGraph.count("MATCH (:User)-[r:DISLIKED]->(:Item) RETURN count(r)"));
        assertEquals(600, TestGraph.count("MATCH (:Item)-[r:IN_CATEGORY]->(:Category) RETURN count(r)"));
        assertEquals(categoriesIn(folder.resolve("items.jsonl")),
                TestGraph.count("MATCH (c:Category) WHERE c.slot IS NOT NULL RETURN count(c)"));
        assertEquals(summary.outfits(), TestGraph.count("MATCH (o:Outfit)-[:CONTAINS]->(:Item) "
                + "RETURN count(DISTINCT o)"));

        // the precomputed vectors are stored as the embedding job stores its own, marked as the file's model's
        assertEquals(600, report.vectors());
        assertEquals(600, TestGraph.count("MATCH (i:Item) WHERE size(i.visual) = 8 AND size(i.text) = 8 "
                + "AND i.visualModel = 'synthetic-visual' AND i.textModel = 'synthetic-text' "
                + "AND i.visualInput = 'precomputed' AND i.textInput = 'precomputed' RETURN count(i)"));
        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(folder.resolve("vectors.jsonl")).get(0));
        List<Object> stored = TestGraph.graph().read(tx -> tx.run("MATCH (i:Item {id: $id}) RETURN i.visual AS v",
                java.util.Map.of("id", first.get("item_id").asText())).single().get("v").asList());
        for (int d = 0; d < 8; d++) {
            assertEquals(first.get("visual").get(d).asDouble(), ((Number) stored.get(d)).doubleValue(), 1e-6);
        }
        long indexed = new ItemVectorRepository(TestGraph.graph()).countVectors(Modality.VISUAL, "synthetic-visual");
        assertEquals(600, indexed);
    }

    @Test
    void shouldRejectVectorsOfItemsTheGraphDoesNotHold() throws IOException {
        Files.writeString(folder.resolve("items.jsonl"), "{\"id\": \"known\"}\n");
        Files.writeString(folder.resolve("vectors.jsonl"), """
                {"item_id": "known", "text": [1, 0, 0], "text_model": "enc-t"}
                {"item_id": "unknown", "text": [0, 1, 0], "text_model": "enc-t"}
                """);

        ImportReport report = new GraphImporter(TestGraph.graph()).importFrom(new GenericCatalogueSource(folder));

        assertEquals(1, report.vectors());
        assertEquals(1, report.rejected());
        assertEquals("vectors of unknown item unknown", report.errors().get(0).reason());
        assertEquals(1, TestGraph.count("MATCH (i:Item {id: 'known'}) WHERE i.text IS NOT NULL AND i.visual IS NULL "
                + "RETURN count(i)"));
    }

    private static long categoriesIn(Path items) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(items)) {
            names.add(json.readTree(line).get("category").asText());
        }
        return names.size();
    }
}
