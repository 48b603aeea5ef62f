package io.stylegraph.training.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.training.data.InteractionMatrix;

/**
 * The least data a recommender run is worth starting on. Below it a run spends minutes of CPU to learn nothing (or,
 * before this check, crashed); the service refuses it up front and an automatic retraining trigger asks
 * {@link #check} before starting one.
 *
 * @param minUsers           users with at least one like
 * @param minLikes           likes of catalogue items
 * @param minItems           distinct items with at least one like
 * @param minValidationLikes likes held out for validation (early stopping and the promotion gate need some; users
 *                           with fewer than three likes give none)
 */
public record TrainingRequirements(int minUsers, int minLikes, int minItems, int minValidationLikes) {

    /** What {@code stylegraph.training.requirements} defaults to. */
    public static final TrainingRequirements DEFAULTS = new TrainingRequirements(10, 100, 10, 1);

    public TrainingRequirements {
        if (minUsers < 1 || minLikes < 1 || minItems < 1 || minValidationLikes < 1) {
            throw new IllegalArgumentException("every training minimum must be at least 1");
        }
    }

    /** The counts the minimums apply to, by name, in the order of the minimums. */
    public static Map<String, Integer> counts(SnapshotDataset dataset) {
        InteractionMatrix likes = dataset.allLikes();
        int users = 0;
        for (int user = 0; user < likes.numUsers(); user++) {
            if (likes.degree(user) > 0) {
                users++;
            }
        }
        int items = 0;
        for (int degree : likes.itemDegrees()) {
            if (degree > 0) {
                items++;
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("usersWithLikes", users);
        counts.put("likes", likes.nnz());
        counts.put("itemsWithLikes", items);
        counts.put("validationLikes", dataset.split().valid().nnz());
        return counts;
    }

    public Map<String, Integer> minimums() {
        Map<String, Integer> minimums = new LinkedHashMap<>();
        minimums.put("usersWithLikes", minUsers);
        minimums.put("likes", minLikes);
        minimums.put("itemsWithLikes", minItems);
        minimums.put("validationLikes", minValidationLikes);
        return minimums;
    }

    /** Why {@code dataset} is too little to train on, with its counts and the minimums; empty when it is enough. */
    public Optional<String> check(SnapshotDataset dataset) {
        Map<String, Integer> counts = counts(dataset);
        Map<String, Integer> minimums = minimums();
        StringBuilder shortfalls = new StringBuilder();
        counts.forEach((name, count) -> {
            if (count < minimums.get(name)) {
                shortfalls.append(shortfalls.isEmpty() ? "" : ", ").append(name).append(' ').append(count).append(" < ")
                        .append(minimums.get(name));
            }
        });
        if (shortfalls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("too little data to train a recommender: " + shortfalls + " (have " + counts + ", need at least "
                + minimums + "; a user's likes count for validation from their third like on)");
    }

    /** {@link #check(SnapshotDataset)} on the dataset {@code datasets} makes of {@code snapshot}. */
    public Optional<String> check(GraphSnapshot snapshot, SnapshotDatasetBuilder datasets) {
        return check(datasets.build(snapshot));
    }
}
