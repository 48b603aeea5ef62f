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

    /**
     * Whether {@link #dot(float[], int, float[], int)} runs on the vector API: the JVM has its module. Checked here,
     * without touching {@link VectorDot}, whose initialization needs the module's classes.
     */
    public static final boolean VECTORIZED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * {@code data[offset .. offset+dimension) · query}, in float: on the vector API where the JVM has it
     * ({@link VectorDot}, 2–4× the scalar loop), else with four independent accumulators (the JIT does not reorder
     * float additions, and a single sum's dependency chain would be the bottleneck of every scan). Every scan, HNSW
     * graph and compatibility score of the service goes through here.
     */
    public static float dot(float[] data, int offset, float[] query, int dimension) {
        return VECTORIZED ? VectorDot.dot(data, offset, query, dimension) : scalarDot(data, offset, query, dimension);
    }

    /** The scalar loop of {@link #dot(float[], int, float[], int)}, four accumulators. */
    static float scalarDot(float[] data, int offset, float[] query, int dimension) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            s0 += data[offset + i] * query[i];
            s1 += data[offset + i + 1] * query[i + 1];
            s2 += data[offset + i + 2] * query[i + 2];
            s3 += data[offset + i + 3] * query[i + 3];
        }
        for (; i < dimension; i++) {
            s0 += data[offset + i] * query[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
