package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.neo4j.EmbeddedNeo4j;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.training.search.SearchSettings;
import io.stylegraph.training.search.ServingIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedding run over three items in an embedded Neo4j, with the built-in encoders. */
class CatalogueEmbeddingTest {
    @TempDir
    static Path home;
    private static EmbeddedNeo4j server;
    private static GraphDatabase graph;
    private static LazyEncoders encoders;
    private static ExecutorService builder;

    @BeforeAll
    static void start() {
        server = new EmbeddedNeo4j(home, "127.0.0.1", 0).start();
        graph = GraphDatabase.connect(server.boltUri(), null, null, "neo4j");
        GraphSchema.apply(graph);
        encoders = new LazyEncoders(null);
        builder = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() {
        builder.shutdownNow();
        encoders.close();
        graph.close();
        server.stop();
    }

    @Test
    void shouldEmbedTheStaleItemsIntoTheGraphAndTheServingIndexesThenFindNothingLeft() {
        // two items with words and a picture that is not there, one with words only
        graph.run("""
                CREATE (:Item {id: 'a', title: 'Linen shirt', category: 'Shirts', slot: 'top', gender: 'men',
                               image: '/nowhere/a.jpg'}),
                       (:Item {id: 'b', title: 'Denim jeans', category: 'Jeans', slot: 'bottom', gender: 'women',
                               image: '/nowhere/b.jpg'}),
                       (:Item {id: 'c', title: 'Leather boots', category: 'Boots', slot: 'shoes', gender: 'unisex'})
                """, Map.of());
        ItemVectorRepository repository = new ItemVectorRepository(graph);
        ItemEmbedder embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
        ServingIndexes indexes = new ServingIndexes(repository, SearchSettings.DEFAULT, null, builder);
        EmbeddingProgress progress = new EmbeddingProgress();
        CatalogueEmbedding embedding = new CatalogueEmbedding(repository, graph, embedder, encoders, indexes,
                progress);

        assertTrue(embedding.run(2));

        EmbeddingProgress.Reading first = progress.reading();
        assertEquals("done", first.state());
        assertEquals(3, first.items());
        assertEquals(3, first.embedded());
        assertEquals(2, first.unreadableImages(), "a and b name a picture that cannot be read");
        String textModel = encoders.text().modelId();
        assertEquals(3, repository.countVectors(Modality.TEXT, textModel));
        assertEquals(0, repository.countVectors(Modality.VISUAL, encoders.image().modelId()));
        assertEquals(3, indexes.index(Modality.TEXT).orElseThrow().size());
        assertEquals(0, indexes.index(Modality.VISUAL).orElseThrow().size());
        assertFalse(embedder.stale(repository.findContent(List.of("c")).get(0), Modality.TEXT));
        ServingIndexes.State held = indexes.state();
        assertEquals(Map.of("visual", 0, "text", 3), held.indexed());
        assertEquals(Map.of("visual", false, "text", false), held.approximate());
        assertEquals(textModel, held.textModel());
        assertEquals(encoders.image().modelId(), held.visualModel());

        // a new process: its indexes load what is stored; nothing is stale any more
        ServingIndexes restarted = new ServingIndexes(repository, SearchSettings.DEFAULT, null, builder);
        EmbeddingProgress again = new EmbeddingProgress();

        assertTrue(new CatalogueEmbedding(repository, graph, embedder, encoders, restarted, again).run(2));

        assertEquals(0, again.reading().items());
        assertEquals(3, restarted.index(Modality.TEXT).orElseThrow().size());
    }

    @Test
    void shouldStoreEveryBatchWithBothModalitiesWhenTextsPicturesAndStoresOverlap() throws Exception {
        // seven items with real pictures over four batches of two: the stages of consecutive batches overlap
        for (int i = 0; i < 7; i++) {
            Path picture = home.resolve("pipeline-" + i + ".png");
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 48,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(30 * i, 255 - 30 * i, 90));
            g.fillRect(0, 0, 32, 48);
            g.dispose();
            javax.imageio.ImageIO.write(image, "png", picture.toFile());
            graph.run("CREATE (:Item {id: $id, title: $title, category: 'Shirts', slot: 'top', gender: 'men', "
                    + "image: $image})", Map.of("id", "p" + i, "title", "Shirt number " + i, "image",
                    picture.toString()));
        }
        ItemVectorRepository repository = new ItemVectorRepository(graph);
        ItemEmbedder embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
        ServingIndexes indexes = new ServingIndexes(repository, SearchSettings.DEFAULT, null, builder);
        EmbeddingProgress progress = new EmbeddingProgress();

        assertTrue(new CatalogueEmbedding(repository, graph, embedder, encoders, indexes, progress).run(2));

        assertEquals("done", progress.reading().state());
        assertEquals(progress.reading().items(), progress.reading().embedded());
        for (int i = 0; i < 7; i++) {
            String id = "p" + i;
            var content = repository.findContent(List.of(id)).get(0);
            assertFalse(embedder.stale(content, Modality.TEXT), id);
            assertFalse(embedder.stale(content, Modality.VISUAL), id);
            assertTrue(indexes.index(Modality.VISUAL).orElseThrow().contains(id), id);
            assertTrue(indexes.index(Modality.TEXT).orElseThrow().contains(id), id);
        }
        float[] stored = indexes.index(Modality.VISUAL).orElseThrow().vector("p3").orElseThrow();
        float[] alone = encoders.image().encode(List.of(embedder.readImage(home.resolve("pipeline-3.png")
                .toString()))).get(0);
        assertEquals(1.0, io.stylegraph.models.Vectors.dot(stored, alone)
                        / (io.stylegraph.models.Vectors.norm(stored) * io.stylegraph.models.Vectors.norm(alone)), 1e-5,
                "each item keeps its own picture's vector, whichever thread encoded it");
        graph.run("MATCH (i:Item) WHERE i.id STARTS WITH 'p' DETACH DELETE i", Map.of());
    }
}
