package io.stylegraph.training.outfit;

import io.stylegraph.models.Vectors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TypeAwareModel} applied to a fixed list of items (a catalogue), for serving: every item's general-space
 * vector is computed once (the content projection is the costly part), so a pair score is one masked dot product
 * and ranking all candidates for a partial outfit is one pass over their vectors.
 *
 * <p>Rows follow the order of the list given to {@link #build}. An item whose type the model cannot place (no such
 * type and no {@code other} type in the model) is kept as a row that is not {@link #scorable(int)}.
 *
 * <p>Where the model carries a {@link TypeAwareModel.TextCategoryBlend}, every pair score also gets the blend's
 * weight × the co-occurrence score of the two items' guessed categories: each row's category (nearest text centroid)
 * is found once at build time (or read back from a file of earlier builds' categories,
 * {@link TextCategoryAssignments}) and the scores of every key pair are tabled, so the blend costs one table look-up
 * per pair. Where it carries a {@link TypeAwareModel.WordBlend}, the blend's weight × the {@link WordOverlap} of the
 * two items' words is added too ({@link WordIndex}). Scores are then those of {@link TypeAwareModel#served()}.
 */
public final class CompatibilityIndex implements PoolScorer {
    private final TypeAwareModel model;
    private final int dimension;
    private final String[] ids;
    private final int[] types;
    private final float[] vectors;
    /** With a blend: each row's co-occurrence key + 1 (0: a key never counted), else null. */
    private final int[] keys;
    /** With a blend: weight × the key pair's score, (keys + 1)², indexed by {@link #keys} entries. */
    private final double[] keyScores;
    private final int keyStride;
    /** With a blend: how the rows' categories were obtained, else null. */
    private final TextCategoryAssignments.Outcome categories;
    /** With a word blend: the rows' words, else null. */
    private final WordIndex words;
    private final double wordWeight;

    private CompatibilityIndex(TypeAwareModel model, String[] ids, int[] types, float[] vectors, int[] keys,
                               double[] keyScores, int keyStride, TextCategoryAssignments.Outcome categories,
                               WordIndex words, double wordWeight) {
        this.model = model;
        this.dimension = model.dimension();
        this.ids = ids;
        this.types = types;
        this.vectors = vectors;
        this.keys = keys;
        this.keyScores = keyScores;
        this.keyStride = keyStride;
        this.categories = categories;
        this.words = words;
        this.wordWeight = wordWeight;
    }

    /** Embeds every item once; the list's order gives the rows. Applies the model's blend where it has one. */
    public static CompatibilityIndex build(TypeAwareModel model, List<ItemVectors> items) {
        return build(model, items, true, null);
    }

    /**
     * As {@link #build(TypeAwareModel, List)}, the rows' text categories read from and kept in {@code categoryFile}
     * ({@link TextCategoryAssignments}): only items whose text vector it lacks are compared with the centroids.
     */
    public static CompatibilityIndex build(TypeAwareModel model, List<ItemVectors> items, Path categoryFile) {
        return build(model, items, true, categoryFile);
    }

    /** As {@link #build(TypeAwareModel, List)}; {@code blend} false scores with the type-aware model alone. */
    static CompatibilityIndex build(TypeAwareModel model, List<ItemVectors> items, boolean blend) {
        return build(model, items, blend, null);
    }

    private static CompatibilityIndex build(TypeAwareModel model, List<ItemVectors> items, boolean blend,
                                            Path categoryFile) {
        int d = model.dimension();
        String[] ids = new String[items.size()];
        int[] types = new int[items.size()];
        float[] vectors = new float[items.size() * d];
        float[] u = new float[d];
        for (int row = 0; row < items.size(); row++) {
            ItemVectors item = items.get(row);
            ids[row] = item.id();
            TypeAwareModel.Encoded encoded;
            try {
                encoded = model.encode(item);
            } catch (IllegalArgumentException unknownType) {
                types[row] = -1;
                continue;
            }
            types[row] = encoded.type();
            model.embed(encoded, u);
            System.arraycopy(u, 0, vectors, row * d, d);
        }
        TypeAwareModel.WordBlend wordBlend = blend ? model.wordBlend().orElse(null) : null;
        WordIndex words = wordBlend == null ? null : WordIndex.build(wordBlend.overlap(), items);
        double wordWeight = wordBlend == null ? 0 : wordBlend.weight();
        TypeAwareModel.TextCategoryBlend served = blend ? model.textCategoryBlend().orElse(null) : null;
        if (served == null) {
            return new CompatibilityIndex(model, ids, types, vectors, null, null, 0, null, words, wordWeight);
        }
        TextCategoryCooccurrence cooccurrence = served.cooccurrence();
        TextCategoryAssignments.Assigned assigned = TextCategoryAssignments.assign(cooccurrence, items, categoryFile);
        int[] keys = new int[items.size()];
        for (int row = 0; row < items.size(); row++) {
            keys[row] = cooccurrence.keyNumber(items.get(row).type(), assigned.categories()[row]) + 1;
        }
        int stride = cooccurrence.keyCount() + 1;
        double[] keyScores = new double[stride * stride];
        for (int a = 0; a < stride; a++) {
            for (int b = 0; b < stride; b++) {
                keyScores[a * stride + b] = served.weight() * cooccurrence.keyPairScore(a - 1, b - 1);
            }
        }
        return new CompatibilityIndex(model, ids, types, vectors, keys, keyScores, stride, assigned.outcome(), words,
                wordWeight);
    }

    /** True when the index adds a category co-occurrence blend to the type-aware scores. */
    public boolean blended() {
        return keys != null;
    }

    /** With a blend: how many rows' categories were read back or computed, and in how long. */
    public Optional<TextCategoryAssignments.Outcome> categoryAssignment() {
        return Optional.ofNullable(categories);
    }

    /** With a word blend: its weight, how many rows have words and how many distinct words they have. */
    public Optional<WordSummary> wordBlend() {
        return words == null ? Optional.empty()
                : Optional.of(new WordSummary(wordWeight, words.rowsWithWords(), words.vocabulary()));
    }

    /** See {@link #wordBlend()}. */
    public record WordSummary(double weight, int itemsWithWords, int words) {
    }

    private double blend(int a, int b) {
        double s = keys == null ? 0 : keyScores[keys[a] * keyStride + keys[b]];
        return words == null ? s : s + wordWeight * words.pair(a, b);
    }

    public TypeAwareModel model() {
        return model;
    }

    public int size() {
        return ids.length;
    }

    public String id(int row) {
        return ids[row];
    }

    /** False for an item whose type the model has no place for. */
    public boolean scorable(int row) {
        return types[row] >= 0;
    }

    /** The served pair score of two scorable rows (the value {@link TypeAwareModel#served()} gives). */
    public double pairScore(int a, int b) {
        int p = model.pairIndex(types[a], types[b]);
        int maskOffset = p * dimension;
        int oa = a * dimension;
        int ob = b * dimension;
        double s = model.pairBias[p];
        for (int k = 0; k < dimension; k++) {
            s += model.masks[maskOffset + k] * vectors[oa + k] * vectors[ob + k];
        }
        return s + blend(a, b);
    }

    /** Mean pair score and every pair's score of the outfit made of these rows. */
    public CompatibilityModel.OutfitScore score(int[] rows) {
        List<CompatibilityModel.PairScore> pairs = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = i + 1; j < rows.length; j++) {
                double s = pairScore(rows[i], rows[j]);
                pairs.add(new CompatibilityModel.PairScore(ids[rows[i]], ids[rows[j]], s));
                sum += s;
            }
        }
        return new CompatibilityModel.OutfitScore(pairs.isEmpty() ? 0 : sum / pairs.size(), pairs);
    }

    /**
     * Writes into {@code scores[c]} the mean pair score of {@code candidates[c]} with the items of {@code partial}
     * (what {@link CompatibilityModel#candidateScore} gives). The masked sum of the partial outfit's vectors is
     * formed once per candidate type, so the scan is one dot product per candidate.
     */
    @Override
    public void candidateScores(int[] partial, int[] candidates, float[] scores) {
        if (partial.length == 0) {
            Arrays.fill(scores, 0, candidates.length, 0f);
            return;
        }
        int typeCount = model.types().size();
        float[][] queries = new float[typeCount][];
        double[] biases = new double[typeCount];
        float[] wordQuery = words == null ? null : words.query(partial);
        try {
            for (int c = 0; c < candidates.length; c++) {
                int row = candidates[c];
                int type = types[row];
                if (queries[type] == null) {
                    queries[type] = query(partial, type);
                    biases[type] = bias(partial, type);
                }
                double blended = 0;
                if (keys != null) {
                    int offset = keys[row] * keyStride;
                    for (int given : partial) {
                        blended += keyScores[offset + keys[given]];
                    }
                }
                if (wordQuery != null) {
                    blended += wordWeight * words.sum(wordQuery, row);
                }
                scores[c] = (float) ((dot(queries[type], row * dimension) + biases[type] + blended)
                        / partial.length);
            }
        } finally {
            if (wordQuery != null) {
                words.release(wordQuery, partial);
            }
        }
    }

    /** q · the vector at {@code offset}. */
    private float dot(float[] q, int offset) {
        return Vectors.dot(vectors, offset, q, dimension);
    }

    /** Σ over the partial outfit of (mask of the item's pair with {@code type}) ⊙ (item vector). */
    private float[] query(int[] partial, int type) {
        float[] q = new float[dimension];
        for (int row : partial) {
            int maskOffset = model.pairIndex(types[row], type) * dimension;
            int offset = row * dimension;
            for (int k = 0; k < dimension; k++) {
                q[k] += model.masks[maskOffset + k] * vectors[offset + k];
            }
        }
        return q;
    }

    private double bias(int[] partial, int type) {
        double sum = 0;
        for (int row : partial) {
            sum += model.pairBias[model.pairIndex(types[row], type)];
        }
        return sum;
    }
}
