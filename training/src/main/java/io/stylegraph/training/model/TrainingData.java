package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.data.Dataset;
import io.stylegraph.training.data.InteractionMatrix;

import java.util.Optional;

/**
 * What a trainer learns from: train likes, dislikes (hard negatives; may be empty), optional validation likes for
 * early stopping, and item content features (may be none). All share one user and item id space.
 */
public record TrainingData(InteractionMatrix likes, InteractionMatrix dislikes, Optional<InteractionMatrix> validation,
                           ItemFeatures features) {

    public TrainingData {
        if (dislikes.numUsers() != likes.numUsers() || dislikes.numItems() != likes.numItems()
                || features.numItems() != likes.numItems()
                || validation.map(v -> v.numUsers() != likes.numUsers() || v.numItems() != likes.numItems())
                .orElse(false)) {
            throw new IllegalArgumentException("likes, dislikes, validation and features must share one id space");
        }
    }

    public static TrainingData of(InteractionMatrix likes) {
        return new TrainingData(likes, InteractionMatrix.empty(likes.numUsers(), likes.numItems()), Optional.empty(),
                ItemFeatures.none(likes.numItems()));
    }

    /** Train likes and dislikes of the dataset, validated on its valid likes. */
    public static TrainingData of(Dataset dataset) {
        return new TrainingData(dataset.split().train(), dataset.dislikes(), Optional.of(dataset.split().valid()),
                ItemFeatures.none(dataset.numItems()));
    }

    public TrainingData withValidation(InteractionMatrix valid) {
        return new TrainingData(likes, dislikes, Optional.of(valid), features);
    }

    public TrainingData withDislikes(InteractionMatrix newDislikes) {
        return new TrainingData(likes, newDislikes, validation, features);
    }

    public TrainingData withFeatures(ItemFeatures newFeatures) {
        return new TrainingData(likes, dislikes, validation, newFeatures);
    }

    public int numUsers() {
        return likes.numUsers();
    }

    public int numItems() {
        return likes.numItems();
    }

    public DataCounts counts() {
        return new DataCounts(numUsers(), numItems(), likes.nnz(), dislikes.nnz(),
                validation.map(InteractionMatrix::nnz).orElse(0),
                features.modalities().stream().map(ItemFeatures.Modality::name).toList());
    }
}
