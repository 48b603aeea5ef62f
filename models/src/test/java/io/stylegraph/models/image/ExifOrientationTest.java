package io.stylegraph.models.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ExifOrientationTest {

    /** 3x2 picture numbered 1..6 row by row. */
    private static BufferedImage numbered() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 6; i++) {
            image.setRGB(i % 3, i / 3, i + 1);
        }
        return image;
    }

    private static int[][] rows(BufferedImage image) {
        int[][] rows = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rows[y][x] = image.getRGB(x, y) & 0xFFFFFF;
            }
        }
        return rows;
    }

    private static int[][] turned(int orientation) {
        return rows(ExifOrientation.apply(numbered(), orientation));
    }

    @Test
    void shouldApplyEachOfTheEightOrientations() {
        BufferedImage original = numbered();
        assertSame(original, ExifOrientation.apply(original, 1));
        assertArrayEquals(new int[][] {{3, 2, 1}, {6, 5, 4}}, turned(2));          // mirrored
        assertArrayEquals(new int[][] {{6, 5, 4}, {3, 2, 1}}, turned(3));          // 180 degrees
        assertArrayEquals(new int[][] {{4, 5, 6}, {1, 2, 3}}, turned(4));          // flipped
        assertArrayEquals(new int[][] {{1, 4}, {2, 5}, {3, 6}}, turned(5));        // transposed
        assertArrayEquals(new int[][] {{4, 1}, {5, 2}, {6, 3}}, turned(6));        // 90 degrees clockwise
        assertArrayEquals(new int[][] {{6, 3}, {5, 2}, {4, 1}}, turned(7));        // transversed
        assertArrayEquals(new int[][] {{3, 6}, {2, 5}, {1, 4}}, turned(8));        // 90 degrees counter-clockwise
    }

    @Test
    void shouldKeepGrayPicturesGray() {
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 40);
        gray.getRaster().setSample(1, 0, 0, 200);
        BufferedImage turned = ExifOrientation.apply(gray, 6);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, turned.getType());
        assertEquals(40, turned.getRaster().getSample(0, 0, 0));
        assertEquals(200, turned.getRaster().getSample(0, 1, 0));
    }

    @Test
    void shouldFindTheTagInBothByteOrdersAndIgnoreMalformedSegments() {
        byte[] jpeg = TestImages.encode(TestImages.halves(8, 8, 0xFF0000, 0x0000FF), "jpeg");
        assertEquals(8, ExifOrientation.readFromJpeg(TestImages.withExifOrientation(jpeg, 8, true)));
        assertEquals(5, ExifOrientation.readFromJpeg(TestImages.withExifOrientation(jpeg, 5, false)));
        assertEquals(1, ExifOrientation.readFromJpeg(jpeg));
        assertEquals(1, ExifOrientation.readFromJpeg(TestImages.withExifOrientation(jpeg, 9, false)));
        byte[] truncated = java.util.Arrays.copyOf(TestImages.withExifOrientation(jpeg, 6, false), 20);
        assertEquals(1, ExifOrientation.readFromJpeg(truncated));
    }
}
