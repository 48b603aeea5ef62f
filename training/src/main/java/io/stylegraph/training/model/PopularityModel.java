package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;

import io.stylegraph.training.eval.Scorer;

import java.util.Optional;

/** Scores every item by its number of train likes, the same for every user. */
public final class PopularityModel implements RecommenderModel {

    private final int numUsers;
    private final float[] popularity;
    private final ModelProvenance provenance;

    PopularityModel(int numUsers, float[] popularity, ModelProvenance provenance) {
        this.numUsers = numUsers;
        this.popularity = popularity;
        this.provenance = provenance;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return popularity.length;
    }

    public float popularity(int item) {
        return popularity[item];
    }

    /** Popularity does not depend on the user: the same model. */
    @Override
    public Optional<RecommenderModel> foldIn(InteractionMatrix likes) {
        return Optional.of(this);
    }

    @Override
    public Scorer scorer() {
        return (users, out) -> {
            for (int b = 0; b < users.length; b++) {
                System.arraycopy(popularity, 0, out, b * popularity.length, popularity.length);
            }
        };
    }
}
