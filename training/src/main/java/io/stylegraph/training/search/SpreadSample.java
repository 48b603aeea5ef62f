package io.stylegraph.training.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stylegraph.models.Vectors;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.training.model.ContentProfile;
import io.stylegraph.training.model.Standardization;

/**
 * The sampled items a content profile's spread is measured on ({@link ContentProfile#spread}: the union of each
 * index's evenly spread sample, in that order), with each item's vector in each index copied end to end, so a
 * request's spread is a few sequential products instead of thousands of id look-ups and scattered row reads. Built for
 * one version of the indexes; immutable.
 */
final class SpreadSample {
    private final int size;
    /** Per index: the sample's vectors, row after row (zeros where the index lacks the item). */
    private final float[][] vectors;
    /** Per index: whether it holds each sampled item. */
    private final boolean[][] held;
    private final int[] dimensions;

    private SpreadSample(int size, float[][] vectors, boolean[][] held, int[] dimensions) {
        this.size = size;
        this.vectors = vectors;
        this.held = held;
        this.dimensions = dimensions;
    }

    /** The sample of {@link ContentProfile#spread} for a profile over these indexes, in its parts' order. */
    static SpreadSample of(List<VectorIndex> indexes, int sampleSize) {
        Set<String> ids = new LinkedHashSet<>();
        for (VectorIndex index : indexes) {
            ids.addAll(index.sampleIds(sampleSize));
        }
        int size = ids.size();
        float[][] vectors = new float[indexes.size()][];
        boolean[][] held = new boolean[indexes.size()][size];
        int[] dimensions = new int[indexes.size()];
        for (int m = 0; m < indexes.size(); m++) {
            VectorIndex index = indexes.get(m);
            int d = index.dimension();
            dimensions[m] = d;
            vectors[m] = new float[size * d];
            int at = 0;
            for (String id : ids) {
                Optional<float[]> vector = index.vector(id);
                if (vector.isPresent()) {
                    System.arraycopy(vector.get(), 0, vectors[m], at * d, d);
                    held[m][at] = true;
                }
                at++;
            }
        }
        return new SpreadSample(size, vectors, held, dimensions);
    }

    /** How many items were sampled. */
    int size() {
        return size;
    }

    /**
     * The profile's content scores' mean and deviation over the sample, as {@link ContentProfile#spread} computes
     * them: an item counts where at least one of the profile's indexes holds it; (0, 1) with fewer than two.
     */
    Standardization spread(ContentProfile profile) {
        List<ContentProfile.Part> parts = profile.parts();
        if (parts.size() != vectors.length) {
            throw new IllegalArgumentException("the sample was taken over " + vectors.length + " indexes, the profile has "
                    + parts.size());
        }
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < size; i++) {
            double score = 0;
            boolean found = false;
            for (int m = 0; m < parts.size(); m++) {
                if (held[m][i]) {
                    ContentProfile.Part part = parts.get(m);
                    score += part.weight() * Vectors.dot(vectors[m], i * dimensions[m], part.vector(), dimensions[m]);
                    found = true;
                }
            }
            if (found) {
                sum += score;
                squares += score * score;
                n++;
            }
        }
        return n < 2 ? new Standardization(0, 1) : Standardization.of(sum, squares, n);
    }
}
