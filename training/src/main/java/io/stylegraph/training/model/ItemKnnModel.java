package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.Scorer;

/**
 * An item-to-item recommender: a user's score for item j is the sum, over the items they liked, of those items'
 * similarity to j (sparse rows, a few hundred neighbours an item at most), plus a tiny popularity prior that orders
 * items no liked item reaches. The model of {@link ContentKnnTrainer} (similar content) and of {@link ItemWalkTrainer}
 * (liked by the same users). Given per-like weights (for example by recency), each liked item's row counts with its
 * like's weight instead of 1.
 */
public final class ItemKnnModel implements RecommenderModel {

    private final InteractionMatrix likes;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;
    private final float[] prior;
    /** Per user, the weight of each of {@code likes.itemsOf(user)}; null: every like weighs 1. */
    private final float[][] likeWeights;
    private final ModelProvenance provenance;

    ItemKnnModel(InteractionMatrix likes, int[] rowStart, int[] columns, float[] values, float[] prior,
                    ModelProvenance provenance) {
        this(likes, rowStart, columns, values, prior, null, provenance);
    }

    ItemKnnModel(InteractionMatrix likes, int[] rowStart, int[] columns, float[] values, float[] prior,
                 float[][] likeWeights, ModelProvenance provenance) {
        if (likeWeights != null && likeWeights.length != likes.numUsers()) {
            throw new IllegalArgumentException(likeWeights.length + " weight rows for " + likes.numUsers() + " users");
        }
        this.likeWeights = likeWeights;
        this.likes = likes;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.prior = prior;
        this.provenance = provenance;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public int numUsers() {
        return likes.numUsers();
    }

    @Override
    public int numItems() {
        return prior.length;
    }

    @Override
    public Scorer scorer() {
        int numItems = prior.length;
        return (users, out) -> {
            for (int b = 0; b < users.length; b++) {
                int offset = b * numItems;
                System.arraycopy(prior, 0, out, offset, numItems);
                int[] liked = likes.itemsOf(users[b]);
                float[] weights = likeWeights == null ? null : likeWeights[users[b]];
                for (int n = 0; n < liked.length; n++) {
                    float w = weights == null ? 1f : weights[n];
                    for (int k = rowStart[liked[n]]; k < rowStart[liked[n] + 1]; k++) {
                        out[offset + columns[k]] += w * values[k];
                    }
                }
            }
        };
    }
}
