package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.Scorer;

/** The model of {@link ContentKnnTrainer}: sparse item–item content similarities and the users' train likes. */
public final class ContentKnnModel implements RecommenderModel {

    private final InteractionMatrix likes;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;
    private final float[] prior;
    private final ModelProvenance provenance;

    ContentKnnModel(InteractionMatrix likes, int[] rowStart, int[] columns, float[] values, float[] prior,
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
