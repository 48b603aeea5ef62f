package io.stylegraph.training.model;

import java.util.Map;
/** Learns a {@link RecommenderModel} from {@link TrainingData}; the same data and seed give the same model. */
public interface Trainer<M extends RecommenderModel> {

    M train(TrainingData data, TrainingListener listener);

    default M train(TrainingData data) {
        return train(data, TrainingListener.NONE);
    }

    /** The trainer's parameters as they enter a model's provenance. */
    Map<String, String> parameters();
}
