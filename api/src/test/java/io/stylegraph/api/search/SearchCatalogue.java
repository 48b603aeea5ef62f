package io.stylegraph.api.search;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.neo4j.GraphDatabase;

/**
 * A small catalogue with real product pictures drawn here: red, blue and green tops (a shirt outline) and shoes (a low
 * wedge), for women and men, plus one item without a picture.
 */
final class SearchCatalogue {
    static final Color RED = new Color(210, 25, 30);
    static final Color BLUE = new Color(25, 45, 200);
    static final Color GREEN = new Color(30, 160, 60);

    static final List<String> WITH_IMAGES = List.of("red-top-1", "red-top-2", "blue-top-1", "blue-top-2",
            "green-top-1", "red-shoes-1", "blue-shoes-1", "red-shoes-2");

    private SearchCatalogue() {
    }

    static void load(GraphDatabase graph) {
        graph.runAutoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", Map.of());
        Path folder;
        try {
            folder = Files.createTempDirectory("search-catalogue");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Item> items = List.of(
                item(folder, "red-top-1", "Red cotton shirt", Slot.TOP, Gender.WOMEN, "Red", RED),
                item(folder, "red-top-2", "Scarlet linen blouse", Slot.TOP, Gender.WOMEN, "Red", RED),
                item(folder, "blue-top-1", "Navy blue polo shirt", Slot.TOP, Gender.MEN, "Blue", BLUE),
                item(folder, "blue-top-2", "Blue denim shirt", Slot.TOP, Gender.WOMEN, "Blue", BLUE),
                item(folder, "green-top-1", "Green hoodie", Slot.TOP, Gender.MEN, "Green", GREEN),
                item(folder, "red-shoes-1", "Red leather sneakers", Slot.SHOES, Gender.MEN, "Red", RED),
                item(folder, "blue-shoes-1", "Blue running shoes", Slot.SHOES, Gender.MEN, "Blue", BLUE),
                item(folder, "red-shoes-2", "Red suede loafers", Slot.SHOES, Gender.WOMEN, "Red", RED),
                new Item("words-only", "Yellow woollen scarf", "A warm scarf", "Scarves", Slot.ACCESSORY,
                        Gender.WOMEN, "Yellow", Map.of(), null, "search-test"));
        try {
            new GraphImporter(graph).importFrom(new CatalogueSource() {
                @Override
                public String name() {
                    return "search-test";
                }

                @Override
                public void read(ImportSink sink) {
                    items.forEach(sink::item);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Item item(Path folder, String id, String title, Slot slot, Gender gender, String colour,
                             Color paint) {
        Path file = folder.resolve(id + ".png");
        try {
            Files.write(file, png(picture(slot, paint)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Item(id, title, null, slot == Slot.TOP ? "Shirts" : "Shoes", slot, gender, colour, Map.of(),
                file.toString(), "search-test");
    }

    /** A garment silhouette in the given colour on white: a shirt for tops, a shoe for everything else. */
    static BufferedImage picture(Slot slot, Color paint) {
        BufferedImage image = new BufferedImage(96, 128, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 128);
        g.setColor(paint);
        if (slot == Slot.TOP) {
            g.fillRect(28, 20, 40, 90);
            g.fillPolygon(new int[] {28, 8, 16, 28}, new int[] {20, 50, 58, 40}, 4);
            g.fillPolygon(new int[] {68, 88, 80, 68}, new int[] {20, 50, 58, 40}, 4);
        } else {
            g.fillPolygon(new int[] {10, 50, 86, 86, 10}, new int[] {70, 70, 90, 104, 104}, 5);
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
