package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;

import java.util.Optional;

import io.stylegraph.training.eval.Scorer;

/** A trained recommender over a fixed user and item id space. */
public interface RecommenderModel {

    /** The model's name, as its provenance gives it. */
    default String name() {
        return provenance().modelName();
    }

    ModelProvenance provenance();

    int numUsers();

    int numItems();

    /** Scores all items for blocks of users; higher is better. */
    Scorer scorer();

    /**
     * The same model scoring each user from the given likes instead of what it learnt of them (fold-in): how it
     * serves a shopper it was not trained on. The likes share the model's user and item id space.
     *
     * @return empty for a model that can only score the users it was trained on
     */
    default Optional<RecommenderModel> foldIn(InteractionMatrix likes) {
        return Optional.empty();
    }
}
