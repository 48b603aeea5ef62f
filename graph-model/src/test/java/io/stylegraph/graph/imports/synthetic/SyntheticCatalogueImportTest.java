package io.stylegraph.graph.imports.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
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
