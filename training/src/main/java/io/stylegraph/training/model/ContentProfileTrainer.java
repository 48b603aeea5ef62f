package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.data.InteractionMatrix;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The service's content path as a model: a user's profile is the mean of the unit content vectors of the items they
 * liked (normalized), and an item's score is its cosine with the profile, i.e. its mean cosine to the liked items.
 * Unlike {@link ContentKnnTrainer} nothing is cut to the k nearest items, so every item gets a score, as the service
 * ranks them; blending it with a graph model ({@link HybridModel}) measures the blend the service serves. Sparse
 * vectors (category TF-IDF) are scored through their non-zeros.
 *
 * <p>Given each user's likes in sequence order and a half-life, recent likes weigh more: the like {@code a} likes
 * before the user's last weighs {@code 0.5^(a / halfLife)}, so the profile follows where a shopper's taste is going,
 * which matters when what comes next is what is to be found (a chronological split, a shop's next visit).
 */
public final class ContentProfileTrainer implements Trainer<ContentProfileModel> {

    public static final String NAME = "content-profile";

    private final int[][] sequences;
    private final double halfLife;

    /** Every like weighs the same. */
    public ContentProfileTrainer() {
        this.sequences = null;
        this.halfLife = Double.POSITIVE_INFINITY;
    }

    /**
     * @param sequences each user's liked items in sequence order (a like missing from its user's sequence weighs
     *                  as much as the oldest)
     * @param halfLife  in likes; positive
     */
    public ContentProfileTrainer(int[][] sequences, double halfLife) {
        if (!(halfLife > 0)) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        this.sequences = sequences;
        this.halfLife = halfLife;
    }

    @Override
    public ContentProfileModel train(TrainingData data, TrainingListener listener) {
        if (data.features().isEmpty()) {
            throw new IllegalArgumentException("content-profile needs item content features; the data has none");
        }
        return train(data, data.features().modalities().get(0));
    }

    /** The content path over one named modality of the data's features, or empty when the data lacks it. */
    public java.util.Optional<ContentProfileModel> train(TrainingData data, String modality) {
        return data.features().modalities().stream().filter(m -> m.name().equals(modality)).findFirst()
                .map(found -> train(data, found));
    }

    private ContentProfileModel train(TrainingData data, ItemFeatures.Modality modality) {
        long start = System.nanoTime();
        float[][] weights = sequences == null ? null : recencyWeights(data.likes(), sequences, halfLife);
        Map<String, String> parameters = new java.util.LinkedHashMap<>(parameters());
        parameters.put("modality", modality.name());
        return new ContentProfileModel(data.likes(), weights, modality.vectors(),
                new ModelProvenance(NAME, getClass().getName(), parameters, 0, data.counts(), "none", 0, 0,
                        Map.of(), Instant.now(), (System.nanoTime() - start) / 1e9));
    }

    /** Per user, the weight of each of {@code likes.itemsOf(user)} by how many likes came after it. */
    static float[][] recencyWeights(InteractionMatrix likes, int[][] sequences, double halfLife) {
        if (sequences.length != likes.numUsers()) {
            throw new IllegalArgumentException(sequences.length + " sequences for " + likes.numUsers() + " users");
        }
        float[][] weights = new float[likes.numUsers()][];
        for (int user = 0; user < likes.numUsers(); user++) {
            int[] liked = likes.itemsOf(user);
            int[] sequence = sequences[user];
            Map<Integer, Integer> age = new HashMap<>();
            for (int k = 0; k < sequence.length; k++) {
                age.put(sequence[k], sequence.length - 1 - k);
            }
            weights[user] = new float[liked.length];
            for (int j = 0; j < liked.length; j++) {
                int a = age.getOrDefault(liked[j], Math.max(0, sequence.length - 1));
                weights[user][j] = (float) Math.pow(0.5, a / halfLife);
            }
        }
        return weights;
    }

    @Override
    public Map<String, String> parameters() {
        return sequences == null ? Map.of() : Map.of("recencyHalfLife", String.valueOf(halfLife));
    }
}
