package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TypeAwareVocabularyTest {

    private static final List<OutfitRecord> OUTFITS = List.of(
            new OutfitRecord("o1", List.of(
                    new ItemVectors("t1", "top", "Tops", Map.of("text", new float[] {1, 2})),
                    new ItemVectors("s1", "shoes", "Pumps", Map.of("price", new float[] {3})))),
            new OutfitRecord("o2", List.of(
                    new ItemVectors("b1", "bottom", "Jeans", Map.of("text", new float[] {4, 5},
                            "price", new float[] {6})),
                    ItemVectors.of("x1", "other", null))));

    @Test
    void shouldCollectSortedVocabulariesAndPlaceEachFeatureAtItsOffset() {
        TypeAwareVocabulary vocabulary = TypeAwareVocabulary.of(OUTFITS, true);

        assertEquals(List.of("bottom", "other", "shoes", "top"), vocabulary.types);
        assertEquals(List.of("Jeans", "Pumps", "Tops"), vocabulary.categories);
        assertEquals(List.of("b1", "s1", "t1", "x1"), vocabulary.itemIds);
        assertEquals(List.of(new FeatureSpec("price", 1), new FeatureSpec("text", 2)), vocabulary.features);
        assertEquals(3, vocabulary.contentDimension);
        assertEquals(10, vocabulary.pairs());

        TypeAwareModel.Encoded bottom = vocabulary.encode(OUTFITS.get(1).items().get(0));
        assertEquals(0, bottom.type());
        assertEquals(0, bottom.category());
        assertEquals(0, bottom.item());
        assertArrayEquals(new float[] {6, 4, 5}, bottom.content());
        assertEquals(0b11, vocabulary.featureBits(bottom));
        assertEquals(0b01, vocabulary.featureBits(vocabulary.encode(OUTFITS.get(0).items().get(1))));
    }

    @Test
    void shouldLeaveUnknownCategoriesAndIdsAbsentAndReadUnknownTypesAsOther() {
        TypeAwareVocabulary vocabulary = TypeAwareVocabulary.of(OUTFITS, false);

        TypeAwareModel.Encoded hat = vocabulary.encode(new ItemVectors("new", "hat", "Hats",
                Map.of("colour", new float[] {1})));

        assertEquals(1, hat.type(), "an unknown type is 'other'");
        assertEquals(-1, hat.category());
        assertEquals(-1, hat.item(), "no item ids collected");
        assertNull(hat.content(), "a feature the model does not read is ignored");
        assertEquals(0, vocabulary.featureBits(hat));
        assertEquals(vocabulary.pairIndex(1, 3), vocabulary.pairIndex(3, 1));
        assertEquals(vocabulary.pairs() - 1, vocabulary.pairIndex(3, 3));
    }

    @Test
    void shouldRefuseAFeatureWhoseDimensionDiffersBetweenItems() {
        List<OutfitRecord> clash = List.of(new OutfitRecord("o", List.of(
                new ItemVectors("a", "top", null, Map.of("text", new float[2])),
                new ItemVectors("b", "bottom", null, Map.of("text", new float[3])))));

        assertThrows(IllegalArgumentException.class, () -> TypeAwareVocabulary.of(clash, false));
        TypeAwareVocabulary noOther = new TypeAwareVocabulary(List.of("top"), List.of(), List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> noOther.encode(ItemVectors.of("h", "hat", null)));
    }
}
