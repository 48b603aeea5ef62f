package io.stylegraph.training.model;

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
}
