package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.PrecomputedVectors;
import io.stylegraph.graph.repository.ItemContent;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which items the embedding job embeds again, with the built-in encoders. */
class ItemEmbedderStalenessTest {
    private static LazyEncoders encoders;
    private static ItemEmbedder embedder;

    @BeforeAll
    static void encoders() {
        encoders = new LazyEncoders(null);
        embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
    }

    @AfterAll
    static void close() throws Exception {
        encoders.close();
    }

    private static ItemContent item(String model, String input) {
        return new ItemContent("i1", "Linen shirt", null, "Shirts", "White", null, Slot.TOP, Gender.MEN,
                model, input, model, input, true, true);
    }

    @Test
    void shouldKeepImportedVectorsThatNameTheCurrentModel() {
        ItemContent imported = new ItemContent("i1", "Linen shirt", null, "Shirts", "White", null, Slot.TOP,
                Gender.MEN, encoders.image().modelId(), PrecomputedVectors.INPUT, encoders.text().modelId(),
                PrecomputedVectors.INPUT, true, true);

        assertFalse(embedder.stale(imported, Modality.VISUAL));
        assertFalse(embedder.stale(imported, Modality.TEXT));
    }

    @Test
    void shouldEmbedAgainImportedVectorsOfAnotherModel() {
        ItemContent imported = item("synthetic-text", PrecomputedVectors.INPUT);

        assertTrue(embedder.stale(imported, Modality.VISUAL));
        assertTrue(embedder.stale(imported, Modality.TEXT));
    }

    @Test
    void shouldStillEmbedAgainWhenTheWordsOfAnEmbeddedItemChanged() {
        ItemContent embedded = new ItemContent("i1", "Linen shirt", null, "Shirts", "White", null, Slot.TOP,
                Gender.MEN, null, null, encoders.text().modelId(), "sha256:000000000000000000000000", false, true);

        assertTrue(embedder.stale(embedded, Modality.TEXT));
    }
}
