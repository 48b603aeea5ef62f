package io.stylegraph.training.outfit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the type-aware compatibility model and its training.
 *
 * @param dimension         size of the general space (and of every type-pair subspace, which weights its dimensions)
 * @param epochs            passes over the training outfits
 * @param learningRate      Adam step size
 * @param weightDecay       decoupled (AdamW) decay of embeddings and projections, per step and row touched
 * @param batchSize         training examples per Adam step
 * @param scale             multiplies the score difference inside the logistic loss (scores are bounded, so the
 *                          loss needs a slope; the learned subspace weights can still grow)
 * @param sameTypeShare     share of replacements drawn from the same type (slot) as the replaced item; the rest
 *                          come from any type, so the model also learns which slots belong together
 * @param categoryDropout   share of item occurrences shown without their category during training, so the model
 *                          still scores items whose catalogue has no Polyvore category (text and slot only)
 * @param contentRepeats    training examples per epoch drawn from each outfit whose items carry content vectors
 *                          (other outfits give one); Maryland has 16k category-only outfits and under 1k named ones
 * @param itemEmbeddings    learn an embedding per item id seen in training (useful only where items recur across
 *                          outfits, as in Polyvore Outfits; Maryland items occur once)
 * @param seed              seeds initialization and sampling
 * @param blankShare        share of training examples that are blank-filling questions instead of the ranking of
 *                          two corrupted outfits: one item of the outfit is hidden and must outscore
 *                          {@code blankCandidates - 1} replacements (drawn as for corruption, so
 *                          {@code sameTypeShare} of them share its slot) in a softmax over their fit with the rest
 *                          of the outfit; 0 trains as before this option existed
 * @param blankCandidates   candidates of a blank-filling question, the hidden item included
 */
public record TypeAwareConfig(int dimension, int epochs, double learningRate, double weightDecay, int batchSize,
                              double scale, double sameTypeShare, double categoryDropout, int contentRepeats,
                              boolean itemEmbeddings, long seed, double blankShare, int blankCandidates) {

    public TypeAwareConfig {
        if (dimension < 1 || epochs < 0 || batchSize < 1 || contentRepeats < 1) {
            throw new IllegalArgumentException("dimension, batch size and content repeats must be positive, "
                    + "epochs non-negative");
        }
        if (blankShare < 0 || blankShare > 1 || blankCandidates < 2) {
            throw new IllegalArgumentException("blankShare must be in [0, 1] and blankCandidates at least 2");
        }
        if (sameTypeShare < 0 || sameTypeShare > 1 || categoryDropout < 0 || categoryDropout >= 1) {
            throw new IllegalArgumentException("sameTypeShare must be in [0, 1] and categoryDropout in [0, 1)");
        }
    }

    public static TypeAwareConfig defaults() {
        return new TypeAwareConfig(64, 20, 0.005, 1e-4, 32, 4.0, 0.5, 0.2, 4, false, 42, 0, 16);
    }

    /**
     * What the service trains and {@code evaluate-outfits} measures as {@code type-aware}: the defaults with
     * {@value #SERVED_BLANK_SHARE} of the examples as blank-filling questions (chosen on the dev slice; see
     * {@code reports/evaluate-outfits-polyvore-maryland.md}).
     */
    public static TypeAwareConfig served() {
        return defaults().withBlankShare(SERVED_BLANK_SHARE);
    }

    /** The share of blank-filling examples in {@link #served()}. */
    public static final double SERVED_BLANK_SHARE = 0.3;

    public TypeAwareConfig withEpochs(int value) {
        return new TypeAwareConfig(dimension, value, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withSeed(long value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, value, blankShare, blankCandidates);
    }

    public TypeAwareConfig withDimension(int value) {
        return new TypeAwareConfig(value, epochs, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withLearningRate(double value) {
        return new TypeAwareConfig(dimension, epochs, value, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withSameTypeShare(double value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, scale, value,
                categoryDropout, contentRepeats, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withCategoryDropout(double value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                value, contentRepeats, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withContentRepeats(int value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, value, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withItemEmbeddings(boolean value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, value, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withWeightDecay(double value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, value, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withScale(double value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, value, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, seed, blankShare, blankCandidates);
    }

    public TypeAwareConfig withBlankShare(double value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, seed, value, blankCandidates);
    }

    public TypeAwareConfig withBlankCandidates(int value) {
        return new TypeAwareConfig(dimension, epochs, learningRate, weightDecay, batchSize, scale, sameTypeShare,
                categoryDropout, contentRepeats, itemEmbeddings, seed, blankShare, value);
    }

    /** The settings as strings, for reports and model metadata. */
    public Map<String, String> parameters() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("dimension", Integer.toString(dimension));
        map.put("epochs", Integer.toString(epochs));
        map.put("learningRate", fmt(learningRate));
        map.put("weightDecay", fmt(weightDecay));
        map.put("batchSize", Integer.toString(batchSize));
        map.put("scale", fmt(scale));
        map.put("sameTypeShare", fmt(sameTypeShare));
        map.put("categoryDropout", fmt(categoryDropout));
        map.put("contentRepeats", Integer.toString(contentRepeats));
        map.put("itemEmbeddings", Boolean.toString(itemEmbeddings));
        map.put("seed", Long.toString(seed));
        map.put("blankShare", fmt(blankShare));
        map.put("blankCandidates", Integer.toString(blankCandidates));
        return map;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
