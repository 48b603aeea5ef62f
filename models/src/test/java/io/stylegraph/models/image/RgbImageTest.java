package io.stylegraph.models.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class RgbImageTest {

    @Test
    void shouldKeepStoredGrayLevelsInsteadOfConvertingThroughLinearGray() {
        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 100);
        assertArrayEquals(new int[] {100, 100, 100}, RgbImage.of(gray).samples());
    }

    @Test
    void shouldDropAlphaOrCompositeOverWhite() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);          // fully transparent black
        argb.setRGB(1, 0, 0x80FF0000);          // half transparent red
        assertArrayEquals(new int[] {0, 0, 0, 255, 0, 0}, RgbImage.of(argb).samples());
        // over white: 255 * (1 - a) + c * a with a = 128 / 255
        assertArrayEquals(new int[] {255, 255, 255, 255, 127, 127}, RgbImage.onWhite(argb).samples());
    }
}
