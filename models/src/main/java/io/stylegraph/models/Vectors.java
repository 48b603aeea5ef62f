package io.stylegraph.models;

/** Small vector arithmetic shared by the encoders. */
public final class Vectors {

    private Vectors() {
    }

    /** Scales {@code v} in place to unit length; a zero vector stays zero rather than becoming NaN. */
    public static float[] normalizeInPlace(float[] v) {
        double norm = norm(v);
        if (norm > 0) {
            float inverse = (float) (1.0 / norm);
            for (int i = 0; i < v.length; i++) {
                v[i] *= inverse;
            }
        }
        return v;
    }

    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
