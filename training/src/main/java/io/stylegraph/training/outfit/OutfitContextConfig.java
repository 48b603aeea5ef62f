package io.stylegraph.training.outfit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training settings of an {@link OutfitContextModel}.
 *
 * @param dimension         width of the item embedding
 * @param epochs            passes over the training outfits
 * @param learningRate      Adam step size
 * @param weightDecay       decoupled (AdamW) decay of the touched rows
 * @param batchSize         examples per Adam step
 * @param randomNegatives   distractors per example drawn from training items of any slot
 * @param sameSlotNegatives distractors per example drawn from training items of the blank's slot (hard negatives)
 * @param contentRepeats    how often an outfit whose items carry content vectors (names) is drawn per epoch, beside
 *                          once for a category-only outfit
 * @param seed              seed of the initial weights and of the draws
 */
public record OutfitContextConfig(int dimension, int epochs, double learningRate, double weightDecay, int batchSize,
                                  int randomNegatives, int sameSlotNegatives, int contentRepeats, long seed) {

    public OutfitContextConfig {
        if (dimension < 1 || epochs < 1 || batchSize < 1 || contentRepeats < 1) {
            throw new IllegalArgumentException("dimension, epochs, batch size and content repeats must be positive");
        }
        if (randomNegatives < 0 || sameSlotNegatives < 0 || randomNegatives + sameSlotNegatives < 1) {
            throw new IllegalArgumentException("an example needs at least one distractor");
        }
        if (!(learningRate > 0) || weightDecay < 0) {
            throw new IllegalArgumentException("learning rate must be positive and weight decay not negative");
        }
    }

    /** The settings chosen on the dev folds. */
    public static OutfitContextConfig defaults() {
        return new OutfitContextConfig(64, 8, 0.003, 1e-4, 32, 3, 3, 4, 42);
    }

    public OutfitContextConfig withSeed(long value) {
        return new OutfitContextConfig(dimension, epochs, learningRate, weightDecay, batchSize, randomNegatives,
                sameSlotNegatives, contentRepeats, value);
    }

    public OutfitContextConfig withEpochs(int value) {
        return new OutfitContextConfig(dimension, value, learningRate, weightDecay, batchSize, randomNegatives,
                sameSlotNegatives, contentRepeats, seed);
    }

    public OutfitContextConfig withDimension(int value) {
        return new OutfitContextConfig(value, epochs, learningRate, weightDecay, batchSize, randomNegatives,
                sameSlotNegatives, contentRepeats, seed);
    }

    public OutfitContextConfig withNegatives(int random, int sameSlot) {
        return new OutfitContextConfig(dimension, epochs, learningRate, weightDecay, batchSize, random, sameSlot,
                contentRepeats, seed);
    }

    /** The settings as report or model parameters, prefixed {@code context.}. */
    public Map<String, String> parameters() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("context.dimension", Integer.toString(dimension));
        map.put("context.epochs", Integer.toString(epochs));
        map.put("context.learningRate", Double.toString(learningRate));
        map.put("context.weightDecay", Double.toString(weightDecay));
        map.put("context.batchSize", Integer.toString(batchSize));
        map.put("context.randomNegatives", Integer.toString(randomNegatives));
        map.put("context.sameSlotNegatives", Integer.toString(sameSlotNegatives));
        map.put("context.contentRepeats", Integer.toString(contentRepeats));
        map.put("context.seed", Long.toString(seed));
        return map;
    }
}
