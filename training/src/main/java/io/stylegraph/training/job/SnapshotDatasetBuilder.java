package io.stylegraph.training.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.graph.snapshot.SnapshotEdge;
import io.stylegraph.training.data.IdIndex;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.Split;
import io.stylegraph.training.graph.ContentVectors;
import io.stylegraph.training.data.ItemFeatures;

/**
 * Turns a {@link GraphSnapshot} into a training dataset. When every like carries a fixed split (a benchmark dataset
 * such as amazon-clothing), that split is used; otherwise each user's likes are split chronologically 8:1:1 (time,
 * then sequence position, then snapshot order), and users with fewer than three likes train on all of them.
 * <p>
 * Item features are the stored vectors of each weighted modality (visual, text) and, where items carry content
 * terms (categories, brand, article type, colour …), a {@value #TERMS_MODALITY} modality of TF-IDF vectors over them.
 */
public final class SnapshotDatasetBuilder {
    private final double validFraction;
    private final double testFraction;
    private final Map<String, Double> modalityWeights;

    public SnapshotDatasetBuilder(double validFraction, double testFraction, Map<String, Double> modalityWeights) {
        this.validFraction = validFraction;
        this.testFraction = testFraction;
        this.modalityWeights = Map.copyOf(modalityWeights);
    }

    /** The modality built from the items' content terms (categories, brand, attributes) as TF-IDF vectors. */
    public static final String TERMS_MODALITY = "category";
    /** Terms on fewer items than this link nothing and are left out of the term vectors. */
    static final int TERMS_MIN_DOCUMENT_FREQUENCY = 2;

    public static SnapshotDatasetBuilder standard() {
        return new SnapshotDatasetBuilder(0.1, 0.1, Map.of("visual", 0.5, "text", 0.5, TERMS_MODALITY, 0.5));
    }

    public SnapshotDataset build(GraphSnapshot snapshot) {
        IdIndex items = IdIndex.of(snapshot.itemIds());
        IdIndex users = new IdIndex();
        List<SnapshotEdge> likes = new ArrayList<>();
        List<SnapshotEdge> dislikes = new ArrayList<>();
        for (SnapshotEdge edge : snapshot.edges()) {
            if (items.find(edge.itemId()).isEmpty()) {
                continue;
            }
            users.intern(edge.userId());
            (edge.signal() == Signal.LIKE ? likes : dislikes).add(edge);
        }
        boolean fixedSplit = !likes.isEmpty() && likes.stream().allMatch(edge -> edge.split() != null);
        Split split = fixedSplit ? fixedSplit(likes, users, items) : chronologicalSplit(likes, users, items);
        InteractionMatrix.Builder disliked = InteractionMatrix.builder(users.size(), items.size());
        for (SnapshotEdge edge : dislikes) {
            disliked.add(users.find(edge.userId()).getAsInt(), items.find(edge.itemId()).getAsInt());
        }
        return new SnapshotDataset(users, items, split, disliked.build(), features(snapshot, items),
                fixedSplit ? "fixed split stored on the likes"
                        : String.format(java.util.Locale.ROOT, "per-user chronological %.0f:%.0f:%.0f",
                        100 * (1 - validFraction - testFraction), 100 * validFraction, 100 * testFraction));
    }

    private static Split fixedSplit(List<SnapshotEdge> likes, IdIndex users, IdIndex items) {
        Map<String, InteractionMatrix.Builder> parts = new LinkedHashMap<>();
        for (String name : List.of("train", "valid", "test")) {
            parts.put(name, InteractionMatrix.builder(users.size(), items.size()));
        }
        for (SnapshotEdge like : likes) {
            InteractionMatrix.Builder part = parts.get(like.split());
            if (part == null) {
                throw new IllegalArgumentException("unknown split '" + like.split() + "' on a like of " + like.userId());
            }
            part.add(users.find(like.userId()).getAsInt(), items.find(like.itemId()).getAsInt());
        }
        return new Split(parts.get("train").build(), parts.get("valid").build(), parts.get("test").build());
    }

    private Split chronologicalSplit(List<SnapshotEdge> likes, IdIndex users, IdIndex items) {
        Map<Integer, List<SnapshotEdge>> byUser = new LinkedHashMap<>();
        for (SnapshotEdge like : likes) {
            byUser.computeIfAbsent(users.find(like.userId()).getAsInt(), u -> new ArrayList<>()).add(like);
        }
        InteractionMatrix.Builder train = InteractionMatrix.builder(users.size(), items.size());
        InteractionMatrix.Builder valid = InteractionMatrix.builder(users.size(), items.size());
        InteractionMatrix.Builder test = InteractionMatrix.builder(users.size(), items.size());
        Comparator<SnapshotEdge> order = Comparator.comparingLong(SnapshotEdge::atEpochMillis)
                .thenComparingInt(SnapshotEdge::position);
        for (Map.Entry<Integer, List<SnapshotEdge>> entry : byUser.entrySet()) {
            List<SnapshotEdge> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(order); // stable: equal keys keep snapshot order
            List<Integer> ordered = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (SnapshotEdge like : sorted) {
                int item = items.find(like.itemId()).getAsInt();
                if (seen.add(item)) {
                    ordered.add(item);
                }
            }
            int n = ordered.size();
            int numTest = n < 3 ? 0 : (int) Math.ceil(n * testFraction);
            int numValid = n < 3 ? 0 : (int) Math.ceil(n * validFraction);
            for (int k = 0; k < n; k++) {
                InteractionMatrix.Builder part = k >= n - numTest ? test : k >= n - numTest - numValid ? valid : train;
                part.add(entry.getKey(), ordered.get(k));
            }
        }
        return new Split(train.build(), valid.build(), test.build());
    }

    private ItemFeatures features(GraphSnapshot snapshot, IdIndex items) {
        List<ItemFeatures.Modality> modalities = new ArrayList<>();
        snapshot.featuresByModality().forEach((name, vectors) -> {
            if (vectors.isEmpty() || !modalityWeights.containsKey(name)) {
                return;
            }
            float[][] rows = new float[items.size()][];
            vectors.forEach((itemId, vector) -> items.find(itemId).ifPresent(item -> rows[item] = vector));
            modalities.add(new ItemFeatures.Modality(name, rows, modalityWeights.get(name)));
        });
        if (modalityWeights.containsKey(TERMS_MODALITY) && !snapshot.itemTerms().isEmpty()
                && !snapshot.featuresByModality().containsKey(TERMS_MODALITY)) {
            List<List<String>> terms = new ArrayList<>(items.size());
            for (String itemId : items.externalIds()) {
                terms.add(snapshot.itemTerms().getOrDefault(itemId, List.of()));
            }
            ContentVectors vectors = ContentVectors.tfidf(terms, TERMS_MIN_DOCUMENT_FREQUENCY);
            if (vectors.itemsWithVectors() > 0) {
                modalities.add(vectors.modality(TERMS_MODALITY, modalityWeights.get(TERMS_MODALITY)));
            }
        }
        modalities.sort(Comparator.comparing(ItemFeatures.Modality::name));
        return new ItemFeatures(items.size(), modalities);
    }
}
