package io.stylegraph.api.looks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * A catalogue drawn here for shop the look: red and blue tops, red and blue trousers, black and white shoes, each for
 * women and men, plus unisex white shoes; and a street photo of a figure in a red top, blue trousers and black shoes.
 */
final class LookCatalogue {
    static final Color RED = new Color(200, 30, 40);
    static final Color BLUE = new Color(30, 50, 160);
    static final Color BLACK = new Color(20, 20, 20);
    static final Color WHITE = new Color(235, 235, 235);

    private LookCatalogue() {
    }

    static void load(GraphDatabase graph) {
        graph.runAutoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", Map.of());
        Path folder;
        try {
            folder = Files.createTempDirectory("look-catalogue");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Item> items = new ArrayList<>();
        for (Gender gender : List.of(Gender.WOMEN, Gender.MEN)) {
            String g = gender.wireName();
            items.add(item(folder, "red-top-" + g, Slot.TOP, gender, RED));
            items.add(item(folder, "blue-top-" + g, Slot.TOP, gender, BLUE));
            items.add(item(folder, "red-trousers-" + g, Slot.BOTTOM, gender, RED));
            items.add(item(folder, "blue-trousers-" + g, Slot.BOTTOM, gender, BLUE));
            items.add(item(folder, "black-shoes-" + g, Slot.SHOES, gender, BLACK));
            items.add(item(folder, "white-shoes-" + g, Slot.SHOES, gender, WHITE));
        }
        items.add(item(folder, "white-shoes-unisex", Slot.SHOES, Gender.UNISEX, WHITE));
        try {
            new GraphImporter(graph).importFrom(new CatalogueSource() {
                @Override
                public String name() {
                    return "look-test";
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

    private static Item item(Path folder, String id, Slot slot, Gender gender, Color paint) {
        Path file = folder.resolve(id + ".png");
        try {
            Files.write(file, encode(product(slot, paint), "png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Item(id, id.replace('-', ' '), null, slot.wireName(), slot, gender, null, Map.of(),
                file.toString(), "look-test");
    }

    /** A product shot: the garment's colour filling most of a white frame. */
    static BufferedImage product(Slot slot, Color paint) {
        BufferedImage image = new BufferedImage(96, 128, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 128);
        g.setColor(paint);
        switch (slot) {
            case TOP -> g.fillRect(16, 16, 64, 96);
            case BOTTOM -> {
                g.fillRect(24, 8, 48, 20);
                g.fillRect(24, 8, 20, 112);
                g.fillRect(52, 8, 20, 112);
            }
            default -> g.fillRect(8, 60, 80, 30);
        }
        g.dispose();
        return image;
    }

    /** A street photo: pavement and wall, a figure with a head, red top, blue trousers and black shoes. */
    static BufferedImage streetPhoto(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y++) {
            int base = y < height * 0.6 ? 170 : 120;
            for (int x = 0; x < width; x++) {
                int v = base + ((x * 7 + y * 13) % 11) - 5;
                image.setRGB(x, y, new Color(v, v, v + 8).getRGB());
            }
        }
        int unit = height / 20;
        int c = width / 2;
        g.setColor(new Color(224, 172, 140));
        g.fillRect(c - unit, 2 * unit, 2 * unit, 2 * unit);
        g.setColor(RED);
        g.fillRect(c - 3 * unit, 4 * unit, 6 * unit, 6 * unit);
        g.setColor(BLUE);
        g.fillRect(c - 2 * unit, 10 * unit, 4 * unit, 7 * unit);
        g.setColor(BLACK);
        g.fillRect(c - 2 * unit, 17 * unit, 4 * unit, unit);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
