package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarylandDataTest {

    @Test
    void shouldFixTheTestSliceBySetIdAlone() {
        int inSlice = 0;
        for (int i = 0; i < 10_000; i++) {
            String setId = Integer.toString(100_000_000 + i * 7919);
            assertEquals(MarylandData.bucket(setId), MarylandData.bucket(setId));
            if (MarylandData.inTestSlice(setId)) {
                inSlice++;
            }
        }
        assertEquals(3000, inSlice, 150);
        // FNV-1a of "a" is 0xE40C292C = 3826002220, which is 0 modulo 10
        assertEquals(0, MarylandData.bucket("a"));
    }

    @Test
    void shouldMapCategoriesToSlotsAndNamesToTextVectors() {
        Map<Integer, String> categories = Map.of(4, "Day Dresses", 21, "Tops", 999, "Candles");
        float[] vector = {1, 0};

        ItemVectors dress = MarylandData.item("55", new MarylandOutfitReader.Item(2, "silk dress", 4), categories,
                NameText.NAME, Map.of("silk dress", vector));
        ItemVectors candle = MarylandData.item("55", new MarylandOutfitReader.Item(3, null, 999), categories,
                NameText.NAME, Map.of());
        ItemVectors unknown = MarylandData.item("55", new MarylandOutfitReader.Item(4, "x", 12345), categories,
                NameText.NAME, Map.of());

        assertEquals("pv-55_2", dress.id());
        assertEquals("dress", dress.type());
        assertEquals("Day Dresses", dress.category());
        assertEquals(vector, dress.features().get(ItemVectors.TEXT));
        assertEquals("other", candle.type());
        assertTrue(candle.features().isEmpty());
        assertEquals("id:12345", unknown.category());
        assertNull(unknown.features().get(ItemVectors.TEXT));
    }

    @Test
    void shouldLookUpTheNameAndCategoryAsTheSearchTextJoinsThemInTheItemTextForm() {
        Map<Integer, String> categories = Map.of(4, "Day Dresses", 999, "Candles");
        float[] vector = {0, 1};

        ItemVectors dress = MarylandData.item("55", new MarylandOutfitReader.Item(2, "silk dress", 4), categories,
                NameText.ITEM_TEXT, Map.of("silk dress. Day Dresses", vector, "silk dress", new float[] {1, 0}));
        ItemVectors unnamed = MarylandData.item("55", new MarylandOutfitReader.Item(3, null, 999), categories,
                NameText.ITEM_TEXT, Map.of("Candles", vector));

        assertEquals(vector, dress.features().get(ItemVectors.TEXT));
        assertEquals("silk dress. Day Dresses", NameText.ITEM_TEXT.of("silk dress", "Day Dresses"));
        assertEquals("silk dress", NameText.NAME.of("silk dress", "Day Dresses"));
        assertTrue(unnamed.features().isEmpty(), "an item without a name has no text feature in either form");
        assertEquals(NameText.ITEM_TEXT, NameText.ofModel(Map.of(NameText.PARAMETER, "item-text")));
        assertEquals(NameText.NAME, NameText.ofModel(Map.of()));
    }

    @Test
    void shouldReadTheSharedMarylandFilesAndHoldOutAboutAThirdOfTheNamedOutfits() throws IOException {
        Path folder = SharedDataset.folder(MarylandData.FOLDER);

        MarylandData.Loaded test = MarylandData.load(folder, null, MarylandData.Holdout.TEST, List.of(), null, null);
        MarylandData.Loaded dev = MarylandData.load(folder, null, MarylandData.Holdout.DEV, List.of(), null, null);

        assertEquals(1198, test.trainNamed().size() + test.heldOut().size());
        assertEquals(15_870, test.trainCategoryOnly().size());
        assertEquals(2697, test.testCategoryOnly().size());
        assertEquals(0.3, test.heldOut().size() / 1198.0, 0.04);
        assertEquals(1198 - test.heldOut().size(), dev.trainNamed().size() + dev.heldOut().size());
        assertTrue(dev.heldOut().stream().noneMatch(o -> test.heldOut().stream().anyMatch(t -> t.id().equals(o.id()))));
        assertFalse(test.heldOut().get(0).items().get(0).type().isBlank());
    }

    @Test
    void shouldHoldOutTheDevSliceAndTrainOnTheTestSliceForTheServedModel() throws IOException {
        Path folder = SharedDataset.folder(MarylandData.FOLDER);

        MarylandData.Loaded dev = MarylandData.load(folder, null, MarylandData.Holdout.DEV, List.of(), null, null);
        MarylandData.Loaded serving = MarylandData.load(folder, null, MarylandData.Holdout.SERVING, List.of(), null,
                null);

        assertEquals(dev.heldOut().stream().map(OutfitRecord::id).toList(),
                serving.heldOut().stream().map(OutfitRecord::id).toList(), "the same dev slice");
        assertEquals(1198 - serving.heldOut().size(), serving.trainNamed().size(), "every other named outfit");
        java.util.Set<String> held = new java.util.HashSet<>(serving.heldOut().stream().map(OutfitRecord::id).toList());
        assertTrue(serving.trainNamed().stream().noneMatch(o -> held.contains(o.id())));
    }
}
