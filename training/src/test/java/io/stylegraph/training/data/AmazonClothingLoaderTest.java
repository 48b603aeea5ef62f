package io.stylegraph.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmazonClothingLoaderTest {

    static void writeGzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A miniature amazon-clothing folder: two users, four items. */
    static void writeMiniature(Path root) throws IOException {
        Path dir = root.resolve("amazon-clothing");
        writeGzip(dir.resolve("interactions.csv.gz"), """
                user_id,item_id,position
                U1,A,0
                U1,B,1
                U1,C,2
                U2,B,0
                U2,D,1
                U2,A,2
                """);
        writeGzip(dir.resolve("split.csv.gz"), """
                user_id,item_id,split
                U1,A,train
                U1,B,valid
                U1,C,test
                U2,B,train
                U2,D,valid
                U2,A,test
                """);
    }

    @Test
    void shouldLoadTheFixedSplit(@TempDir Path root) throws IOException {
        writeMiniature(root);

        Dataset d = new AmazonClothingLoader().load(root);

        assertEquals("amazon-clothing", d.name());
        assertEquals(2, d.numUsers());
        assertEquals(4, d.numItems());
        assertEquals(6, d.numLikes());
        int u1 = d.users().find("U1").orElseThrow();
        int u2 = d.users().find("U2").orElseThrow();
        assertTrue(d.split().train().contains(u1, d.items().find("A").orElseThrow()));
        assertTrue(d.split().valid().contains(u2, d.items().find("D").orElseThrow()));
        assertTrue(d.split().test().contains(u2, d.items().find("A").orElseThrow()));
        assertEquals(0, d.dislikes().nnz());
    }

    @Test
    void shouldRefuseASplitFileThatDoesNotMatchTheInteractions(@TempDir Path root) throws IOException {
        writeMiniature(root);
        writeGzip(root.resolve("amazon-clothing/split.csv.gz"), """
                user_id,item_id,split
                U1,A,train
                U1,C,valid
                """);

        assertThrows(IllegalStateException.class, () -> new AmazonClothingLoader().load(root));
    }

    @Test
    void shouldReadEachItemsCategoriesAndBrandAsTerms(@TempDir Path root) throws IOException {
        writeMiniature(root);
        writeGzip(root.resolve("amazon-clothing/items.csv.gz"), """
                item_id,brand,categories
                A,Columbia,"Clothing, Shoes & Jewelry|Men|Shorts"
                B,,"Clothing, Shoes & Jewelry|Women|Scarves & Wraps"
                Z,Nobody,"Clothing, Shoes & Jewelry|Women"
                C,"Levi""s",Clothing|Jeans
                """);

        Dataset d = new AmazonClothingLoader().load(root);

        assertTrue(d.hasItemTerms());
        assertEquals(java.util.List.of("category:Clothing, Shoes & Jewelry", "category:Men", "category:Shorts",
                "brand:Columbia"), d.itemTerms().get(d.items().find("A").orElseThrow()));
        assertEquals(java.util.List.of("category:Clothing, Shoes & Jewelry", "category:Women",
                "category:Scarves & Wraps"), d.itemTerms().get(d.items().find("B").orElseThrow()));
        assertEquals(java.util.List.of("category:Clothing", "category:Jeans", "brand:Levi\"s"),
                d.itemTerms().get(d.items().find("C").orElseThrow()));
        assertEquals(java.util.List.of(), d.itemTerms().get(d.items().find("D").orElseThrow()),
                "an item the file does not name has no terms");
    }

    @Test
    void shouldLoadWithoutTermsWhenTheItemsFileIsAbsent(@TempDir Path root) throws IOException {
        writeMiniature(root);

        assertTrue(new AmazonClothingLoader().load(root).itemTerms().isEmpty());
    }

    @Test
    void shouldRefuseAnItemsFileThatNamesAnItemTwiceOrBreaksItsQuotes(@TempDir Path root) throws IOException {
        writeMiniature(root);
        writeGzip(root.resolve("amazon-clothing/items.csv.gz"), "item_id,brand,categories\nA,,Men\nA,,Women\n");
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> new AmazonClothingLoader().load(root));
        assertTrue(twice.getMessage().contains("line 3"), twice.getMessage());

        writeGzip(root.resolve("amazon-clothing/items.csv.gz"), "item_id,brand,categories\nA,,\"Men|Shorts\n");
        IllegalStateException quotes = assertThrows(IllegalStateException.class,
                () -> new AmazonClothingLoader().load(root));
        assertTrue(quotes.getMessage().contains("line 2"), quotes.getMessage());
    }
}
