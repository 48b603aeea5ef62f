package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Small synthetic photos for the try-on tests, and the shared datasets' photos when they are there. */
final class TryOnPictures {
    static final int BACKDROP = 0xEBEBEB;
    static final int SHIRT = 0xC02020;
    static final int LOGO = 0xFFFFFF;

    private TryOnPictures() {
    }

    /** A studio shot: light grey backdrop, a red shirt (body plus sleeves) with a white logo that touches no border. */
    static BufferedImage product(int width, int height) {
        BufferedImage image = filled(width, height, BACKDROP);
        for (int y = height / 5; y < height * 9 / 10; y++) {
            for (int x = width / 4; x < width * 3 / 4; x++) {
                image.setRGB(x, y, SHIRT);
            }
        }
        for (int y = height / 5; y < height * 2 / 5; y++) {
            for (int x = width / 10; x < width * 9 / 10; x++) {
                image.setRGB(x, y, SHIRT);
            }
        }
        for (int y = height / 2; y < height * 3 / 5; y++) {
            for (int x = width * 2 / 5; x < width * 3 / 5; x++) {
                image.setRGB(x, y, LOGO);
            }
        }
        return image;
    }

    /** A "person photo": a smooth colour ramp, so every pixel differs from its neighbours and from the shirt. */
    static BufferedImage person(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (40 + x * 150 / width) << 8 | (60 + y * 150 / height));
            }
        }
        return image;
    }

    static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** A dataset folder under {@code STYLEGRAPH_DATASETS_DIR} (else ../../shared/data); skips the test when absent. */
    static Path dataset(String name) {
        String configured = System.getenv("STYLEGRAPH_DATASETS_DIR");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        Path folder = root.resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(folder), "dataset " + name + " not found at " + folder
                + " (set STYLEGRAPH_DATASETS_DIR to the folder holding the shared datasets); skipping");
        return folder;
    }

    static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException("not an image: " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
