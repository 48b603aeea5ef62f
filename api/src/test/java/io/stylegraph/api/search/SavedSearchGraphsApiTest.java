package io.stylegraph.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.api.tryon.TryOnFixtures;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.repository.ItemVectorRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The serving indexes save their HNSW graphs under {@code stylegraph.search.index-dir} once built, and indexes started
 * again on the same folder and vectors load them instead of building (the threshold is lowered so that the small
 * search catalogue gets graphs).
 */
@MicronautTest(transactional = false)
class SavedSearchGraphsApiTest extends ApiTestSupport {
    private static final Path INDEX_DIR = TryOnFixtures.temporaryFolder("indexes");

    @Inject
    EmbeddingJob embeddings;

    @Inject
    SearchIndexes indexes;

    @Inject
    ItemVectorRepository vectors;

    @Inject
    SearchConfiguration config;

    @Inject
    @Named("search-index")
    ExecutorService hnswBuilder;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.search.hnsw-threshold", "5");
        properties.put("stylegraph.search.index-dir", INDEX_DIR.toString());
        return properties;
    }

    @BeforeAll
    void embeddedCatalogue() throws InterruptedException {
        SearchCatalogue.load(graph);
        catalogue.reload();
        embeddings.requestRun();
        for (int attempt = 0; attempt < 600 && !"done".equals(embeddings.status().state()); attempt++) {
            assertFalse("failed".equals(embeddings.status().state()), embeddings.status().toString());
            Thread.sleep(100);
        }
        assertEquals("done", embeddings.status().state(), embeddings.status().toString());
        for (int attempt = 0; attempt < 600 && savedGraphs().size() < 2; attempt++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    void removeSavedGraphs() throws IOException {
        try (Stream<Path> files = Files.list(INDEX_DIR)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(INDEX_DIR);
    }

    private static List<Path> savedGraphs() {
        try (Stream<Path> files = Files.list(INDEX_DIR)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".hnsw")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<ScoredItem> ranking(List<ScoredItem> found) {
        return found.stream().sorted(Comparator.comparing(ScoredItem::score).reversed()
                .thenComparing(ScoredItem::itemId)).toList();
    }

    @Test
    void shouldServeTheGraphsBuiltAtTheFirstStartAndSaveOneFilePerModality() {
        Map<String, Object> status = getJson("/v1/search/status");

        assertEquals(Map.of("visual", true, "text", true), status.get("approximate"), status.toString());
        assertEquals(Map.of("visual", "built", "text", "built"), status.get("graphs"), status.toString());
        List<Path> saved = savedGraphs();
        assertEquals(2, saved.size(), saved.toString());
        assertTrue(saved.get(0).getFileName().toString().startsWith("text-"), saved.toString());
        assertTrue(saved.get(1).getFileName().toString().startsWith("visual-"), saved.toString());
    }

    @Test
    void shouldLoadTheSavedGraphsWhenTheIndexesStartAgainOnTheSameFolder() throws InterruptedException {
        SearchIndexes again = new SearchIndexes(vectors, config, hnswBuilder);
        for (Modality modality : Modality.values()) {
            VectorIndex first = indexes.index(modality).orElseThrow();
            again.prepare(modality, first.modelId(), first.dimension());
        }

        for (Modality modality : Modality.values()) {
            VectorIndex first = indexes.index(modality).orElseThrow();
            VectorIndex second = again.index(modality).orElseThrow();
            for (int attempt = 0; attempt < 300 && second.graphSource().isEmpty(); attempt++) {
                Thread.sleep(100);
            }
            assertEquals(Optional.of("loaded"), second.graphSource(), modality + " graph not loaded");
            assertEquals(first.size(), second.size());
            for (String itemId : first.sampleIds(first.size())) {
                float[] query = first.vector(itemId).orElseThrow();
                // the whole ranking, ties (the same picture twice) in id order: the two indexes hold rows in other orders
                List<ScoredItem> expected = ranking(first.search(query, SearchFilter.NONE, first.size()));
                assertEquals(expected, ranking(second.search(query, SearchFilter.NONE, first.size())),
                        modality + " " + itemId);
                assertEquals(first.size(), expected.size());
                assertTrue(expected.get(0).score() > 0.99f, expected.toString());
            }
        }
    }
}
