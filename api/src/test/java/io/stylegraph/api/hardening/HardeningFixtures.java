package io.stylegraph.api.hardening;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Small real inputs the hardening tests send next to the malformed ones. */
final class HardeningFixtures {
    private HardeningFixtures() {
    }

    /** A 96×128 PNG of a figure in a red top and blue trousers: decodes as an upload, person photo or look. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(96, 128, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 128);
        g.setColor(new Color(230, 190, 160));
        g.fillOval(36, 4, 24, 24);
        g.setColor(Color.RED);
        g.fillRect(28, 30, 40, 40);
        g.setColor(Color.BLUE);
        g.fillRect(30, 70, 36, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
