package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CompatibilityModel} applied to a fixed list of items (a pool): partial outfits and candidates are rows of
 * that list, so a model can prepare every item once (see {@link CompatibilityIndex}) before ranking many candidates.
 */
@FunctionalInterface
public interface PoolScorer {

    /**
     * Writes into {@code scores[c]} how well {@code candidates[c]} fits the partial outfit made of the rows
     * {@code partial}: the model's {@link CompatibilityModel#candidateScore}.
     */
    void candidateScores(int[] partial, int[] candidates, float[] scores);

    /** Scores through {@link CompatibilityModel#candidateScore} item by item, with no preparation. */
    static PoolScorer direct(CompatibilityModel model, List<ItemVectors> pool) {
        List<ItemVectors> items = List.copyOf(pool);
        return (partial, candidates, scores) -> {
            List<ItemVectors> given = new ArrayList<>(partial.length);
            for (int row : partial) {
                given.add(items.get(row));
            }
            for (int c = 0; c < candidates.length; c++) {
                scores[c] = (float) model.candidateScore(given, items.get(candidates[c]));
            }
        };
    }
}
