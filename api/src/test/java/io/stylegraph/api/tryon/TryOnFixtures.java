package io.stylegraph.api.tryon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.neo4j.GraphDatabase;

/** A small catalogue with product photos on disk, synthetic person photos and the try-on form, for the API tests. */
public final class TryOnFixtures {
    static final int SHIRT = 0xC02020;

    private TryOnFixtures() {
    }

    /**
     * Replaces the graph with: {@code tee} (top), {@code jeans} (bottom), {@code gown} (dress), {@code sneaker}
     * (shoes), all with a studio photo under {@code imageDir}, and {@code bare} (a top without a photo).
     */
    public static void catalogue(GraphDatabase graph, Path imageDir) {
        graph.runAutoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", Map.of());
        List<Item> items = new ArrayList<>();
        for (Object[] row : new Object[][] {{"tee", Slot.TOP}, {"jeans", Slot.BOTTOM}, {"gown", Slot.DRESS},
            {"sneaker", Slot.SHOES}}) {
            String id = (String) row[0];
            Path file = imageDir.resolve(id + ".png");
            write(file, png(product(120, 140)));
            items.add(new Item(id, "A " + id, null, id, (Slot) row[1], null, "Red", Map.of(), file.toString(),
                    "tryon-test"));
        }
        items.add(new Item("bare", "A top without a photo", null, "tops", Slot.TOP, null, null, Map.of(), null,
                "tryon-test"));
        try {
            new GraphImporter(graph).importFrom(new CatalogueSource() {
                @Override
                public String name() {
                    return "tryon-test";
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

    /** A studio shot: light grey backdrop, a red shirt with sleeves. */
    static BufferedImage product(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean body = x >= width / 4 && x < width * 3 / 4 && y >= height / 5 && y < height * 9 / 10;
                boolean sleeves = x >= width / 10 && x < width * 9 / 10 && y >= height / 5 && y < height * 2 / 5;
                image.setRGB(x, y, body || sleeves ? SHIRT : 0xEBEBEB);
            }
        }
        return image;
    }

    /** A person photo stand-in: a colour ramp, so any pixel the garment covers visibly changes. */
    public static BufferedImage person(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (40 + x * 150 / width) << 8 | (60 + y * 150 / height));
            }
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertTrue(image != null, "the answer is a decodable picture");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The try-on form; null parts are left out. */
    public static io.micronaut.http.MutableHttpRequest<?> submit(byte[] person, String itemId, String box, String keypoints, String userId) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (person != null) {
            body.addPart("person", "me.png", MediaType.IMAGE_PNG_TYPE, person);
        }
        if (itemId != null) {
            body.addPart("itemId", itemId);
        }
        if (box != null) {
            body.addPart("box", box);
        }
        if (keypoints != null) {
            body.addPart("keypoints", keypoints);
        }
        if (userId != null) {
            body.addPart("userId", userId);
        }
        return HttpRequest.POST("/v1/tryon", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }
}
