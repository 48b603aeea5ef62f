package io.stylegraph.training.outfit;

import java.util.List;

/**
 * A weighted sum of compatibility models: the pair score is {@code Σ w_i s_i(a, b)}. Candidate and outfit scores are
 * means of pair scores, so they blend the same way, and a pool is scored through each model's own
 * {@link CompatibilityModel#poolScorer} (the type-aware part through its index).
 */
public final class BlendedCompatibility implements CompatibilityModel {

    private final String name;
    private final List<CompatibilityModel> models;
    private final double[] weights;

    public BlendedCompatibility(String name, List<CompatibilityModel> models, double[] weights) {
        if (models.isEmpty() || models.size() != weights.length) {
            throw new IllegalArgumentException("one weight per model, at least one model");
        }
        this.name = name;
        this.models = List.copyOf(models);
        this.weights = weights.clone();
    }

    /** The models' weights, in order. */
    double[] weights() {
        return weights.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * models.get(i).pairScore(a, b);
        }
        return sum;
    }

    @Override
    public double candidateScore(List<ItemVectors> partial, ItemVectors candidate) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * models.get(i).candidateScore(partial, candidate);
        }
        return sum;
    }

    @Override
    public double outfitScore(List<ItemVectors> outfit) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * models.get(i).outfitScore(outfit);
        }
        return sum;
    }

    @Override
    public PoolScorer poolScorer(List<ItemVectors> pool) {
        List<PoolScorer> scorers = models.stream().map(m -> m.poolScorer(pool)).toList();
        return (partial, candidates, scores) -> {
            java.util.Arrays.fill(scores, 0, candidates.length, 0f);
            float[] part = new float[candidates.length];
            for (int i = 0; i < weights.length; i++) {
                scorers.get(i).candidateScores(partial, candidates, part);
                for (int c = 0; c < candidates.length; c++) {
                    scores[c] += (float) (weights[i] * part[c]);
                }
            }
        };
    }
}
