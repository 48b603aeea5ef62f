package io.stylegraph.training.model;

import java.time.Instant;
import java.util.Map;

/** The most-popular baseline. */
public final class PopularityTrainer implements Trainer<PopularityModel> {

    public static final String NAME = "popular";

    @Override
    public PopularityModel train(TrainingData data, TrainingListener listener) {
        long start = System.nanoTime();
        int[] degrees = data.likes().itemDegrees();
        float[] popularity = new float[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            popularity[i] = degrees[i];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelProvenance provenance = new ModelProvenance(NAME, getClass().getName(), parameters(), 0, data.counts(),
                "none", 0, 0, Map.of(), Instant.now(), seconds);
        return new PopularityModel(data.numUsers(), popularity, provenance);
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }
}
