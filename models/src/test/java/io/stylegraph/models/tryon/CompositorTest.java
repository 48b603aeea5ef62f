package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class CompositorTest {

    @Test
    void shouldBlendByAlphaAndKeepTransparentPixelsExactly() {
        BufferedImage photo = TryOnPictures.person(4, 1);
        BufferedImage layer = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        layer.setRGB(0, 0, 0x00FF0000);
        layer.setRGB(1, 0, 0xFFFF0000);
        layer.setRGB(2, 0, 0x80FFFFFF);
        layer.setRGB(3, 0, 0x00000000);
        photo.setRGB(2, 0, 0x000000);

        BufferedImage out = Compositor.over(photo, layer);

        assertEquals(photo.getRGB(0, 0), out.getRGB(0, 0));
        assertEquals(0xFFFF0000, out.getRGB(1, 0));
        assertEquals(0xFF808080, out.getRGB(2, 0), "half-transparent white over black is mid grey");
        assertEquals(photo.getRGB(3, 0), out.getRGB(3, 0));
    }
}
