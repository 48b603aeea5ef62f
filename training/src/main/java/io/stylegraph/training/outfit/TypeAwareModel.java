package io.stylegraph.training.outfit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type-aware outfit compatibility (after Vasileva et al., ECCV 2018; this is an own formulation).
 *
 * <p><b>General space.</b> An item's embedding is
 * {@code e = b + T[type] + C[category] + I[item] + Σ_f W_f x_f}: a learned vector per type (slot), per category and,
 * where enabled, per item id seen in training, plus a linear projection of each content vector {@code x_f} the item
 * has (the text vector of its name, optionally visual vectors or trained recommender embeddings). A missing part
 * adds nothing: an item without a name is its type and category; an item of an unknown category is its type and
 * content. {@code u = e / |e|}.
 *
 * <p><b>Type-pair subspaces.</b> Every unordered pair of types (p, q) has its own weighting {@code m_pq} of the
 * general space's dimensions (the "mask" of the paper, here signed and learned freely) and a bias; two items meet
 * only in their pair's subspace: {@code s(i, j) = Σ_k m_pq[k] u_i[k] u_j[k] + c_pq}. So "goes with" need not be
 * transitive across slots: shoes can match a bag and a dress without the bag matching the dress in the same way,
 * and similarity within a slot (two tops alike) is not mistaken for compatibility.
 *
 * <p><b>Outfit.</b> The score of an outfit is the mean of its pair scores; the weakest pair is the one to swap.
 *
 * <p>Its vocabularies and how an item maps onto them are a {@code TypeAwareVocabulary}; its file format is
 * {@code TypeAwareModelFile}. Thread-safe for scoring once built.
 */
public final class TypeAwareModel implements CompatibilityModel {

    public static final String NAME = "type-aware";
    /**
     * Parameter naming how many member models an ensemble's general space joins ({@link #ensemble}); absent for a
     * single model.
     */
    public static final String MEMBERS = "ensembleMembers";

    final int dimension;
    /** Blocks of the general space normalized one by one: the members of an ensemble, else 1. */
    final int blocks;
    final TypeAwareVocabulary vocabulary;
    final Map<String, String> parameters;

    final float[] bias;
    final float[] typeEmbedding;
    final float[] categoryEmbedding;
    final float[] itemEmbedding;
    final float[] projection;
    final float[] masks;
    final float[] pairBias;
    /** The category co-occurrence a server blends in, or null (models written before it, or trained without). */
    final TextCategoryBlend blend;
    /** The word overlap a server blends in, or null (models written before it, or trained without). */
    final WordBlend words;

    /**
     * What a server adds to the type-aware pair score: {@code weight} × the pair score of {@code cooccurrence}
     * ({@link TextCategoryCooccurrence}, fitted on the same training outfits), as the {@code text-category-blend}
     * contender of the dev folds and {@code evaluate-outfits} blends them.
     */
    public record TextCategoryBlend(TextCategoryCooccurrence cooccurrence, double weight) {
        public TextCategoryBlend {
            java.util.Objects.requireNonNull(cooccurrence, "cooccurrence");
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("blend weight must be finite: " + weight);
            }
        }
    }

    /**
     * What a server adds to the pair score beside the category blend: {@code weight} × the {@link WordOverlap} of
     * the two items' names, under the document frequencies of the training names.
     */
    public record WordBlend(WordOverlap overlap, double weight) {
        public WordBlend {
            java.util.Objects.requireNonNull(overlap, "overlap");
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("word blend weight must be finite and >= 0: " + weight);
            }
        }
    }

    /** An item mapped onto the model's vocabularies; {@code content} is null when it has no content vector. */
    record Encoded(int type, int category, int item, float[] content) {
        Encoded withoutCategory() {
            return category < 0 ? this : new Encoded(type, -1, item, content);
        }
    }

    TypeAwareModel(int dimension, List<String> types, List<String> categories, List<String> itemIds,
                   List<FeatureSpec> features, Map<String, String> parameters, float[] bias, float[] typeEmbedding,
                   float[] categoryEmbedding, float[] itemEmbedding, float[] projection, float[] masks,
                   float[] pairBias) {
        this(dimension, new TypeAwareVocabulary(types, categories, itemIds, features), parameters, bias,
                typeEmbedding, categoryEmbedding, itemEmbedding, projection, masks, pairBias);
    }

    TypeAwareModel(int dimension, TypeAwareVocabulary vocabulary, Map<String, String> parameters, float[] bias,
                   float[] typeEmbedding, float[] categoryEmbedding, float[] itemEmbedding, float[] projection,
                   float[] masks, float[] pairBias) {
        this(dimension, vocabulary, parameters, bias, typeEmbedding, categoryEmbedding, itemEmbedding, projection,
                masks, pairBias, null, null);
    }

    TypeAwareModel(int dimension, TypeAwareVocabulary vocabulary, Map<String, String> parameters, float[] bias,
                   float[] typeEmbedding, float[] categoryEmbedding, float[] itemEmbedding, float[] projection,
                   float[] masks, float[] pairBias, TextCategoryBlend blend, WordBlend words) {
        this.dimension = dimension;
        this.blocks = Integer.parseInt(parameters.getOrDefault(MEMBERS, "1"));
        if (blocks < 1 || dimension % blocks != 0) {
            throw new IllegalArgumentException(MEMBERS + " must be a positive divisor of the dimension " + dimension
                    + ": " + blocks);
        }
        this.blend = blend;
        this.words = words;
        this.vocabulary = vocabulary;
        this.parameters = Map.copyOf(parameters);
        int pairs = vocabulary.pairs();
        check("bias", bias, dimension);
        check("type embedding", typeEmbedding, vocabulary.types.size() * dimension);
        check("category embedding", categoryEmbedding, vocabulary.categories.size() * dimension);
        check("item embedding", itemEmbedding, vocabulary.itemIds.size() * dimension);
        check("projection", projection, vocabulary.contentDimension * dimension);
        check("masks", masks, pairs * dimension);
        check("pair bias", pairBias, pairs);
        this.bias = bias;
        this.typeEmbedding = typeEmbedding;
        this.categoryEmbedding = categoryEmbedding;
        this.itemEmbedding = itemEmbedding;
        this.projection = projection;
        this.masks = masks;
        this.pairBias = pairBias;
    }

    private static void check(String what, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + " has " + values.length + " values, expected " + expected);
        }
    }

    static int numPairs(int types) {
        return types * (types + 1) / 2;
    }

    /** Index of the unordered type pair (a, b) in the triangular pair tables. */
    int pairIndex(int a, int b) {
        return vocabulary.pairIndex(a, b);
    }

    /** The tables in file order: bias, type, category, item, projection, masks, pair bias. */
    List<float[]> tables() {
        return List.of(bias, typeEmbedding, categoryEmbedding, itemEmbedding, projection, masks, pairBias);
    }

    @Override
    public String name() {
        return NAME;
    }

    public int dimension() {
        return dimension;
    }

    public List<String> types() {
        return vocabulary.types;
    }

    public List<FeatureSpec> features() {
        return vocabulary.features;
    }

    /** The training settings and provenance this model was built with. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The same model with {@code extra} added to its parameters (provenance such as the text encoder's id). */
    public TypeAwareModel withParameters(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(extra);
        return new TypeAwareModel(dimension, vocabulary, merged, bias, typeEmbedding, categoryEmbedding,
                itemEmbedding, projection, masks, pairBias, blend, words);
    }

    /**
     * One model whose pair score is the mean of the members' pair scores, exactly: its general space joins the
     * members' spaces side by side (each normalized on its own, {@link #MEMBERS} blocks), its masks are the members'
     * masks over the number of members and its pair biases their mean. So it is served, saved and indexed as any
     * type-aware model ({@link CompatibilityIndex} scans one masked product per candidate, members × dimension wide).
     * Averaging models trained from different seeds on the same outfits steadies what one small training run
     * learns by chance. The members must share their vocabularies and dimension (the same training outfits give
     * that) and carry no blends; the ensemble takes the first member's parameters plus the members' count and seeds.
     */
    public static TypeAwareModel ensemble(List<TypeAwareModel> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        TypeAwareModel first = members.get(0);
        int d = first.dimension;
        for (TypeAwareModel m : members) {
            if (m.blocks != 1 || m.dimension != d || !m.vocabulary.types.equals(first.vocabulary.types)
                    || !m.vocabulary.categories.equals(first.vocabulary.categories)
                    || !m.vocabulary.itemIds.equals(first.vocabulary.itemIds)
                    || !m.vocabulary.features.equals(first.vocabulary.features)) {
                throw new IllegalArgumentException("ensemble members must be single models of one dimension and one "
                        + "vocabulary");
            }
            if (m.blend != null || m.words != null) {
                throw new IllegalArgumentException("ensemble members carry no blends; add them to the ensemble");
            }
        }
        int n = members.size();
        Map<String, String> parameters = new LinkedHashMap<>(first.parameters);
        parameters.put(MEMBERS, Integer.toString(n));
        parameters.put("ensembleSeeds", String.join(" ", members.stream()
                .map(m -> m.parameters.getOrDefault("seed", "?")).toList()));
        float[] pairBias = new float[first.pairBias.length];
        for (TypeAwareModel m : members) {
            for (int p = 0; p < pairBias.length; p++) {
                pairBias[p] += m.pairBias[p] / n;
            }
        }
        return new TypeAwareModel(d * n, first.vocabulary, parameters,
                sideBySide(members, m -> m.bias, d, 1f),
                sideBySide(members, m -> m.typeEmbedding, d, 1f),
                sideBySide(members, m -> m.categoryEmbedding, d, 1f),
                sideBySide(members, m -> m.itemEmbedding, d, 1f),
                sideBySide(members, m -> m.projection, d, 1f),
                sideBySide(members, m -> m.masks, d, 1f / n),
                pairBias);
    }

    /** Each row of the members' tables (rows of {@code d}) joined side by side, times {@code scale}. */
    private static float[] sideBySide(List<TypeAwareModel> members,
                                      java.util.function.Function<TypeAwareModel, float[]> table, int d, float scale) {
        int n = members.size();
        int rows = table.apply(members.get(0)).length / d;
        float[] joined = new float[rows * d * n];
        for (int m = 0; m < n; m++) {
            float[] values = table.apply(members.get(m));
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < d; k++) {
                    joined[(r * n + m) * d + k] = values[r * d + k] * scale;
                }
            }
        }
        return joined;
    }

    /** How many member models this one joins ({@link #ensemble}); 1 for a trained model. */
    public int members() {
        return blocks;
    }

    /** The same model carrying {@code blend} for a server to add (null: none); its own scores are unchanged. */
    public TypeAwareModel withTextCategoryBlend(TextCategoryBlend blend) {
        return new TypeAwareModel(dimension, vocabulary, parameters, bias, typeEmbedding, categoryEmbedding,
                itemEmbedding, projection, masks, pairBias, blend, words);
    }

    /** The same model carrying {@code words} for a server to add (null: none); its own scores are unchanged. */
    public TypeAwareModel withWordBlend(WordBlend words) {
        return new TypeAwareModel(dimension, vocabulary, parameters, bias, typeEmbedding, categoryEmbedding,
                itemEmbedding, projection, masks, pairBias, blend, words);
    }

    /** The word overlap blend the model carries, if any. */
    public java.util.Optional<WordBlend> wordBlend() {
        return java.util.Optional.ofNullable(words);
    }

    /** The category co-occurrence blend the model carries, if any. */
    public java.util.Optional<TextCategoryBlend> textCategoryBlend() {
        return java.util.Optional.ofNullable(blend);
    }

    /**
     * What a server scores with: this model where it carries no blend, else this model plus each blend's weight ×
     * its pair score (the category co-occurrence, then the word overlap; {@link BlendedCompatibility});
     * {@link CompatibilityIndex#build} gives the same scores.
     */
    public CompatibilityModel served() {
        if (blend == null && words == null) {
            return this;
        }
        List<CompatibilityModel> models = new java.util.ArrayList<>(List.of(this));
        List<Double> weights = new java.util.ArrayList<>(List.of(1.0));
        String label = NAME;
        if (blend != null) {
            models.add(blend.cooccurrence());
            weights.add(blend.weight());
            label += " + " + TextCategoryCooccurrence.NAME;
        }
        if (words != null) {
            models.add(words.overlap());
            weights.add(words.weight());
            label += " + " + WordOverlap.NAME;
        }
        return new BlendedCompatibility(label, models, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Maps an item onto the vocabularies (see {@code TypeAwareVocabulary.encode}). */
    Encoded encode(ItemVectors item) {
        return vocabulary.encode(item);
    }

    /**
     * Writes the general-space vector of an item into {@code u}, each block unit-length (one block but in an
     * ensemble); returns |e| of the first block before normalizing (what training, on single models, needs).
     */
    float embed(Encoded item, float[] u) {
        int d = dimension;
        System.arraycopy(bias, 0, u, 0, d);
        add(u, typeEmbedding, item.type() * d);
        if (item.category() >= 0) {
            add(u, categoryEmbedding, item.category() * d);
        }
        if (item.item() >= 0) {
            add(u, itemEmbedding, item.item() * d);
        }
        float[] x = item.content();
        if (x != null) {
            for (int r = 0; r < x.length; r++) {
                float value = x[r];
                if (value != 0) {
                    int offset = r * d;
                    for (int k = 0; k < d; k++) {
                        u[k] += value * projection[offset + k];
                    }
                }
            }
        }
        int width = d / blocks;
        float first = 0;
        for (int b = 0; b < blocks; b++) {
            double sum = 1e-12;
            for (int k = b * width; k < (b + 1) * width; k++) {
                sum += (double) u[k] * u[k];
            }
            float norm = (float) Math.sqrt(sum);
            for (int k = b * width; k < (b + 1) * width; k++) {
                u[k] /= norm;
            }
            if (b == 0) {
                first = norm;
            }
        }
        return first;
    }

    private void add(float[] target, float[] table, int offset) {
        for (int k = 0; k < dimension; k++) {
            target[k] += table[offset + k];
        }
    }

    /** The pair score of two embedded items of the given types. */
    double pair(int typeA, float[] ua, int typeB, float[] ub) {
        int p = pairIndex(typeA, typeB);
        int offset = p * dimension;
        double s = pairBias[p];
        for (int k = 0; k < dimension; k++) {
            s += masks[offset + k] * ua[k] * ub[k];
        }
        return s;
    }

    private float[][] embedAll(List<Encoded> items) {
        float[][] u = new float[items.size()][dimension];
        for (int i = 0; i < items.size(); i++) {
            embed(items.get(i), u[i]);
        }
        return u;
    }

    /** The pool embedded once: a {@link CompatibilityIndex} of this model's own scores (no blend). */
    @Override
    public PoolScorer poolScorer(List<ItemVectors> pool) {
        return CompatibilityIndex.build(this, pool, false);
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        Encoded ea = encode(a);
        Encoded eb = encode(b);
        float[][] u = embedAll(List.of(ea, eb));
        return pair(ea.type(), u[0], eb.type(), u[1]);
    }

    @Override
    public OutfitScore score(List<ItemVectors> outfit) {
        List<Encoded> encoded = outfit.stream().map(this::encode).toList();
        float[][] u = embedAll(encoded);
        List<PairScore> pairs = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < outfit.size(); i++) {
            for (int j = i + 1; j < outfit.size(); j++) {
                double s = pair(encoded.get(i).type(), u[i], encoded.get(j).type(), u[j]);
                pairs.add(new PairScore(outfit.get(i).id(), outfit.get(j).id(), s));
                sum += s;
            }
        }
        return new OutfitScore(pairs.isEmpty() ? 0 : sum / pairs.size(), pairs);
    }

    @Override
    public double outfitScore(List<ItemVectors> outfit) {
        List<Encoded> encoded = outfit.stream().map(this::encode).toList();
        float[][] u = embedAll(encoded);
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < outfit.size(); i++) {
            for (int j = i + 1; j < outfit.size(); j++) {
                sum += pair(encoded.get(i).type(), u[i], encoded.get(j).type(), u[j]);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    @Override
    public double candidateScore(List<ItemVectors> partial, ItemVectors candidate) {
        if (partial.isEmpty()) {
            return 0;
        }
        Encoded c = encode(candidate);
        float[] uc = new float[dimension];
        embed(c, uc);
        float[] ui = new float[dimension];
        double sum = 0;
        for (ItemVectors item : partial) {
            Encoded e = encode(item);
            embed(e, ui);
            sum += pair(e.type(), ui, c.type(), uc);
        }
        return sum / partial.size();
    }

    /** Writes the model to {@code file} (through a temporary file in the same folder, then renamed). */
    public void save(Path file) throws IOException {
        TypeAwareModelFile.save(this, file);
    }

    /** Reads a model written by {@link #save(Path)}. */
    public static TypeAwareModel load(Path file) throws IOException {
        return TypeAwareModelFile.load(file);
    }
}
