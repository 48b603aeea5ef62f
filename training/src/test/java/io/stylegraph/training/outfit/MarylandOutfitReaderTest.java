package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarylandOutfitReaderTest {

    @Test
    void shouldReadNamedOutfitsWithEmptyNamesAsNoName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outfits-valid.jsonl");
        Files.writeString(file, """
                {"set_id":"101","likes":3,"views":9,"items":[{"index":1,"name":"red tee","price":9.5,"likes":1,"category_id":21,"image_url":"x"},{"index":3,"name":"","price":null,"likes":0,"category_id":27,"image_url":"y"}]}

                {"set_id":102,"split":"test","items":[{"index":2,"name":" blue jeans ","category_id":"27"}]}
                """);

        List<MarylandOutfitReader.Outfit> outfits = MarylandOutfitReader.read(file);

        assertEquals(2, outfits.size());
        assertEquals("101", outfits.get(0).setId());
        assertEquals(new MarylandOutfitReader.Item(1, "red tee", 21), outfits.get(0).items().get(0));
        assertNull(outfits.get(0).items().get(1).name());
        assertNull(outfits.get(0).split());
        assertEquals("102", outfits.get(1).setId());
        assertEquals("test", outfits.get(1).split());
        assertEquals(new MarylandOutfitReader.Item(2, "blue jeans", 27), outfits.get(1).items().get(0));
    }

    @Test
    void shouldReadCategoryOnlyOutfits(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outfits-train-categories.jsonl");
        Files.writeString(file, """
                {"set_id":"214181831","items":[{"index":1,"category_id":4495},{"index":2,"category_id":25}]}
                """);

        List<MarylandOutfitReader.Outfit> outfits = MarylandOutfitReader.read(file);

        assertEquals(List.of(new MarylandOutfitReader.Item(1, null, 4495), new MarylandOutfitReader.Item(2, null, 25)),
                outfits.get(0).items());
    }

    @Test
    void shouldNameFileAndLineOfABadLine(@TempDir Path dir) throws IOException {
        assertBadLine(dir, "{\"set_id\":\"1\",\"items\":[{\"index\":1,\"category_id\":2}]}\n{\"set_id\": oops}\n",
                "outfits.jsonl:2: malformed JSON");
        assertBadLine(dir, "\n\n{\"set_id\":\"7\",\"items\":[{\"index\":1,\"category_id\":2},{\"index\":2}]}\n",
                "outfits.jsonl:3: item 2 of outfit 7 has no category_id");
        assertBadLine(dir, "{\"items\":[]}\n", "outfits.jsonl:1: missing set_id");
        assertBadLine(dir, "{\"set_id\":\"8\",\"items\":[]}\n", "outfits.jsonl:1: outfit 8 has no items");
        assertBadLine(dir, "[1,2]\n", "outfits.jsonl:1: not a JSON object");
        assertBadLine(dir, "{\"set_id\":\"9\",\"items\":[{\"index\":\"first\",\"category_id\":2}]}\n",
                "outfits.jsonl:1: item 1 of outfit 9 has a index that is not an integer");
    }

    private static void assertBadLine(Path dir, String content, String expected) throws IOException {
        Path file = dir.resolve("outfits.jsonl");
        Files.writeString(file, content);
        OutfitFileException error = assertThrows(OutfitFileException.class, () -> MarylandOutfitReader.read(file));
        assertTrue(error.getMessage().startsWith(expected), error.getMessage());
        assertEquals("outfits.jsonl", error.file());
    }

    @Test
    void shouldReadCategoryNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("categories.csv");
        Files.writeString(file, "id,name\n4,Day Dresses\n27,\"Jeans, Skinny\"\n\n");

        Map<Integer, String> categories = MarylandOutfitReader.readCategories(file);

        assertEquals(Map.of(4, "Day Dresses", 27, "Jeans, Skinny"), categories);
        Files.writeString(file, "id,name\nfour,Day Dresses\n");
        OutfitFileException error = assertThrows(OutfitFileException.class,
                () -> MarylandOutfitReader.readCategories(file));
        assertTrue(error.getMessage().startsWith("categories.csv:2:"), error.getMessage());
    }
}
