package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.outfit.ItemVectors;
import io.stylegraph.training.outfit.ItemWords;
import io.stylegraph.training.outfit.TypeAwareModel;
import io.stylegraph.training.outfit.WordOverlap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outfit routes over a model file that carries the word overlap blend: the served scores are the type-aware
 * score plus the weighted overlap of the two items' title words (under the document frequencies the file carries),
 * the same value the model's own served scorer gives for those items, and the status says so.
 */
@MicronautTest(transactional = false)
class WordBlendOutfitsApiTest extends ApiTestSupport {
    private static final String BLOUSE = OutfitFixtures.id(Slot.TOP, Gender.WOMEN, 0);
    private static final String WHITE_SKIRT = OutfitFixtures.id(Slot.BOTTOM, Gender.WOMEN, 0);
    private static final double WEIGHT = 2.0;
    private static TypeAwareModel model;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path file = Files.createTempDirectory("outfit-model").resolve("outfits.sgoutfit");
            TypeAwareModel plain = OutfitFixtures.trainModel(file);
            // frequencies over a few inline names: "white" in two of four, the garment words nowhere
            WordOverlap overlap = WordOverlap.fit(List.of(List.of("white", "linen"), List.of("white", "lace"),
                    List.of("black", "lace"), List.of("red", "velvet")));
            model = plain.withWordBlend(new TypeAwareModel.WordBlend(overlap, WEIGHT));
            model.save(file);
            properties.putAll(OutfitFixtures.servedModel(file, 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @BeforeAll
    void catalogueAndModelReady() throws Exception {
        clearGraph();
        OutfitFixtures.importInto(graph, catalogue);
        awaitOutfitIndex("{\"itemIds\": [\"" + BLOUSE + "\", \"" + WHITE_SKIRT + "\"]}");
    }

    private static ItemVectors served(Item item, MiniLmTextEncoder encoder) {
        return ItemVectors.ofSlot(item.id(), item.slot(), item.category(), encoder.encode(List.of(item.title()))
                .get(0)).withWords(item.title());
    }

    private static Item item(String id) {
        return OutfitFixtures.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldScoreAPairAsTheModelsServedScorerDoesWithTheTitlesWords() {
        Map<String, Object> scored = readMap(postJson("/v1/outfits/score",
                "{\"itemIds\": [\"" + BLOUSE + "\", \"" + WHITE_SKIRT + "\"]}").body());

        double expected;
        double plain;
        try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
            ItemVectors blouse = served(item(BLOUSE), encoder);
            ItemVectors skirt = served(item(WHITE_SKIRT), encoder);
            expected = model.served().pairScore(blouse, skirt);
            plain = model.withWordBlend(null).served().pairScore(blouse, skirt);
        }
        double score = ((Number) scored.get("score")).doubleValue();
        assertEquals(expected, score, 1e-4, "the served scorer: " + scored);
        assertNotEquals(plain, score, 1e-3, "the shared title word adds to the type-aware score");
    }

    @Test
    void shouldSayTheWordBlendIsServedOverEveryTitle() {
        Map<String, Object> status = getJson("/v1/outfits/status");

        Map<?, ?> words = (Map<?, ?>) status.get("wordOverlap");
        assertEquals(WEIGHT, ((Number) words.get("weight")).doubleValue(), status.toString());
        List<Item> items = OutfitFixtures.items();
        assertEquals(items.size(), ((Number) words.get("itemsWithWords")).intValue());
        Set<String> distinct = new LinkedHashSet<>();
        items.forEach(i -> distinct.addAll(ItemWords.of(i.title())));
        assertEquals(distinct.size(), ((Number) words.get("words")).intValue());
        assertTrue(status.get("textCategoryBlend") == null, "this model carries no category blend: " + status);
    }
}
