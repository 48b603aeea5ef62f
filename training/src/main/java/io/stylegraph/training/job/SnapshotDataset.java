package io.stylegraph.training.job;

import io.stylegraph.training.data.IdIndex;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.Split;
import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.model.TrainingData;

/**
 * The graph snapshot in training's int id space. Items include those nobody has liked yet, so they get embeddings
 * through the item–item graph. {@code splitRule} says how train/valid/test were chosen.
 */
public record SnapshotDataset(IdIndex users, IdIndex items, Split split, InteractionMatrix dislikes,
                              ItemFeatures features, String splitRule) {

    public TrainingData trainingData() {
        return new TrainingData(split.train(), dislikes, java.util.Optional.of(split.valid()), features);
    }

    public InteractionMatrix allLikes() {
        InteractionMatrix.Builder all = InteractionMatrix.builder(users.size(), items.size());
        for (InteractionMatrix part : new InteractionMatrix[] {split.train(), split.valid(), split.test()}) {
            for (int user = 0; user < part.numUsers(); user++) {
                for (int item : part.itemsOf(user)) {
                    all.add(user, item);
                }
            }
        }
        return all.build();
    }
}
