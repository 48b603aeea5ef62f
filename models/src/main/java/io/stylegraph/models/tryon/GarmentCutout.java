package io.stylegraph.models.tryon;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts a garment out of a studio product photo. The background is modelled by the colour of the photo's border
 * (median and spread), flood-filled inward from the border through pixels close to that colour, so light parts
 * inside the garment that do not touch the border stay; a morphological opening and closing removes specks and
 * fills pinholes, and a box blur of the mask gives a soft alpha edge. When the border is not a uniform background
 * (or nothing garment-like is left) the whole photo is the cut-out, with feathered edges.
 */
public final class GarmentCutout {
    /** Colour distance (RGB, 0-441) always counted as background, however uniform the border is. */
    private static final double MIN_TOLERANCE = 18;
    private static final double MAX_TOLERANCE = 60;
    /** A border whose spread is above this is a scene, not a studio backdrop. */
    private static final double MAX_BORDER_SPREAD = 25;

    private GarmentCutout() {
    }

    /** The cut-out garment: an ARGB picture cropped to the garment, and whether a background was removed. */
    public record Cutout(BufferedImage image, boolean backgroundRemoved) {
    }

    public static Cutout cut(BufferedImage product) {
        int w = product.getWidth();
        int h = product.getHeight();
        int[] rgb = product.getRGB(0, 0, w, h, null, 0, w);
        double[] backdrop = new double[3];
        double spread = borderModel(rgb, w, h, backdrop);
        boolean[] foreground = null;
        if (spread <= MAX_BORDER_SPREAD) {
            double tolerance = Math.max(MIN_TOLERANCE, Math.min(MAX_TOLERANCE, 3 * spread + MIN_TOLERANCE));
            boolean[] background = floodBackground(rgb, w, h, backdrop, tolerance);
            foreground = new boolean[w * h];
            for (int i = 0; i < foreground.length; i++) {
                foreground[i] = !background[i];
            }
            int radius = Math.max(1, Math.min(w, h) / 150);
            foreground = Morphology.close(Morphology.open(foreground, w, h, radius), w, h, radius);
            long kept = count(foreground);
            if (kept < 0.02 * w * h || kept > 0.98 * w * h) {
                foreground = null;
            }
        }
        boolean removed = foreground != null;
        if (!removed) {
            foreground = new boolean[w * h];
            Arrays.fill(foreground, true);
        }
        float[] alpha = softAlpha(foreground, w, h, Math.max(1, Math.min(w, h) / 100), !removed);
        int[] bounds = bounds(alpha, w, h);
        int cw = bounds[2] - bounds[0];
        int ch = bounds[3] - bounds[1];
        BufferedImage out = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int i = (y + bounds[1]) * w + x + bounds[0];
                int a = Math.round(alpha[i] * 255);
                argb[y * cw + x] = (a << 24) | (rgb[i] & 0xFFFFFF);
            }
        }
        out.setRGB(0, 0, cw, ch, argb, 0, cw);
        return new Cutout(out, removed);
    }

    /** Per-channel median of the one-pixel frame into {@code backdrop}; returns the mean distance from it. */
    private static double borderModel(int[] rgb, int w, int h, double[] backdrop) {
        int n = 2 * w + 2 * Math.max(0, h - 2);
        int[][] channels = new int[3][n];
        int k = 0;
        for (int i = 0; i < rgb.length; i++) {
            int x = i % w;
            int y = i / w;
            if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                for (int c = 0; c < 3; c++) {
                    channels[c][k] = channel(rgb[i], c);
                }
                k++;
            }
        }
        for (int c = 0; c < 3; c++) {
            int[] values = Arrays.copyOf(channels[c], k);
            Arrays.sort(values);
            backdrop[c] = values[k / 2];
        }
        double total = 0;
        for (int j = 0; j < k; j++) {
            total += distance(channels[0][j], channels[1][j], channels[2][j], backdrop);
        }
        return total / k;
    }

    private static boolean[] floodBackground(int[] rgb, int w, int h, double[] backdrop, double tolerance) {
        boolean[] background = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < rgb.length; i++) {
            int x = i % w;
            int y = i / w;
            if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && near(rgb[i], backdrop, tolerance)) {
                background[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int x = i % w;
            int y = i / w;
            if (x > 0) {
                visit(i - 1, rgb, background, backdrop, tolerance, queue);
            }
            if (x < w - 1) {
                visit(i + 1, rgb, background, backdrop, tolerance, queue);
            }
            if (y > 0) {
                visit(i - w, rgb, background, backdrop, tolerance, queue);
            }
            if (y < h - 1) {
                visit(i + w, rgb, background, backdrop, tolerance, queue);
            }
        }
        return background;
    }

    private static void visit(int i, int[] rgb, boolean[] background, double[] backdrop, double tolerance,
                              ArrayDeque<Integer> queue) {
        if (!background[i] && near(rgb[i], backdrop, tolerance)) {
            background[i] = true;
            queue.add(i);
        }
    }

    /**
     * Alpha from the mask blurred with a box of {@code radius}, so edges fade over about one radius inward; with
     * {@code featherFrame} the photo's own frame fades out too.
     */
    private static float[] softAlpha(boolean[] mask, int w, int h, int radius, boolean featherFrame) {
        float[] alpha = new float[w * h];
        for (int i = 0; i < alpha.length; i++) {
            int x = i % w;
            int y = i / w;
            boolean frame = featherFrame && (x < radius || y < radius || x >= w - radius || y >= h - radius);
            alpha[i] = mask[i] && !frame ? 1f : 0f;
        }
        float[] blurred = BoxBlur.blur(alpha, w, h, radius);
        for (int i = 0; i < alpha.length; i++) {
            // the fade lies inside the mask, so no backdrop colour comes along with the garment
            alpha[i] = mask[i] ? blurred[i] : 0f;
        }
        return alpha;
    }

    /** {x0, y0, x1, y1} of pixels with any alpha; the whole picture when there are none. */
    private static int[] bounds(float[] alpha, int w, int h) {
        int x0 = w;
        int y0 = h;
        int x1 = 0;
        int y1 = 0;
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] > 0) {
                int x = i % w;
                int y = i / w;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x + 1);
                y1 = Math.max(y1, y + 1);
            }
        }
        return x1 <= x0 ? new int[] {0, 0, w, h} : new int[] {x0, y0, x1, y1};
    }

    private static long count(boolean[] mask) {
        long n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static boolean near(int pixel, double[] backdrop, double tolerance) {
        return distance(channel(pixel, 0), channel(pixel, 1), channel(pixel, 2), backdrop) <= tolerance;
    }

    private static double distance(int r, int g, int b, double[] backdrop) {
        double dr = r - backdrop[0];
        double dg = g - backdrop[1];
        double db = b - backdrop[2];
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static int channel(int pixel, int c) {
        return (pixel >> (16 - 8 * c)) & 0xFF;
    }
}
