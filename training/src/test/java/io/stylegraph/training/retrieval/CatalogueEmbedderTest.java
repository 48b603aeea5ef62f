package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.imageio.ImageIO;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.Encoders;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in encoders embed a small catalogue in batches of two; items without a picture or words are left out. */
class CatalogueEmbedderTest {

    @TempDir
    Path folder;

    private Path picture(String name, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(48, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 48, 64);
        g.dispose();
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void shouldEmbedTheItemsWithAPictureOrWordsLikeTheEncodersDo() throws IOException {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        Function<String, BufferedImage> pictures = path -> {
            try {
                return path == null ? null : decoder.decode(Files.readAllBytes(Path.of(path))).image();
            } catch (Exception e) {
                return null;
            }
        };
        Path red = picture("red.png", Color.RED);
        Path blue = picture("blue.png", Color.BLUE);
        List<Item> items = List.of(
                new Item("a", "Red shirt", null, "Shirts", Slot.TOP, Gender.MEN, "Red", Map.of(), red.toString(), "t"),
                new Item("b", null, null, null, Slot.TOP, Gender.MEN, null, Map.of(), blue.toString(), "t"),
                new Item("c", "Jeans", "Straight cut", "Jeans", Slot.BOTTOM, null, "Blue", Map.of(),
                        folder.resolve("missing.png").toString(), "t"));
        try (Encoders encoders = Encoders.builtIn()) {
            CatalogueEmbedder embedder = new CatalogueEmbedder(encoders.images(), encoders.texts(), pictures, 2);
            Throughput.Builder timing = new Throughput.Builder();

            Map<String, float[]> visual = embedder.images(items, timing);
            Map<String, float[]> text = embedder.texts(items, timing);

            assertEquals(List.of("a", "b"), List.copyOf(visual.keySet()));
            assertArrayEquals(encoders.images().encode(List.of(pictures.apply(red.toString()))).get(0),
                    visual.get("a"));
            assertEquals(List.of("a", "c"), List.copyOf(text.keySet()));
            assertArrayEquals(encoders.texts().encode(List.of("Jeans. Blue. Straight cut")).get(0), text.get("c"),
                    1e-5f);
            Throughput throughput = timing.build();
            assertEquals(2, throughput.images());
            assertEquals(2, throughput.texts());
        }
    }
}
