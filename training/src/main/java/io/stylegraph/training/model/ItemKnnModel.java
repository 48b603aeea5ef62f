package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.Scorer;

/**
 * An item-to-item recommender: a user's score for item j is the sum, over the items they liked, of those items'
 * similarity to j (sparse rows, a few hundred neighbours an item at most), plus a tiny popularity prior that orders
 * items no liked item reaches. The model of {@link ContentKnnTrainer} (similar content) and of {@link ItemWalkTrainer}
 * (liked by the same users).
 */
public final class ItemKnnModel implements RecommenderModel {

    private final InteractionMatrix likes;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;
    private final float[] prior;
    private final ModelProvenance provenance;

    ItemKnnModel(InteractionMatrix likes, int[] rowStart, int[] columns, float[] values, float[] prior,
                    ModelProvenance provenance) {
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
                for (int liked : likes.itemsOf(users[b])) {
                    for (int k = rowStart[liked]; k < rowStart[liked + 1]; k++) {
                        out[offset + columns[k]] += values[k];
                    }
                }
            }
        };
    }
}
