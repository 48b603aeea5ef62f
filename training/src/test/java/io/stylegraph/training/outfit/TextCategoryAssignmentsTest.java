package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.stylegraph.models.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving index's text-category file: read back, recomputed where the input changed, never trusted blindly. */
class TextCategoryAssignmentsTest {

    private static final TypeAwareModel MODEL = TextCategoryBlendTest.blended();

    private static TextCategoryCooccurrence categories(TypeAwareModel model) {
        return model.textCategoryBlend().orElseThrow().cooccurrence();
    }

    private static int withText(List<ItemVectors> items) {
        return (int) items.stream().filter(item -> item.features().containsKey(ItemVectors.TEXT)).count();
    }

    /** The category index by definition: the largest dot product with a centroid, the first of equals. */
    private static int nearestByDefinition(TextCategoryCooccurrence model, float[] text) {
        int best = -1;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < model.centroids().size(); c++) {
            double dot = Vectors.dot(model.centroids().get(c), text);
            if (dot > bestDot) {
                best = c;
                bestDot = dot;
            }
        }
        return best;
    }

    @Test
    void shouldGuessTheCategoryWhoseCentroidHasTheLargestDotProduct() {
        TextCategoryCooccurrence model = categories(MODEL);
        List<ItemVectors> items = TextCategoryBlendTest.pool();

        int[] assigned = TextCategoryAssignments.assign(model, items, null).categories();

        assertTrue(model.centroids().size() > 3, "enough categories to pick among: " + model.categoryNames());
        for (int row = 0; row < items.size(); row++) {
            float[] text = items.get(row).features().get(ItemVectors.TEXT);
            assertEquals(text == null ? -1 : nearestByDefinition(model, text), assigned[row], "row " + row);
        }
    }

    @Test
    void shouldReadEveryCategoryBackOnTheNextBuildAndServeTheSameScores(@TempDir Path dir) {
        Path file = dir.resolve("categories.bin");
        List<ItemVectors> items = TextCategoryBlendTest.pool();

        CompatibilityIndex first = CompatibilityIndex.build(MODEL, items, file);
        CompatibilityIndex second = CompatibilityIndex.build(MODEL, items, file);

        TextCategoryAssignments.Outcome computed = first.categoryAssignment().orElseThrow();
        assertEquals(0, computed.restored());
        assertEquals(withText(items), computed.computed());
        assertTrue(computed.written() && Files.isRegularFile(file));
        TextCategoryAssignments.Outcome restored = second.categoryAssignment().orElseThrow();
        assertEquals(withText(items), restored.restored());
        assertEquals(0, restored.computed());
        assertFalse(restored.written(), "nothing new: the file stays as it is");
        TextCategoryBlendTest.assertServesAs(MODEL.served(), second, items);
    }

    @Test
    void shouldComputeOnlyTheItemWhoseTextChanged(@TempDir Path dir) {
        Path file = dir.resolve("categories.bin");
        List<ItemVectors> items = new ArrayList<>(TextCategoryBlendTest.pool());
        TextCategoryCooccurrence model = categories(MODEL);
        TextCategoryAssignments.assign(model, items, file);
        ItemVectors changed = items.get(3);
        float[] otherText = items.stream().map(item -> item.features().get(ItemVectors.TEXT))
                .filter(text -> text != null && nearestByDefinition(model, text)
                        != nearestByDefinition(model, changed.features().get(ItemVectors.TEXT)))
                .findFirst().orElseThrow().clone();
        otherText[0] += 1e-3f; // words of its own, so a text vector no other item has
        items.set(3, changed.with(ItemVectors.TEXT, otherText));

        TextCategoryAssignments.Assigned again = TextCategoryAssignments.assign(model, items, file);

        assertEquals(1, again.outcome().computed());
        assertEquals(withText(items) - 1, again.outcome().restored());
        assertEquals(nearestByDefinition(model, otherText), again.categories()[3]);
        assertTrue(again.outcome().written());
        assertEquals(withText(items), TextCategoryAssignments.assign(model, items, file).outcome().restored(),
                "the new text's category is kept for the next build");
    }

    @Test
    void shouldComputeEveryCategoryAgainUnderAnotherModel(@TempDir Path dir) {
        Path file = dir.resolve("categories.bin");
        List<ItemVectors> items = TextCategoryBlendTest.pool();
        TextCategoryAssignments.assign(categories(MODEL), items, file);
        TextCategoryCooccurrence other = TextCategoryCooccurrence.fit(
                TextCategoryBlendTest.toyWithCategories("o", 60, 5));
        assertNotEquals(categories(MODEL).digest(), other.digest());

        TextCategoryAssignments.Assigned again = TextCategoryAssignments.assign(other, items, file);

        assertEquals(0, again.outcome().restored());
        assertEquals(withText(items), again.outcome().computed());
        for (int row = 0; row < items.size(); row++) {
            float[] text = items.get(row).features().get(ItemVectors.TEXT);
            assertEquals(text == null ? -1 : nearestByDefinition(other, text), again.categories()[row]);
        }
    }

    @Test
    void shouldComputeFromTheItemsWhenTheFileIsDamagedAndWriteItAfresh(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("categories.bin");
        List<ItemVectors> items = TextCategoryBlendTest.pool();
        TextCategoryCooccurrence model = categories(MODEL);
        int[] expected = TextCategoryAssignments.assign(model, items, file).categories();
        byte[] bytes = Files.readAllBytes(file);

        for (byte[] damaged : List.of(flipped(bytes, bytes.length / 2), Arrays.copyOf(bytes, bytes.length - 5),
                "not a categories file".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            Files.write(file, damaged);

            TextCategoryAssignments.Assigned again = TextCategoryAssignments.assign(model, items, file);

            assertEquals(0, again.outcome().restored());
            assertArrayEquals(expected, again.categories());
            assertTrue(again.outcome().written());
            assertEquals(withText(items), TextCategoryAssignments.assign(model, items, file).outcome().restored(),
                    "rewritten whole");
        }
    }

    @Test
    void shouldServeTheBlendWhenTheFileCannotBeWritten(@TempDir Path dir) throws IOException {
        Path notADirectory = dir.resolve("a-file");
        Files.writeString(notADirectory, "x");
        List<ItemVectors> items = TextCategoryBlendTest.pool();

        CompatibilityIndex index = CompatibilityIndex.build(MODEL, items, notADirectory.resolve("categories.bin"));

        assertFalse(index.categoryAssignment().orElseThrow().written());
        TextCategoryBlendTest.assertServesAs(MODEL.served(), index, items);
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x10;
        return copy;
    }
}
