package io.stylegraph.models.tryon;

/** Binary erosion and dilation with a square of side {@code 2 * radius + 1}, separable (rows, then columns). */
final class Morphology {
    private Morphology() {
    }

    /** Erosion then dilation: removes specks smaller than the square. */
    static boolean[] open(boolean[] mask, int w, int h, int radius) {
        return dilate(erode(mask, w, h, radius), w, h, radius);
    }

    /** Dilation then erosion: fills holes and gaps smaller than the square. */
    static boolean[] close(boolean[] mask, int w, int h, int radius) {
        return erode(dilate(mask, w, h, radius), w, h, radius);
    }

    static boolean[] dilate(boolean[] mask, int w, int h, int radius) {
        return pass(pass(mask, w, h, radius, true, true), w, h, radius, false, true);
    }

    static boolean[] erode(boolean[] mask, int w, int h, int radius) {
        return pass(pass(mask, w, h, radius, true, false), w, h, radius, false, false);
    }

    /** One direction: a pixel becomes {@code any} when any (dilate) or not all (erode) pixels in its window are set. */
    private static boolean[] pass(boolean[] mask, int w, int h, int radius, boolean rows, boolean any) {
        boolean[] out = new boolean[mask.length];
        int lines = rows ? h : w;
        int length = rows ? w : h;
        for (int line = 0; line < lines; line++) {
            int set = 0;
            // running count of set pixels in the window [p - radius, p + radius], clipped to the line
            for (int p = 0; p < Math.min(radius, length); p++) {
                set += mask[index(rows, line, p, w)] ? 1 : 0;
            }
            for (int p = 0; p < length; p++) {
                int enter = p + radius;
                int leave = p - radius - 1;
                if (enter < length) {
                    set += mask[index(rows, line, enter, w)] ? 1 : 0;
                }
                if (leave >= 0) {
                    set -= mask[index(rows, line, leave, w)] ? 1 : 0;
                }
                int window = Math.min(length - 1, p + radius) - Math.max(0, p - radius) + 1;
                out[index(rows, line, p, w)] = any ? set > 0 : set == window;
            }
        }
        return out;
    }

    private static int index(boolean rows, int line, int p, int w) {
        return rows ? line * w + p : p * w + line;
    }
}
