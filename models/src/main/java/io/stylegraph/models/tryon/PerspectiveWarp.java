package io.stylegraph.models.tryon;

import java.awt.image.BufferedImage;

/**
 * Warps an ARGB picture so that its corners land on a quadrilateral of a larger canvas: for every canvas pixel inside
 * the quad the inverse homography finds the source position, sampled bilinearly on premultiplied colour so that
 * transparent pixels do not darken the edges. Pixels outside the quad stay fully transparent.
 */
public final class PerspectiveWarp {
    private PerspectiveWarp() {
    }

    /** A {@code width} x {@code height} ARGB layer holding {@code source} fitted to {@code target}. */
    public static BufferedImage warp(BufferedImage source, Quad target, int width, int height) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        int[] src = source.getRGB(0, 0, sw, sh, null, 0, sw);
        Quad sourceQuad = Quad.box(0, 0, sw, sh);
        Homography inverse = Homography.between(target, sourceQuad);
        int[] out = new int[width * height];
        int x0 = Math.max(0, (int) Math.floor(target.minX()));
        int x1 = Math.min(width, (int) Math.ceil(target.maxX()));
        int y0 = Math.max(0, (int) Math.floor(target.minY()));
        int y1 = Math.min(height, (int) Math.ceil(target.maxY()));
        double[] at = new double[2];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double cx = x + 0.5;
                double cy = y + 0.5;
                if (!target.contains(cx, cy) || !inverse.map(cx, cy, at)) {
                    continue;
                }
                // pixel centres: source pixel i covers [i, i + 1)
                out[y * width + x] = sample(src, sw, sh, at[0] - 0.5, at[1] - 0.5);
            }
        }
        BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        layer.setRGB(0, 0, width, height, out, 0, width);
        return layer;
    }

    private static int sample(int[] src, int w, int h, double x, double y) {
        if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) {
            return 0;
        }
        double fx = Math.max(0, Math.min(w - 1, x));
        double fy = Math.max(0, Math.min(h - 1, y));
        int ix = Math.min(w - 2, (int) fx);
        int iy = Math.min(h - 2, (int) fy);
        if (w == 1 || h == 1) {
            return src[Math.min(h - 1, (int) Math.round(fy)) * w + Math.min(w - 1, (int) Math.round(fx))];
        }
        double tx = fx - ix;
        double ty = fy - iy;
        double a = 0;
        double r = 0;
        double g = 0;
        double b = 0;
        int[] corners = {src[iy * w + ix], src[iy * w + ix + 1], src[(iy + 1) * w + ix], src[(iy + 1) * w + ix + 1]};
        double[] weights = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
        for (int k = 0; k < 4; k++) {
            int p = corners[k];
            double pa = ((p >>> 24) & 0xFF) * weights[k];
            a += pa;
            r += ((p >> 16) & 0xFF) * pa;
            g += ((p >> 8) & 0xFF) * pa;
            b += (p & 0xFF) * pa;
        }
        if (a <= 0) {
            return 0;
        }
        int alpha = (int) Math.round(a);
        return (alpha << 24) | ((int) Math.round(r / a) << 16) | ((int) Math.round(g / a) << 8) | (int) Math.round(b / a);
    }
}
