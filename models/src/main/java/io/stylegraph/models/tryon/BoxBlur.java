package io.stylegraph.models.tryon;

/** Mean over a square of side {@code 2 * radius + 1}, clipped at the borders; separable. */
final class BoxBlur {
    private BoxBlur() {
    }

    static float[] blur(float[] values, int w, int h, int radius) {
        return pass(pass(values, w, h, radius, true), w, h, radius, false);
    }

    private static float[] pass(float[] values, int w, int h, int radius, boolean rows) {
        float[] out = new float[values.length];
        int lines = rows ? h : w;
        int length = rows ? w : h;
        for (int line = 0; line < lines; line++) {
            double sum = 0;
            for (int p = 0; p < Math.min(radius, length); p++) {
                sum += values[index(rows, line, p, w)];
            }
            for (int p = 0; p < length; p++) {
                int enter = p + radius;
                int leave = p - radius - 1;
                if (enter < length) {
                    sum += values[index(rows, line, enter, w)];
                }
                if (leave >= 0) {
                    sum -= values[index(rows, line, leave, w)];
                }
                int window = Math.min(length - 1, p + radius) - Math.max(0, p - radius) + 1;
                out[index(rows, line, p, w)] = (float) Math.max(0, Math.min(1, sum / window));
            }
        }
        return out;
    }

    private static int index(boolean rows, int line, int p, int w) {
        return rows ? line * w + p : p * w + line;
    }
}
