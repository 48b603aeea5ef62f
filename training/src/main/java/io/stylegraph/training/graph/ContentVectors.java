package io.stylegraph.training.graph;

import io.stylegraph.training.data.ItemFeatures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Content vectors from each item's set of terms (categories, brand, article type, colour …): TF-IDF-weighted
 * multi-hot vectors, L2-normalized. A term counts once per item; its weight is ln(N / df) over the N items with
 * terms. Terms found on fewer than {@code minDocumentFrequency} items (they link nothing) or on every item (they
 * tell nothing apart) are left out, so the vocabulary is what can make two items similar. The vocabulary is sorted,
 * so the same terms give the same vectors in any order of arrival.
 */
public final class ContentVectors {

    private final List<String> vocabulary;
    private final float[][] vectors;

    private ContentVectors(List<String> vocabulary, float[][] vectors) {
        this.vocabulary = vocabulary;
        this.vectors = vectors;
    }

    /**
     * Builds the vectors of items 0..n-1 from their terms; an item with no term of the vocabulary gets null (it has
     * no content vector).
     */
    public static ContentVectors tfidf(List<? extends Collection<String>> termsPerItem, int minDocumentFrequency) {
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minimum document frequency must be at least 1");
        }
        Map<String, Integer> documentFrequency = new HashMap<>();
        int itemsWithTerms = 0;
        List<Set<String>> distinct = new ArrayList<>(termsPerItem.size());
        for (Collection<String> terms : termsPerItem) {
            Set<String> set = terms == null ? Set.of() : new LinkedHashSet<>(terms);
            set.removeIf(term -> term == null || term.isBlank());
            distinct.add(set);
            if (!set.isEmpty()) {
                itemsWithTerms++;
            }
            for (String term : set) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        TreeMap<String, Integer> kept = new TreeMap<>();
        for (Map.Entry<String, Integer> e : documentFrequency.entrySet()) {
            if (e.getValue() >= minDocumentFrequency && e.getValue() < itemsWithTerms) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        List<String> vocabulary = List.copyOf(kept.keySet());
        Map<String, Integer> column = new HashMap<>();
        float[] idf = new float[vocabulary.size()];
        for (int c = 0; c < vocabulary.size(); c++) {
            String term = vocabulary.get(c);
            column.put(term, c);
            idf[c] = (float) Math.log((double) itemsWithTerms / kept.get(term));
        }
        float[][] vectors = new float[distinct.size()][];
        for (int i = 0; i < distinct.size(); i++) {
            float[] v = null;
            double norm = 0;
            for (String term : distinct.get(i)) {
                Integer c = column.get(term);
                if (c == null) {
                    continue;
                }
                if (v == null) {
                    v = new float[vocabulary.size()];
                }
                v[c] = idf[c];
                norm += (double) idf[c] * idf[c];
            }
            if (v != null && norm > 0) {
                float inverse = (float) (1 / Math.sqrt(norm));
                for (int c = 0; c < v.length; c++) {
                    v[c] *= inverse;
                }
                vectors[i] = v;
            }
        }
        return new ContentVectors(vocabulary, vectors);
    }

    /** The terms behind the columns, in column order. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** One row per item, null where the item has no term of the vocabulary. */
    public float[][] vectors() {
        return vectors;
    }

    /** These vectors as one modality of the items' features. */
    public ItemFeatures.Modality modality(String name, double weight) {
        return new ItemFeatures.Modality(name, vectors, weight);
    }

    public int itemsWithVectors() {
        int n = 0;
        for (float[] v : vectors) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }
}
