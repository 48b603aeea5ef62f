package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.outfit.TypeAwareModel;
import io.stylegraph.training.retrieval.ItemTexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model that reads item texts in the search's form takes the search index's text vectors instead of encoding its
 * own: served at once over the vectors there are, filled in as the embedding job adds the rest, and its PAIRS_WITH
 * edges written only once every item has its text vector.
 */
@MicronautTest(transactional = false)
class SharedTextVectorsTest extends LifecycleTestSupport {
    private static Path itemTextModel;

    @BeforeAll
    void catalogueAndModel() throws IOException {
        Path dir = Files.createTempDirectory("shared-text");
        TypeAwareModel model = OutfitFixtures.trainModel(dir.resolve("titles.sgoutfit"));
        itemTextModel = dir.resolve("item-text.sgoutfit");
        model.withParameters(Map.of(NameText.PARAMETER, NameText.ITEM_TEXT.wireName())).save(itemTextModel);
        clearGraph();
        new GraphImporter(graph).importFrom(OutfitFixtures.source());
        catalogue.reload();
    }

    @Test
    void shouldServeOverTheSearchVectorsAtHandAndFillInTheRestBeforeWritingEdges() throws Exception {
        TextEncoder text = encoders.text();
        searchIndexes.prepare(Modality.TEXT, text.modelId(), text.dimension());
        List<Item> named = OutfitFixtures.items().stream().filter(item -> item.title() != null).toList();
        List<ItemVector> vectors = vectorsOf(named, text);
        searchIndexes.upsert(Modality.TEXT, text.modelId(), vectors.subList(0, vectors.size() / 2));

        OutfitModelLifecycle lifecycle = lifecycle();
        try {
            lifecycle.prepare();
            OutfitViews.Status first = lifecycle.status();
            assertEquals("ready", first.state(), "served before every text vector is in");
            assertEquals(new OutfitViews.TextVectors("search", named.size(), vectors.size() / 2),
                    first.textVectors());
            assertEquals("waiting", first.pairsWith().status(), first.pairsWith().toString());
            assertEquals(0, edges(), "no edge is written from an index still missing text vectors");

            searchIndexes.upsert(Modality.TEXT, text.modelId(), vectors.subList(vectors.size() / 2, vectors.size()));
            OutfitViews.Status filled = awaitFilledIn(lifecycle);

            assertEquals(new OutfitViews.TextVectors("search", named.size(), named.size()), filled.textVectors());
            assertEquals("ready", filled.pairsWith().status(), filled.pairsWith().toString());
            assertTrue(filled.pairsWith().edges() > 0);
            assertEquals(filled.pairsWith().edges(), edges());
        } finally {
            lifecycle.stop();
        }
    }

    private OutfitModelLifecycle lifecycle() {
        boolean embeds = searchConfig.isEmbedOnStartup();
        searchConfig.setEmbedOnStartup(true); // the lifecycle reads it once: the service's embedding job runs
        try {
            return lifecycle(itemTextModel.toString(), 2);
        } finally {
            searchConfig.setEmbedOnStartup(embeds);
        }
    }

    private static List<ItemVector> vectorsOf(List<Item> items, TextEncoder text) {
        List<String> texts = items.stream().map(item -> ItemTexts.of(item.title(), item.category(), item.colour(),
                item.description(), item.brand(), item.categories())).toList();
        List<float[]> encoded = text.encode(texts);
        List<ItemVector> vectors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            vectors.add(new ItemVector(items.get(i).id(), items.get(i).slot(), items.get(i).gender(), encoded.get(i)));
        }
        return vectors;
    }

    private static OutfitViews.Status awaitFilledIn(OutfitModelLifecycle lifecycle) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        OutfitViews.Status status = lifecycle.status();
        while (System.nanoTime() < deadline && !"ready".equals(status.pairsWith().status())) {
            Thread.sleep(200);
            status = lifecycle.status();
        }
        return status;
    }

    private long edges() {
        return pairsWithEdges();
    }
}
