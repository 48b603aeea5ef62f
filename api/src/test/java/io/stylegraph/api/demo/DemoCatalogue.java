package io.stylegraph.api.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.stylegraph.api.outfits.OutfitFixtures;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.ImportSink;

/**
 * The outfit tests' catalogue (real garment words, so the trained compatibility model applies) with a drawn product
 * photo per item, so the page shows pictures, search has visual vectors and try-on has a garment to cut out; and a
 * drawn photo of a person for shop the look and try-on.
 */
final class DemoCatalogue {
    static final Map<String, Color> PAINT = Map.of("white", new Color(240, 238, 232), "black", new Color(34, 34, 38),
            "navy", new Color(35, 48, 92), "beige", new Color(216, 195, 160), "red", new Color(192, 40, 47));

    private DemoCatalogue() {
    }

    /** The outfit fixture items (wearable ones only) with a photo each, written under {@code folder}. */
    static List<Item> items(Path folder) {
        return OutfitFixtures.items().stream()
                .filter(item -> item.slot() != Slot.OTHER)
                .map(item -> new Item(item.id(), item.title(), item.description(), item.category(), item.slot(),
                        item.gender(), item.colour(), item.attributes(), write(folder.resolve(item.id() + ".png"),
                        product(item)).toString(), "demo-test"))
                .toList();
    }

    static CatalogueSource source(List<Item> items) {
        return new CatalogueSource() {
            @Override
            public String name() {
                return "demo-test";
            }

            @Override
            public void read(ImportSink sink) {
                items.forEach(sink::item);
            }
        };
    }

    /** A studio shot: the garment's silhouette in its colour on a light backdrop. */
    static BufferedImage product(Item item) {
        BufferedImage image = new BufferedImage(240, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(250, 249, 246));
        g.fillRect(0, 0, 240, 300);
        Color paint = PAINT.getOrDefault(item.colour(), Color.GRAY);
        Shape shape = silhouette(item.slot(), item.gender());
        g.setColor(paint);
        g.fill(shape);
        g.setColor(paint.darker());
        g.setStroke(new BasicStroke(3));
        g.draw(shape);
        g.dispose();
        return image;
    }

    private static Shape silhouette(Slot slot, Gender gender) {
        return switch (slot) {
            case TOP -> polygon(70, 55, 100, 45, 140, 45, 170, 55, 208, 112, 182, 128, 166, 108, 166, 245, 74, 245,
                    74, 108, 58, 128, 32, 112);
            case OUTERWEAR -> polygon(66, 45, 104, 35, 136, 35, 174, 45, 212, 150, 186, 160, 172, 120, 176, 275,
                    64, 275, 68, 120, 54, 160, 28, 150);
            case BOTTOM -> gender == Gender.MEN
                    ? polygon(78, 35, 162, 35, 172, 275, 130, 275, 120, 110, 110, 275, 68, 275)
                    : polygon(80, 50, 160, 50, 170, 240, 70, 240);
            case DRESS -> polygon(98, 30, 142, 30, 150, 110, 196, 270, 44, 270, 90, 110);
            case SHOES -> {
                Area shoe = new Area(new RoundRectangle2D.Double(35, 190, 175, 45, 40, 40));
                shoe.add(new Area(new RoundRectangle2D.Double(35, 120, 60, 100, 20, 20)));
                yield shoe;
            }
            case BAG -> {
                Area bag = new Area(new RoundRectangle2D.Double(50, 120, 140, 125, 24, 24));
                Area handle = new Area(new Ellipse2D.Double(80, 60, 80, 110));
                handle.subtract(new Area(new Ellipse2D.Double(92, 72, 56, 86)));
                bag.add(handle);
                yield bag;
            }
            default -> {
                Area watch = new Area(new RoundRectangle2D.Double(104, 30, 32, 240, 10, 10));
                watch.add(new Area(new Ellipse2D.Double(75, 105, 90, 90)));
                yield watch;
            }
        };
    }

    private static Polygon polygon(int... points) {
        Polygon polygon = new Polygon();
        for (int i = 0; i < points.length; i += 2) {
            polygon.addPoint(points[i], points[i + 1]);
        }
        return polygon;
    }

    /** A person on a street: head, red top, navy trousers, black shoes. */
    static BufferedImage person() {
        int width = 400;
        int height = 600;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int y = 0; y < height; y++) {
            int v = y < height * 0.6 ? 176 : 122;
            g.setColor(new Color(v, v, v + 10));
            g.drawLine(0, y, width, y);
        }
        int unit = height / 20;
        int c = width / 2;
        g.setColor(new Color(224, 172, 140));
        g.fillOval(c - unit, unit, 2 * unit, 3 * unit);
        g.setColor(PAINT.get("red"));
        g.fillRect(c - 2 * unit, 4 * unit, 4 * unit, 6 * unit);
        g.fillRect(c - 3 * unit, 4 * unit, unit, 5 * unit);
        g.fillRect(c + 2 * unit, 4 * unit, unit, 5 * unit);
        g.setColor(PAINT.get("navy"));
        g.fillRect(c - 2 * unit, 10 * unit, 4 * unit / 2 - 4, 8 * unit);
        g.fillRect(c + 4, 10 * unit, 4 * unit / 2 - 4, 8 * unit);
        g.setColor(PAINT.get("black"));
        g.fillRect(c - 2 * unit - 6, 18 * unit, 2 * unit, unit);
        g.fillRect(c + 6, 18 * unit, 2 * unit, unit);
        g.dispose();
        return image;
    }

    static Path write(Path file, BufferedImage image) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
