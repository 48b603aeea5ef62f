package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class PerspectiveWarpTest {

    @Test
    void shouldMapQuadCornersOntoEachOther() {
        Quad from = Quad.box(0, 0, 40, 60);
        Quad to = new Quad(new Point(10, 5), new Point(90, 12), new Point(80, 95), new Point(20, 88));
        Homography h = Homography.between(from, to);
        double[] at = new double[2];
        Point[] src = from.corners();
        Point[] dst = to.corners();
        for (int i = 0; i < 4; i++) {
            h.map(src[i].x(), src[i].y(), at);
            assertEquals(dst[i].x(), at[0], 1e-6);
            assertEquals(dst[i].y(), at[1], 1e-6);
        }
    }

    @Test
    void shouldFillTheQuadAndLeaveEverythingElseTransparent() {
        BufferedImage source = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                source.setRGB(x, y, 0xFF3366CC);
            }
        }
        Quad target = new Quad(new Point(20, 10), new Point(80, 20), new Point(75, 70), new Point(25, 60));
        BufferedImage layer = PerspectiveWarp.warp(source, target, 100, 80);

        assertEquals(100, layer.getWidth());
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 100; x++) {
                int pixel = layer.getRGB(x, y);
                if (!target.contains(x + 0.5, y + 0.5)) {
                    assertEquals(0, pixel >>> 24, "outside the quad at " + x + "," + y);
                }
            }
        }
        assertEquals(0xFF3366CC, layer.getRGB(50, 40));
        assertEquals(0xFF3366CC, layer.getRGB(28, 55));
    }

    @Test
    void shouldRefuseACollapsedQuad() {
        Quad line = new Quad(new Point(0, 0), new Point(10, 10), new Point(20, 20), new Point(30, 30));
        assertThrows(IllegalArgumentException.class, () -> Homography.between(Quad.box(0, 0, 5, 5), line));
    }
}
