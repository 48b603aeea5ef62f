package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny amazon-clothing folder written by a test: two users' sequences with their split and, when asked for, an
 * {@code items.csv.gz} whose lines 2 to 5 describe items A1 to A4 and whose lines 6 to 10 are bad rows.
 */
public final class AmazonFolder {
    public static final String INTERACTIONS = """
            user_id,item_id,position
            U1,A1,0
            U1,A2,1
            U1,A3,2
            U2,A1,0
            U2,A4,1
            U2,A5,2
            """;
    public static final String SPLIT = """
            user_id,item_id,split
            U1,A1,train
            U1,A2,valid
            U1,A3,test
            U2,A1,train
            U2,A4,valid
            U2,A5,test
            """;
    public static final String ITEMS = """
            item_id,brand,categories
            A1,Levi&#39;s,"Clothing, Shoes & Jewelry|Women|Clothing|Jeans"
            A2,,"Clothing, Shoes & Jewelry|Men|Shoes|Fashion Sneakers|S"
            A3,,"Clothing, Shoes & Jewelry|Women|Men|Novelty|Costumes"
            A4,,"Clothing, Shoes & Jewelry|Women|Intimates|Tops"
            ,Nike,"Clothing, Shoes & Jewelry|Shoes"
            A9,,"Clothing, Shoes & Jewelry|Shoes"
            A1,,"Clothing, Shoes & Jewelry|Men"
            A5,Acme,
            A5,Acme
            """;

    private AmazonFolder() {
    }

    /** Writes the folder; {@code items} is the content of items.csv.gz, or null to leave that file out. */
    public static Path write(Path folder, String items) {
        try {
            gzip(folder.resolve("interactions.csv.gz"), INTERACTIONS);
            gzip(folder.resolve("split.csv.gz"), SPLIT);
            if (items != null) {
                gzip(folder.resolve("items.csv.gz"), items);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
