package io.stylegraph.models.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

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
        byte[] truncated = Arrays.copyOf(TestImages.withExifOrientation(jpeg, 6, false), 20);
        assertEquals(1, ExifOrientation.readFromJpeg(truncated));
    }

    @Test
    void shouldFindTheTagInPngExifChunksAndIgnoreMalformedOnes() {
        byte[] png = TestImages.encode(TestImages.redCorner(), "png");
        byte[] tagged = TestImages.withPngChunk(png, "eXIf", TestImages.exifBlock(6, true, false), false);
        assertEquals(6, ExifOrientation.readFromPng(tagged));
        assertEquals(6, ExifOrientation.read(ImageFormat.PNG, tagged));
        assertEquals(1, ExifOrientation.readFromPng(png));
        assertEquals(1, ExifOrientation.readFromPng(TestImages.withPngChunk(png, "eXIf", new byte[3], false)));
        assertEquals(1, ExifOrientation.readFromPng(TestImages.withPngChunk(png, "eXIf",
                TestImages.exifBlock(0, false, false), false)));
        // cut inside the chunk, and a chunk length running past the end of the file
        for (int length = 0; length < 60; length++) {
            assertEquals(1, ExifOrientation.readFromPng(Arrays.copyOf(tagged, length)), "cut at " + length);
        }
        byte[] lying = tagged.clone();
        ByteBuffer.wrap(lying).putInt(33, 0xFFFFFFF0);
        assertEquals(1, ExifOrientation.readFromPng(lying));
    }

    @Test
    void shouldFindTheTagInWebpExifChunksAndIgnoreMalformedOnes() {
        byte[] webp = TestImages.resource("corner.webp");
        byte[] tagged = TestImages.webpWithExif(webp, 24, 16, TestImages.exifBlock(8, false, true), true);
        assertEquals(8, ExifOrientation.readFromWebp(tagged));
        assertEquals(8, ExifOrientation.read(ImageFormat.WEBP, tagged));
        assertEquals(1, ExifOrientation.readFromWebp(webp));
        assertEquals(1, ExifOrientation.readFromWebp(TestImages.uniformWebp(3, 2, 0xFF00FF00)));
        for (int length = 0; length < tagged.length; length++) {
            assertEquals(1, ExifOrientation.readFromWebp(Arrays.copyOf(tagged, length)), "cut at " + length);
        }
        byte[] lying = tagged.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(34, 0x7FFFFFF0);  // the image chunk's size
        assertEquals(1, ExifOrientation.readFromWebp(lying));
    }
}
