package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word overlap blend a served model carries: its file form and how the serving index applies it. */
class WordBlendTest {

    private static final String[] WORDS = {"black lace", "zanotti", "silk", "ferragamo gold", "red", "denim"};

    /** Toy outfits with names: each item gets two of a few words, so some pairs share words and some do not. */
    static List<OutfitRecord> named(String prefix, int count, long seed) {
        List<OutfitRecord> outfits = new ArrayList<>();
        for (OutfitRecord outfit : TextCategoryBlendTest.toyWithCategories(prefix, count, seed)) {
            List<ItemVectors> items = new ArrayList<>();
            int i = 0;
            for (ItemVectors item : outfit.items()) {
                int k = Math.floorMod(outfit.id().hashCode() + i++, WORDS.length);
                items.add(item.withWords(WORDS[k] + " " + item.type()));
            }
            outfits.add(new OutfitRecord(outfit.id(), items));
        }
        return outfits;
    }

    static TypeAwareModel withBothBlends() {
        List<OutfitRecord> train = named("t", 60, 1);
        return TextCategoryBlendTest.blended().withWordBlend(new TypeAwareModel.WordBlend(
                WordOverlap.fitOutfits(train), 4.0));
    }

    static List<ItemVectors> pool() {
        List<ItemVectors> items = new ArrayList<>();
        named("c", 6, 9).forEach(outfit -> items.addAll(outfit.items()));
        items.add(ItemVectors.of("no-words", "shoes", null));
        items.add(ItemVectors.of("unseen-words", "top", null).withWords("vintage zanotti"));
        return items;
    }

    @Test
    void shouldServeTheTypeAwareScorePlusBothBlends() {
        TypeAwareModel model = withBothBlends();
        List<ItemVectors> items = pool();

        CompatibilityIndex index = CompatibilityIndex.build(model, items);

        TextCategoryBlendTest.assertServesAs(model.served(), index, items);
        CompatibilityIndex withoutWords = CompatibilityIndex.build(model.withWordBlend(null), items);
        int[] sharing = sharingPair(items);
        assertNotEquals(withoutWords.pairScore(sharing[0], sharing[1]), index.pairScore(sharing[0], sharing[1]), 1e-3,
                "the words move the score of items that share one");
        CompatibilityIndex.WordSummary summary = index.wordBlend().orElseThrow();
        assertEquals(4.0, summary.weight());
        assertEquals(items.size() - 1, summary.itemsWithWords());
        assertTrue(withoutWords.wordBlend().isEmpty());
    }

    private static int[] sharingPair(List<ItemVectors> items) {
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                if (items.get(a).words().stream().anyMatch(items.get(b).words()::contains)) {
                    return new int[] {a, b};
                }
            }
        }
        throw new AssertionError("no two items share a word");
    }

    @Test
    void shouldServeTheWordBlendWithoutTheCategoryBlend() {
        TypeAwareModel model = withBothBlends().withTextCategoryBlend(null);
        List<ItemVectors> items = pool();

        CompatibilityIndex index = CompatibilityIndex.build(model, items);

        assertFalse(index.blended());
        TextCategoryBlendTest.assertServesAs(model.served(), index, items);
    }

    @Test
    void shouldScoreManyPartialOutfitsInARowOnOneThreadAsEachAlone() {
        // the index keeps one scratch table per thread: a query must leave nothing behind for the next
        TypeAwareModel model = withBothBlends();
        List<ItemVectors> items = pool();
        CompatibilityIndex index = CompatibilityIndex.build(model, items);
        int[] candidates = {5, 6, 7, 8, items.size() - 1};
        float[] first = new float[candidates.length];
        index.candidateScores(new int[] {0, 1}, candidates, first);
        float[] other = new float[candidates.length];
        index.candidateScores(new int[] {2, 3, 4}, candidates, other);
        float[] again = new float[candidates.length];
        index.candidateScores(new int[] {0, 1}, candidates, again);

        for (int c = 0; c < candidates.length; c++) {
            assertEquals(first[c], again[c], 1e-6, "candidate " + c);
        }
    }

    @Test
    void shouldKeepTheWordBlendThroughASaveAndLoad(@TempDir Path dir) throws IOException {
        TypeAwareModel model = withBothBlends();
        Path file = dir.resolve("words.sgoutfit");

        model.save(file);
        TypeAwareModel loaded = TypeAwareModel.load(file);

        TypeAwareModel.WordBlend words = loaded.wordBlend().orElseThrow();
        assertEquals(4.0, words.weight());
        assertEquals(model.wordBlend().orElseThrow().overlap().frequencies(), words.overlap().frequencies());
        assertEquals(model.wordBlend().orElseThrow().overlap().documents(), words.overlap().documents());
        assertTrue(loaded.textCategoryBlend().isPresent());
        List<ItemVectors> items = pool();
        TextCategoryBlendTest.assertServesAs(model.served(), CompatibilityIndex.build(loaded, items), items);
    }

    @Test
    void shouldWriteNoWordBlendForAModelWithoutOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.sgoutfit");

        withBothBlends().withWordBlend(null).save(file);

        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                .contains(TypeAwareModelFile.WORDS), "older builds read the same header");
        assertTrue(TypeAwareModel.load(file).wordBlend().isEmpty());
    }

    @Test
    void shouldRefuseAModelFileWhoseWordFrequenciesCannotBeRight(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("words.sgoutfit");
        withBothBlends().save(file);
        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = header.indexOf("\"documents\":");
        assertTrue(at > 0);
        // "documents":N with N replaced by 0 and spaces (same length): every frequency now exceeds it
        int end = at + "\"documents\":".length();
        bytes[end++] = '0';
        while (Character.isDigit(bytes[end])) {
            bytes[end++] = ' ';
        }
        Files.write(file, bytes);

        IOException refused = assertThrows(IOException.class, () -> TypeAwareModel.load(file));
        assertTrue(refused.getMessage().contains(TypeAwareModelFile.WORDS), refused.getMessage());
    }

    @Test
    void shouldRefuseANegativeWeight() {
        WordOverlap overlap = WordOverlap.fit(List.of(List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new TypeAwareModel.WordBlend(overlap, -1));
        assertThrows(IllegalArgumentException.class, () -> new TypeAwareModel.WordBlend(overlap, Double.NaN));
    }
}
