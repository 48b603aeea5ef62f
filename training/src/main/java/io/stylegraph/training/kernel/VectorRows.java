package io.stylegraph.training.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The weighted row sums of the CSR products on the JDK's vector API (incubating in Java 17: the JVM needs
 * {@code --add-modules jdk.incubator.vector}, which the launcher, the tests and the benchmarks pass). A row of 64
 * floats is four 512-bit registers: an edge costs a handful of instructions, so the processor has the rows of many
 * edges in flight at once, where the scalar loop's 64 multiply-adds per edge left it waiting on one row at a time.
 * At 1 M items the gathers were ~190 ns an edge scalar and ~20 ns with vectors on 2 cores (random rows of 256 bytes
 * from a 358 MiB table). Each lane adds its products in the scalar loop's order with the same roundings (a product,
 * then a sum; no fused multiply-add), so the sums are the scalar loop's bit for bit.
 * <p>
 * Loaded only when {@link CpuCsrKernel#VECTOR_ROWS}: without the module this class cannot link, and the kernel keeps its scalar loop.
 */
final class VectorRows {


    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorRows() {
    }

    /**
     * ys[out .. out+d) = Σ_e values[e]·xs[columns[e]·d ..] over the edges e in [from, to) whose column is a source
     * ({@code source} null: every column), summed in edge order.
     */
    static void sum(float[] xs, int d, int[] columns, float[] values, boolean[] source, int from, int to, float[] ys,
                    int out) {
        int lanes = SPECIES.length();
        int j = 0;
        for (; j + 4 * lanes <= d; j += 4 * lanes) {
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = FloatVector.zero(SPECIES);
            FloatVector a2 = FloatVector.zero(SPECIES);
            FloatVector a3 = FloatVector.zero(SPECIES);
            for (int e = from; e < to; e++) {
                int column = columns[e];
                if (source != null && !source[column]) {
                    continue;
                }
                float v = values[e];
                int at = column * d + j;
                a0 = a0.add(FloatVector.fromArray(SPECIES, xs, at).mul(v));
                a1 = a1.add(FloatVector.fromArray(SPECIES, xs, at + lanes).mul(v));
                a2 = a2.add(FloatVector.fromArray(SPECIES, xs, at + 2 * lanes).mul(v));
                a3 = a3.add(FloatVector.fromArray(SPECIES, xs, at + 3 * lanes).mul(v));
            }
            a0.intoArray(ys, out + j);
            a1.intoArray(ys, out + j + lanes);
            a2.intoArray(ys, out + j + 2 * lanes);
            a3.intoArray(ys, out + j + 3 * lanes);
        }
        for (; j + lanes <= d; j += lanes) {
            FloatVector a = FloatVector.zero(SPECIES);
            for (int e = from; e < to; e++) {
                int column = columns[e];
                if (source == null || source[column]) {
                    a = a.add(FloatVector.fromArray(SPECIES, xs, column * d + j).mul(values[e]));
                }
            }
            a.intoArray(ys, out + j);
        }
        for (; j < d; j++) {
            float s = 0f;
            for (int e = from; e < to; e++) {
                int column = columns[e];
                if (source == null || source[column]) {
                    s += values[e] * xs[column * d + j];
                }
            }
            ys[out + j] = s;
        }
    }
}
