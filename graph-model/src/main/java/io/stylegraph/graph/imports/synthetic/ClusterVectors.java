package io.stylegraph.graph.imports.synthetic;

import java.io.IOException;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The vector space of the synthetic catalogue, per modality: a Gaussian centre per category and a smaller Gaussian
 * offset per taste cluster; an item's vector is its category's centre plus its cluster's offset plus noise, unit
 * length, so vectors cluster by category and style.
 */
final class ClusterVectors {
    private final double[][] visualCentres;
    private final double[][] textCentres;
    private final double[][] visualStyles;
    private final double[][] textStyles;

    /** Draws the centres and offsets from {@code space}: visual then text centres, visual then text offsets. */
    ClusterVectors(SplittableRandom space, int categories, int clusters, int visualDimension, int textDimension) {
        visualCentres = Draws.gaussians(space, categories, visualDimension, 1.0);
        textCentres = Draws.gaussians(space, categories, textDimension, 1.0);
        visualStyles = Draws.gaussians(space, clusters, visualDimension, 0.5);
        textStyles = Draws.gaussians(space, clusters, textDimension, 0.5);
    }

    /** Writes a visual vector of an item of this category and cluster as the array {@code visual}. */
    void writeVisual(JsonGenerator out, int category, int cluster, SplittableRandom random) throws IOException {
        write(out, "visual", visualCentres[category], visualStyles[cluster], random);
    }

    /** Writes a text vector of an item of this category and cluster as the array {@code text}. */
    void writeText(JsonGenerator out, int category, int cluster, SplittableRandom random) throws IOException {
        write(out, "text", textCentres[category], textStyles[cluster], random);
    }

    private static void write(JsonGenerator out, String field, double[] centre, double[] style,
                              SplittableRandom random) throws IOException {
        int dimension = centre.length;
        double[] v = new double[dimension];
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            v[d] = centre[d] + style[d] + 0.3 * random.nextGaussian();
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        out.writeArrayFieldStart(field);
        for (int d = 0; d < dimension; d++) {
            // four decimals: plenty for clusters, a third of the bytes of a full float
            out.writeNumber(Math.round(v[d] / norm * 10_000) / 10_000f);
        }
        out.writeEndArray();
    }
}
