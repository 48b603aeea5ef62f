package io.stylegraph.training.model;

import java.time.Instant;
import java.util.Map;

/**
 * The service's content path as a model: a user's profile is the mean of the unit content vectors of the items they
 * liked (normalized), and an item's score is its cosine with the profile, i.e. its mean cosine to the liked items.
 * Unlike {@link ContentKnnTrainer} nothing is cut to the k nearest items, so every item gets a score, as the service
 * ranks them; blending it with a graph model ({@link HybridModel}) measures the blend the service serves. Sparse
 * vectors (category TF-IDF) are scored through their non-zeros.
 */
public final class ContentProfileTrainer implements Trainer<ContentProfileModel> {

    public static final String NAME = "content-profile";

    @Override
    public ContentProfileModel train(TrainingData data, TrainingListener listener) {
        if (data.features().isEmpty()) {
            throw new IllegalArgumentException("content-profile needs item content features; the data has none");
        }
        long start = System.nanoTime();
        ItemFeatures.Modality modality = data.features().modalities().get(0);
        ContentProfileModel model = new ContentProfileModel(data.likes(), modality.vectors(),
                new ModelProvenance(NAME, getClass().getName(), parameters(), 0, data.counts(), "none", 0, 0,
                        Map.of(), Instant.now(), (System.nanoTime() - start) / 1e9));
        return model;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }
}
