package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Category co-occurrence as the service could serve it on a catalogue of its own: catalogue items carry no Polyvore
 * category and are not Polyvore items, so each item is given the training category whose mean text vector is nearest
 * its own (cosine), and only the category PMI of {@link CooccurrenceModel} scores the pair (no item-pair term).
 * Items without a text vector keep their slot, as {@link CooccurrenceModel} does for items without a category.
 *
 * <p>The centroids are the means of the unit text vectors of the training items of each category (the category-only
 * outfits have no text, so only the named outfits give centroids; their co-occurrence counts still count).
 */
public final class TextCategoryCooccurrence implements CompatibilityModel {

    public static final String NAME = "co-occurrence, categories from text";

    private final CooccurrenceModel categories;
    private final List<String> names;
    private final List<float[]> centroids;
    /** The centroids by dimension: {@code [d * categories + c]} is centroid c's component d (see {@link #nearest}). */
    private final float[] byDimension;
    private final Map<String, ItemVectors> guessed = new ConcurrentHashMap<>();
    private volatile String digest;

    private TextCategoryCooccurrence(CooccurrenceModel categories, List<String> names, List<float[]> centroids) {
        this.categories = categories;
        this.names = names;
        this.centroids = centroids;
        this.byDimension = byDimension(centroids);
    }

    /** The centroids laid out by dimension, or null when they differ in length (no text vector then fits). */
    private static float[] byDimension(List<float[]> centroids) {
        int count = centroids.size();
        int dimension = count == 0 ? 0 : centroids.get(0).length;
        float[] laid = new float[dimension * count];
        for (int c = 0; c < count; c++) {
            float[] centroid = centroids.get(c);
            if (centroid.length != dimension) {
                return null;
            }
            for (int d = 0; d < dimension; d++) {
                laid[d * count + c] = centroid[d];
            }
        }
        return laid;
    }

    /** Counts the training outfits' category pairs and the text centroid of every category with named items. */
    public static TextCategoryCooccurrence fit(List<OutfitRecord> train) {
        List<OutfitRecord> byCategory = new ArrayList<>();
        Map<String, double[]> sums = new HashMap<>();
        for (OutfitRecord outfit : train) {
            List<ItemVectors> anonymous = new ArrayList<>();
            for (ItemVectors item : outfit.items()) {
                // no item ids: the model must not learn item pairs a catalogue will never have
                anonymous.add(new ItemVectors(outfit.id() + "#" + anonymous.size(), item.type(), item.category(),
                        java.util.Map.of()));
                float[] text = item.features().get(ItemVectors.TEXT);
                if (text != null && item.category() != null) {
                    double[] sum = sums.computeIfAbsent(item.category(), c -> new double[text.length]);
                    double norm = norm(text);
                    for (int d = 0; d < text.length; d++) {
                        sum[d] += text[d] / norm;
                    }
                }
            }
            byCategory.add(new OutfitRecord(outfit.id(), anonymous));
        }
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(sums.keySet()));
        List<float[]> centroids = new ArrayList<>();
        for (String name : names) {
            double[] sum = sums.get(name);
            float[] centroid = new float[sum.length];
            for (int d = 0; d < sum.length; d++) {
                centroid[d] = (float) sum[d];
            }
            float norm = (float) norm(centroid);
            for (int d = 0; d < centroid.length; d++) {
                centroid[d] /= norm;
            }
            centroids.add(centroid);
        }
        return new TextCategoryCooccurrence(CooccurrenceModel.fit(byCategory), names, centroids);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        return categories.pairScore(guess(a), guess(b));
    }

    /** The training category nearest the item's text vector, under an id no training item has. */
    String categoryOf(ItemVectors item) {
        return guess(item).category();
    }

    private ItemVectors guess(ItemVectors item) {
        float[] text = item.features().get(ItemVectors.TEXT);
        return guessed.computeIfAbsent(item.id() + "\u0000" + item.type() + (text == null ? "\u0000" : ""),
                key -> new ItemVectors("\u0000unseen:" + item.id(), item.type(), nearest(text), java.util.Map.of()));
    }

    /** The training category whose centroid is nearest the text vector, or null without one. */
    private String nearest(float[] text) {
        int c = nearestIndex(text);
        return c < 0 ? null : names.get(c);
    }

    /**
     * The index in {@link #categoryNames()} of the centroid nearest the text vector (largest dot product, the first
     * of equals), or -1 without a text vector of the centroids' dimension. All categories are scored in one pass
     * over the text vector: each component adds its multiple of a contiguous row of {@link #byDimension}, a loop
     * the JIT vectorises (a dot product per centroid, accumulated in double, runs one dependent add at a time).
     */
    int nearestIndex(float[] text) {
        int count = names.size();
        if (text == null || count == 0 || byDimension == null || text.length * count != byDimension.length) {
            return -1;
        }
        float[] scores = new float[count];
        for (int d = 0; d < text.length; d++) {
            float component = text[d];
            int row = d * count;
            for (int c = 0; c < count; c++) {
                scores[c] += component * byDimension[row + c];
            }
        }
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The number of the co-occurrence key an item of {@code type} whose nearest category is {@code category}
     * ({@link #nearestIndex}; -1: none, so its type) is counted under, or -1 for a key the training outfits never
     * had. Nothing is cached, so a server may call it for every catalogue item.
     */
    int keyNumber(String type, int category) {
        return categories.categoryCounts().number(CooccurrenceModel.categoryKey(
                new ItemVectors("", type, category < 0 ? null : names.get(category), java.util.Map.of())));
    }

    /**
     * SHA-256 over the category names and centroids, which alone decide {@link #nearestIndex}: a stored category
     * assignment made under another digest is not this model's.
     */
    String digest() {
        String known = digest;
        if (known == null) {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4);
                for (int c = 0; c < names.size(); c++) {
                    sha.update(names.get(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    for (float v : centroids.get(c)) {
                        sha.update(buffer.clear().putFloat(v).array());
                    }
                }
                known = "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            digest = known;
        }
        return known;
    }

    /** How many co-occurrence keys there are; {@link #keyNumber} gives numbers below it. */
    int keyCount() {
        return categories.categoryCounts().keys().size();
    }

    /** The pair score of two key numbers (-1: a key never counted), what {@link #pairScore} gives their items. */
    double keyPairScore(int a, int b) {
        return categories.categoryCounts().pmi(a, b);
    }

    /** The category names whose centroids {@link #centroids()} gives, in the same order. */
    List<String> categoryNames() {
        return names;
    }

    /** The unit mean text vector of each category of {@link #categoryNames()}. */
    List<float[]> centroids() {
        return centroids;
    }

    /** The co-occurrence counts of the category (or type) keys. */
    CooccurrenceModel.Counts counts() {
        return categories.categoryCounts();
    }

    /** The model as {@link #categoryNames()}, {@link #centroids()} and {@link #counts()} gave it (a model file). */
    static TextCategoryCooccurrence restore(List<String> names, List<float[]> centroids,
                                            CooccurrenceModel.Counts counts) {
        if (names.size() != centroids.size()) {
            throw new IllegalArgumentException("one centroid per category");
        }
        return new TextCategoryCooccurrence(CooccurrenceModel.ofCategories(counts), List.copyOf(names),
                List.copyOf(centroids));
    }

    private static double norm(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += v * v;
        }
        return Math.max(Math.sqrt(squares), 1e-12);
    }
}
