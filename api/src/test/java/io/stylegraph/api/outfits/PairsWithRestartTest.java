package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.training.outfit.TypeAwareModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restarts of the outfit model's start-up work on the same graph: each "start" is a fresh
 * {@link OutfitModelLifecycle} over the test's embedded Neo4j, run to the end. The service's own lifecycle has no
 * model here, so only these starts write PAIRS_WITH edges. Whether a start wrote edges is read from the graph: the
 * edges of the first start are marked, and a start that rewrites them deletes the marked ones.
 */
@MicronautTest(transactional = false)
class PairsWithRestartTest extends LifecycleTestSupport {
    private static Path modelFile;
    private static Path otherModelFile;

    @BeforeAll
    static void models() throws IOException {
        Path dir = Files.createTempDirectory("pairs-restart");
        modelFile = dir.resolve("outfits.sgoutfit");
        TypeAwareModel model = OutfitFixtures.trainModel(modelFile);
        otherModelFile = dir.resolve("retrained.sgoutfit");
        model.withParameters(Map.of("retrained", "yes")).save(otherModelFile);
    }

    @BeforeEach
    void freshGraph() throws IOException {
        clearGraph();
        new GraphImporter(graph).importFrom(OutfitFixtures.source());
        catalogue.reload();
    }

    @Test
    void shouldKeepTheEdgesOfTheLastStartWhenNothingChangedAndReportThemReady() {
        OutfitViews.PairsWith first = start(modelFile, 2);
        assertEquals("ready", first.status());
        assertFalse(first.kept(), "a first start writes the edges");
        assertTrue(first.edges() > 0);
        assertEquals(first.edges(), edges());
        markEdges();

        OutfitViews.Status second = startStatus(modelFile, 2);

        assertEquals("ready", second.state(), "the outfit index is still built for serving");
        assertEquals("ready", second.pairsWith().status());
        assertTrue(second.pairsWith().kept(), second.pairsWith().toString());
        assertEquals(first.edges(), second.pairsWith().edges());
        assertEquals(first.edges(), markedEdges(), "no edge was deleted or written again");
        assertEquals(first.edges(), edges());
    }

    @Test
    void shouldRewriteTheEdgesWhenTheModelFileChanged() {
        start(modelFile, 2);
        markEdges();

        OutfitViews.Status restarted = startStatus(otherModelFile, 2);

        assertFalse(restarted.pairsWith().kept());
        assertEquals("ready", restarted.pairsWith().status());
        assertEquals("model changed", restarted.pairsWith().reason());
        assertEquals(0, markedEdges(), "every edge was written again");
        assertEquals(restarted.pairsWith().edges(), edges());
        assertEquals(edges(), count("MATCH ()-[p:PAIRS_WITH {model: $model}]->() RETURN count(p)",
                Map.of("model", restarted.model())), "the edges name the new model");
    }

    @Test
    void shouldRewriteTheEdgesWhenTheCatalogueChanged() throws IOException {
        start(modelFile, 2);
        markEdges();
        new GraphImporter(graph).importFrom(OutfitFixtures.source(List.of(new Item("top-women-9", "green silk blouse",
                null, "silk blouse", Slot.TOP, Gender.WOMEN, "green", Map.of("usage", "Casual"), null, "outfit-test"))));
        catalogue.reload();

        OutfitViews.PairsWith restarted = start(modelFile, 2);

        assertFalse(restarted.kept());
        assertEquals("catalogue changed", restarted.reason());
        assertEquals(0, markedEdges());
        assertEquals(2, count("MATCH (:Item {id: 'top-women-9'})-[p:PAIRS_WITH]->() RETURN count(p)", Map.of()),
                "the new item has its pairs");
    }

    @Test
    void shouldRewriteTheEdgesWhenPairsPerItemChangedOrEdgesWentMissing() {
        start(modelFile, 2);

        OutfitViews.PairsWith more = start(modelFile, 3);
        assertFalse(more.kept());
        assertEquals("parameters changed", more.reason());
        assertEquals(3, count("MATCH (a:Item)-[p:PAIRS_WITH]->() WITH a, count(p) AS n RETURN max(n)", Map.of()));

        graph.run("MATCH ()-[p:PAIRS_WITH]->() WITH p LIMIT 5 DELETE p", Map.of());
        OutfitViews.PairsWith repaired = start(modelFile, 3);
        assertFalse(repaired.kept());
        assertTrue(repaired.reason().startsWith("the graph holds " + (more.edges() - 5) + " edges"),
                repaired.reason());
        assertEquals(more.edges(), edges());
    }

    /** One start on the same stores: the model from {@code file}, its index, and the edges when they must change. */
    private OutfitViews.Status startStatus(Path file, int pairsPerItem) {
        OutfitModelLifecycle lifecycle = lifecycle(file.toString(), pairsPerItem);
        try {
            lifecycle.prepare();
            OutfitViews.Status status = lifecycle.status();
            assertEquals("ready", status.state(), status.toString());
            return status;
        } finally {
            lifecycle.stop();
        }
    }

    private OutfitViews.PairsWith start(Path file, int pairsPerItem) {
        return startStatus(file, pairsPerItem).pairsWith();
    }

    private long edges() {
        return pairsWithEdges();
    }

    private void markEdges() {
        graph.run("MATCH ()-[p:PAIRS_WITH]->() SET p.mark = true", Map.of());
    }

    private long markedEdges() {
        return count("MATCH ()-[p:PAIRS_WITH]->() WHERE p.mark RETURN count(p)", Map.of());
    }
}
