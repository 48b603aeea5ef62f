package io.stylegraph.models.tryon;

import java.awt.image.BufferedImage;

/** Lays an ARGB layer of the same size over a photo ("over" operator); pixels where the layer is transparent keep their exact value. */
public final class Compositor {
    private Compositor() {
    }

    public static BufferedImage over(BufferedImage photo, BufferedImage layer) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        if (layer.getWidth() != w || layer.getHeight() != h) {
            throw new IllegalArgumentException("layer is " + layer.getWidth() + "x" + layer.getHeight()
                    + ", photo " + w + "x" + h);
        }
        int[] base = photo.getRGB(0, 0, w, h, null, 0, w);
        int[] top = layer.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < base.length; i++) {
            int a = (top[i] >>> 24) & 0xFF;
            if (a == 0) {
                base[i] &= 0xFFFFFF;
                continue;
            }
            int out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int under = (base[i] >> shift) & 0xFF;
                int over = (top[i] >> shift) & 0xFF;
                out |= ((over * a + under * (255 - a) + 127) / 255) << shift;
            }
            base[i] = out;
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, base, 0, w);
        return result;
    }
}
