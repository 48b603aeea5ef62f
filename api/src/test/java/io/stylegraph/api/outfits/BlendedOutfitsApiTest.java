package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.outfit.ItemVectors;
import io.stylegraph.training.outfit.OutfitRecord;
import io.stylegraph.training.outfit.TextCategoryCooccurrence;
import io.stylegraph.training.outfit.TypeAwareModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both outfit routes over a model file that carries the text-category co-occurrence blend. The co-occurrence is
 * counted on inline outfits in which the white silk blouse went with one pencil skirt only, the one the type-aware
 * model alone ranks last for it, and even more often with the men's white chinos; every other skirt went with a red
 * blouse only. The blend must lift that skirt to the top for the white blouse, and the gender rule must still keep
 * the chinos out.
 */
@MicronautTest(transactional = false)
class BlendedOutfitsApiTest extends ApiTestSupport {
    private static final String BLOUSE = OutfitFixtures.id(Slot.TOP, Gender.WOMEN, 0);
    /** The women's skirts ranked for the white blouse by the type-aware model alone, best first. */
    private static List<String> plainRanking;
    private static Path modelFile;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path file = Files.createTempDirectory("outfit-model").resolve("outfits.sgoutfit");
            TypeAwareModel plain = OutfitFixtures.trainModel(file);
            try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
                plain.withTextCategoryBlend(new TypeAwareModel.TextCategoryBlend(
                        TextCategoryCooccurrence.fit(cooccurrence(plain, encoder)), 1.0)).save(file);
            }
            modelFile = file;
            properties.putAll(OutfitFixtures.servedModel(file, 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String title(Slot slot, Gender gender, int colour) {
        return OutfitFixtures.COLOURS.get(colour) + " " + OutfitFixtures.GARMENTS.get(slot).get(gender);
    }

    private static ItemVectors vectors(String id, Slot slot, String category, MiniLmTextEncoder encoder,
                                       String title) {
        return new ItemVectors(id, ItemVectors.typeOf(slot), category,
                Map.of(ItemVectors.TEXT, encoder.encode(List.of(title)).get(0)));
    }

    /** Ranks the skirts with the plain model and returns the outfits the co-occurrence is counted on. */
    private static List<OutfitRecord> cooccurrence(TypeAwareModel plain, MiniLmTextEncoder encoder) {
        ItemVectors blouse = vectors("b", Slot.TOP, "white-blouse", encoder, title(Slot.TOP, Gender.WOMEN, 0));
        ItemVectors redBlouse = vectors("r", Slot.TOP, "red-blouse", encoder, title(Slot.TOP, Gender.WOMEN, 4));
        ItemVectors chinos = vectors("m", Slot.BOTTOM, "white-chinos", encoder, title(Slot.BOTTOM, Gender.MEN, 0));
        List<ItemVectors> skirts = new ArrayList<>();
        for (int c = 0; c < OutfitFixtures.COLOURS.size(); c++) {
            skirts.add(vectors(OutfitFixtures.id(Slot.BOTTOM, Gender.WOMEN, c), Slot.BOTTOM, "skirt-" + c, encoder,
                    title(Slot.BOTTOM, Gender.WOMEN, c)));
        }
        plainRanking = skirts.stream()
                .sorted(Comparator.comparingDouble((ItemVectors s) -> plain.candidateScore(List.of(blouse), s))
                        .reversed())
                .map(ItemVectors::id).toList();
        String last = plainRanking.get(plainRanking.size() - 1);
        List<OutfitRecord> outfits = new ArrayList<>();
        for (int o = 0; o < 300; o++) {
            for (ItemVectors skirt : skirts) {
                if (skirt.id().equals(last)) {
                    outfits.add(new OutfitRecord("w" + o, List.of(blouse, skirt)));
                } else if (o < 200) {
                    outfits.add(new OutfitRecord("r" + o + skirt.id(), List.of(redBlouse, skirt)));
                }
            }
            outfits.add(new OutfitRecord("m" + o, List.of(blouse, chinos)));
            outfits.add(new OutfitRecord("n" + o, List.of(blouse, chinos)));
        }
        return outfits;
    }

    @BeforeAll
    void catalogueAndModelReady() throws Exception {
        clearGraph();
        OutfitFixtures.importInto(graph, catalogue);
        awaitOutfitIndex("{\"itemIds\": [\"" + BLOUSE + "\", \"bottom-women-0\"]}");
    }

    @Test
    void shouldCompleteWithTheSkirtTheBlouseWentWithWhileHoldingTheSlotAndTheGender() {
        String cooccurring = plainRanking.get(plainRanking.size() - 1);
        assertNotEquals(plainRanking.get(0), cooccurring, "the type-aware model alone ranks it last");

        Map<String, Object> completed = readMap(postJson("/v1/outfits/complete",
                "{\"itemIds\": [\"" + BLOUSE + "\"], \"slots\": [\"bottom\"]}").body());

        List<Map<String, Object>> filled = list(completed.get("filled"));
        assertEquals(1, filled.size());
        assertEquals("bottom", filled.get(0).get("slot"));
        assertEquals(cooccurring, filled.get(0).get("itemId"),
                "co-occurrence lifts the skirt the blouse went with; the men's chinos stay out");
        for (Map<String, Object> alternative : list(filled.get(0).get("alternatives"))) {
            String id = String.valueOf(((Map<?, ?>) alternative.get("item")).get("id"));
            assertTrue(id.startsWith("bottom-women-"), "women's bottoms only: " + alternative);
        }
    }

    @Test
    void shouldBuildTheOutfitAroundTheBlouseWithTheSkirtItWentWith() {
        String cooccurring = plainRanking.get(plainRanking.size() - 1);

        Map<String, Object> page = getJson("/v1/users/blend-shopper/outfits?k=1&anchorItemId=" + BLOUSE);

        List<Map<String, Object>> outfits = list(page.get("outfits"));
        assertEquals(1, outfits.size());
        List<String> ids = list(outfits.get(0).get("items")).stream()
                .map(i -> (String) ((Map<?, ?>) i.get("item")).get("id")).toList();
        assertTrue(ids.contains(cooccurring), ids.toString());
        assertTrue(ids.stream().noneMatch(id -> id.contains("-men-")), "held to the blouse's gender: " + ids);
    }

    @Test
    void shouldSayTheBlendIsServedAndKeepTheItemsCategoriesBesideTheModelFile() {
        Map<String, Object> status = getJson("/v1/outfits/status");

        Map<?, ?> blend = (Map<?, ?>) status.get("textCategoryBlend");
        assertEquals(1.0, ((Number) blend.get("weight")).doubleValue());
        int categories = ((Number) blend.get("restored")).intValue() + ((Number) blend.get("computed")).intValue();
        assertEquals(((Map<?, ?>) status.get("textVectors")).get("withVector"), categories,
                "one category per item with a text vector: " + status);
        assertTrue(Files.isRegularFile(modelFile.resolveSibling(OutfitModelLifecycle.CATEGORY_FILE)),
                "kept for the next start");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
