package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.neo4j.EmbeddedNeo4j;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;
import io.stylegraph.graph.repository.ItemContent;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.graph.repository.VectorWrite;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.training.search.SearchSettings;
import io.stylegraph.training.search.ServingIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart on the same index folder: the text index comes back whole from its saved file (rows and HNSW graph), and
 * only the item whose vector another process changed after the save is read again from the graph.
 */
class RestoredIndexesTest {
    /** Graphs from three items on, so six items get one. */
    private static final SearchSettings SETTINGS = new SearchSettings(50, 0.5, 0.5, 5, new HnswSettings(3, 8, 40, 40),
            DbaSettings.DEFAULT);

    @TempDir
    static Path home;
    private static EmbeddedNeo4j server;
    private static GraphDatabase graph;
    private static LazyEncoders encoders;

    @BeforeAll
    static void start() {
        server = new EmbeddedNeo4j(home.resolve("neo4j"), "127.0.0.1", 0).start();
        graph = GraphDatabase.connect(server.boltUri(), null, null, "neo4j");
        GraphSchema.apply(graph);
        encoders = new LazyEncoders(null);
    }

    @AfterAll
    static void stop() {
        encoders.close();
        graph.close();
        server.stop();
    }

    @Test
    void shouldRestoreTheIndexFromItsFileAndReadAgainOnlyWhatChangedSinceItWasSaved() throws Exception {
        graph.run("""
                UNWIND range(0, 5) AS n
                CREATE (:Item {id: 'r' + n, title: ['Linen shirt', 'Denim jeans', 'Leather boots', 'Wool coat',
                               'Canvas tote', 'Silk blouse'][n], category: 'Clothing', slot: 'top', gender: 'women'})
                """, Map.of());
        ItemVectorRepository repository = new ItemVectorRepository(graph);
        ItemEmbedder embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
        Path folder = home.resolve("indexes");
        String model = encoders.text().modelId();

        ExecutorService builder = Executors.newSingleThreadExecutor();
        ServingIndexes first = new ServingIndexes(repository, SETTINGS, folder, builder);
        assertTrue(new CatalogueEmbedding(repository, graph, embedder, encoders, first, new EmbeddingProgress())
                .run(4));
        VectorIndex before = first.index(Modality.TEXT).orElseThrow();
        builder.shutdown();
        assertTrue(builder.awaitTermination(1, TimeUnit.MINUTES));
        assertTrue(before.approximate(), "six items are over the threshold: a graph was built");
        first.saveGraphs();
        assertEquals(1, Files.list(folder).count(), "one file, for the text index");

        // after the save, another process rewrites r2's words and stores its new vector
        graph.run("MATCH (i:Item {id: 'r2'}) SET i.title = 'Velvet evening dress'", Map.of());
        ItemContent changed = repository.findContent(List.of("r2")).get(0);
        float[] newVector = encoders.text().encode(ItemEmbedder.text(changed));
        repository.store(List.of(new VectorWrite("r2", Modality.TEXT, model,
                ItemEmbedder.input(changed, Modality.TEXT), newVector)));
        assertFalse(embedder.stale(repository.findContent(List.of("r2")).get(0), Modality.TEXT));

        // the restarted process's graph builder never runs: any graph it serves was restored from the file
        ExecutorService stuck = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        stuck.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            ServingIndexes restarted = new ServingIndexes(repository, SETTINGS, folder, stuck);
            EmbeddingProgress progress = new EmbeddingProgress();
            assertTrue(new CatalogueEmbedding(repository, graph, embedder, encoders, restarted, progress).run(4));

            VectorIndex after = restarted.index(Modality.TEXT).orElseThrow();
            assertEquals(0, progress.reading().items(), "nothing embedded again");
            assertEquals(6, after.size());
            assertTrue(after.approximate(), "served through the restored graph");
            assertArrayEquals(newVector, after.vector("r2").orElseThrow(), "the changed vector read again");
            assertEquals("r2", after.search(newVector, SearchFilter.NONE, 1).get(0).itemId(),
                    "the graph finds the changed item by its new vector");
            for (String id : List.of("r0", "r1", "r3", "r4", "r5")) {
                assertArrayEquals(before.vector(id).orElseThrow(), after.vector(id).orElseThrow(), id);
            }
        } finally {
            release.countDown();
            stuck.shutdownNow();
        }
    }
}
