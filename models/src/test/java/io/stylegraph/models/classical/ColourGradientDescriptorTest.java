package io.stylegraph.models.classical;

import io.stylegraph.models.Vectors;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColourGradientDescriptorTest {

    private final ColourGradientDescriptor descriptor = new ColourGradientDescriptor();

    private static BufferedImage paint(int width, int height, IntBinaryOperator rgbAt) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgbAt.applyAsInt(x, y));
            }
        }
        return image;
    }

    private static int argmax(float[] v, int from, int length) {
        int best = from;
        for (int i = from; i < from + length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best - from;
    }

    /** Gradient energy per orientation bin, summed over all cells. */
    private float[] orientationTotals(float[] v) {
        int bins = ColourGradientDescriptor.DEFAULT_ORIENTATIONS;
        float[] totals = new float[bins];
        for (int i = descriptor.gradientOffset(); i < v.length; i++) {
            totals[(i - descriptor.gradientOffset()) % bins] += v[i];
        }
        return totals;
    }

    @Test
    void shouldPutRedAndBlueIntoTheirHueBins() {
        float[] red = descriptor.encode(paint(40, 30, (x, y) -> 0xFF0000));
        float[] blue = descriptor.encode(paint(40, 30, (x, y) -> 0x0000FF));
        int redBin = HsvBins.chromatic(0, 1, 1);     // hue 0 degrees, saturated, bright
        int blueBin = HsvBins.chromatic(8, 1, 1);    // hue 240 degrees
        assertEquals(redBin, argmax(red, descriptor.colourOffset(), HsvBins.COUNT));
        assertEquals(blueBin, argmax(blue, descriptor.colourOffset(), HsvBins.COUNT));
        assertEquals(0f, red[blueBin]);
        assertEquals(0f, blue[redBin]);
        assertTrue(Vectors.dot(red, blue) < 0.01, "flat pictures of different hues share nothing");
    }

    @Test
    void shouldSendDarkAndWashedOutPixelsToAchromaticBins() {
        assertEquals(0, HsvBins.of(10, 5, 20));        // near black, whatever its hue
        assertEquals(3, HsvBins.of(250, 250, 245));    // near white
        assertEquals(2, HsvBins.of(160, 150, 150));    // light grey with a faint red cast
    }

    @Test
    void shouldTellHorizontalFromVerticalEdgesByOrientation() {
        // dark top, light bottom: the gradient points down, 90 degrees, bin 4 of 8
        float[] horizontalEdge = descriptor.encode(paint(64, 64, (x, y) -> y < 32 ? 0x202020 : 0xE0E0E0));
        // dark left, light right: the gradient points right, 0 degrees, bin 0
        float[] verticalEdge = descriptor.encode(paint(64, 64, (x, y) -> x < 32 ? 0x202020 : 0xE0E0E0));
        float[] horizontal = orientationTotals(horizontalEdge);
        float[] vertical = orientationTotals(verticalEdge);
        assertEquals(4, argmax(horizontal, 0, horizontal.length));
        assertEquals(0, argmax(vertical, 0, vertical.length));
        assertEquals(0f, horizontal[0], 1e-6f);
        assertEquals(0f, vertical[4], 1e-6f);
        // Shapes share nothing; colours agree on the global histogram and on the top-left and bottom-right
        // quadrants but not the other two: cosine = colour weight 0.5 * 3 / 5 regions + gradient weight 0.5 * 0.
        assertEquals(0.3, Vectors.dot(horizontalEdge, verticalEdge), 1e-4);
    }

    @Test
    void shouldReturnUnitVectorsOfTheDeclaredDimension() {
        List<BufferedImage> pictures = List.of(
                paint(1, 1, (x, y) -> 0x123456),
                paint(300, 90, (x, y) -> ((x * 5) << 16) | ((y * 3) << 8) | (x ^ y) & 0xFF),
                new BufferedImage(17, 33, BufferedImage.TYPE_BYTE_GRAY));
        List<float[]> vectors = descriptor.encode(pictures);
        assertEquals(3, vectors.size());
        for (float[] v : vectors) {
            assertEquals(descriptor.dimension(), v.length);
            assertEquals(1.0, Vectors.norm(v), 1e-5);
        }
        assertEquals(5 * 52 + 4 * 4 * 8, descriptor.dimension());
    }

    @Test
    void shouldBeDeterministic() {
        BufferedImage picture = paint(50, 70, (x, y) -> (x * y * 997) & 0xFFFFFF);
        assertArrayEquals(descriptor.encode(picture), new ColourGradientDescriptor().encode(picture));
    }

    @Test
    void shouldNameItsSettingsInTheModelId() {
        assertNotEquals(descriptor.modelId(), new ColourGradientDescriptor(64, 4, 8, 0.5).modelId());
        assertTrue(descriptor.modelId().startsWith("colour-gradient-v1"));
    }
}
