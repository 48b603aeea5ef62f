package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;

import io.stylegraph.training.eval.Scorer;

import java.util.Optional;

/**
 * Blends two recommenders over the same users and items: each user's scores from either model are standardized over
 * the items (mean 0, standard deviation 1) and added as {@code first + weight·second}. Standardizing per user makes
 * the weight mean the same for a user with one like and one with fifty, whatever the scale of either model's scores.
 * Used to add the content path (content-only item-kNN over the user's likes) to a trained graph model.
 */
public final class HybridModel implements RecommenderModel {

    private final RecommenderModel first;
    private final RecommenderModel second;
    private final double weight;
    private final ModelProvenance provenance;

    public HybridModel(RecommenderModel first, RecommenderModel second, double weight) {
        if (first.numUsers() != second.numUsers() || first.numItems() != second.numItems()) {
            throw new IllegalArgumentException("models must share one user and item id space");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("blend weight must be finite and non-negative: " + weight);
        }
        this.first = first;
        this.second = second;
        this.weight = weight;
        ModelProvenance base = first.provenance();
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>(base.parameters());
        parameters.put("blend", second.name());
        parameters.put("blendWeight", String.valueOf(weight));
        this.provenance = new ModelProvenance(base.modelName() + "+" + second.name(), base.trainer(), parameters,
                base.seed(), base.data(), base.kernel(), base.epochsRun(), base.bestEpoch(),
                base.validationMetrics(), base.trainedAt(), base.trainingSeconds());
    }

    public double weight() {
        return weight;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public int numUsers() {
        return first.numUsers();
    }

    @Override
    public int numItems() {
        return first.numItems();
    }

    /** Both models placed from the given likes, blended with the same weight. */
    @Override
    public Optional<RecommenderModel> foldIn(InteractionMatrix likes) {
        return first.foldIn(likes).flatMap(a -> second.foldIn(likes).map(b -> new HybridModel(a, b, weight)));
    }

    @Override
    public Scorer scorer() {
        Scorer a = first.scorer();
        Scorer b = second.scorer();
        int numItems = numItems();
        return (users, out) -> {
            a.score(users, out);
            float[] other = new float[users.length * numItems];
            b.score(users, other);
            for (int u = 0; u < users.length; u++) {
                int offset = u * numItems;
                standardize(out, offset, numItems);
                standardize(other, offset, numItems);
                float w = (float) weight;
                for (int i = 0; i < numItems; i++) {
                    out[offset + i] += w * other[offset + i];
                }
            }
        };
    }

    /** Scores of one user to mean 0 and standard deviation 1 (left centred only when all are equal). */
    static void standardize(float[] scores, int offset, int length) {
        Standardization spread = Standardization.of(scores, offset, length);
        for (int i = offset; i < offset + length; i++) {
            scores[i] = (float) spread.apply(scores[i]);
        }
    }
}
