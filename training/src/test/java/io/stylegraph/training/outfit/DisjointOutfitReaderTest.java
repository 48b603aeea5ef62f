package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.stylegraph.training.outfit.DisjointRows.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisjointOutfitReaderTest {


    @Test
    void shouldReadRowsAndMapItemIndicesToItemIds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("test_pos");
        Files.writeString(file, row(new int[] {8, 10, 3}, new int[] {1, 0, 0}) + "\n"
                + row(new int[] {2, 10}, new int[] {0, 1}) + "\n");
        List<List<String>> ids = List.of(List.of("acc0"), List.of("ab0"), List.of("bag0"), List.of("bot0"),
                List.of(), List.of(), List.of(), List.of(), List.of("shoe0", "shoe1"), List.of(),
                List.of("top0", "top1"));

        List<DisjointOutfitReader.Row> rows = DisjointOutfitReader.read(file);
        List<OutfitRecord> outfits = DisjointData.read(file, ids);

        assertEquals(2, rows.size());
        assertArrayEquals(new int[] {8, 10, 3}, rows.get(0).categories());
        assertArrayEquals(new int[] {1, 0, 0}, rows.get(0).indices());
        assertEquals(List.of("shoe1", "top0", "bot0"), outfits.get(0).items().stream().map(ItemVectors::id).toList());
        assertEquals(List.of("shoes", "tops", "bottoms"),
                outfits.get(0).items().stream().map(ItemVectors::type).toList());
        assertEquals("test_pos:2", outfits.get(1).id());
        assertEquals(List.of("2/0", "10/1"), DisjointData.read(file, null).get(1).items().stream()
                .map(ItemVectors::id).toList());
    }

    @Test
    void shouldNameFileAndLineOfABadRow(@TempDir Path dir) throws IOException {
        String good = row(new int[] {8, 10}, new int[] {1, 0});
        assertBadRow(dir, good + "\n0,2,1,0\n", "test_neg:2: expected 34 fields, found 4");
        assertBadRow(dir, good + "\n" + good.replaceFirst("^0,2,1", "0,2,x") + "\n",
                "test_neg:2: field 3 is not an integer");
        assertBadRow(dir, good.replaceFirst("^0,2", "0,1") + "\n", "test_neg:1: slot 2 after the 1 items is not -1");
        assertBadRow(dir, row(new int[] {11}, new int[] {0}) + "\n", "test_neg:1: item 1 has index 0 and category 11");
        assertBadRow(dir, good.replaceFirst("^0,2", "0,0") + "\n", "test_neg:1: item count 0 is outside 1..16");
    }

    private static void assertBadRow(Path dir, String content, String expected) throws IOException {
        Path file = dir.resolve("test_neg");
        Files.writeString(file, content);
        OutfitFileException error = assertThrows(OutfitFileException.class, () -> DisjointOutfitReader.read(file));
        assertTrue(error.getMessage().startsWith(expected), error.getMessage());
        assertEquals(expected.substring(expected.indexOf(':') + 1, expected.indexOf(':', expected.indexOf(':') + 1)),
                Long.toString(error.line()));
    }

    @Test
    void shouldRejectAnItemIndexOutsideItsCategory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("valid_pos");
        Files.writeString(file, row(new int[] {10}, new int[] {5}) + "\n");
        List<List<String>> ids = List.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of("top0"));

        OutfitFileException error = assertThrows(OutfitFileException.class, () -> DisjointData.read(file, ids));
        assertTrue(error.getMessage().startsWith("valid_pos:1: item index 5 is outside category tops"),
                error.getMessage());
    }

    @Test
    void shouldReadTheSharedTestFilesWhoseNegativesKeepThePositivesCategories() throws IOException {
        Path folder = SharedDataset.folder(DisjointData.FOLDER);

        List<List<String>> ids = DisjointData.itemIds(folder);
        DisjointData.Split test = DisjointData.split(folder, "test", ids);

        assertEquals(11, ids.size());
        assertEquals(152_785, ids.stream().mapToInt(List::size).sum());
        assertEquals(15_145, test.positives().size());
        assertEquals(15_145, test.negatives().size());
        assertEquals(15_145, DisjointData.sameTypeSequence(test.positives(), test.negatives()));
    }
}
