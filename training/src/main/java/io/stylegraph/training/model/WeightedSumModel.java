package io.stylegraph.training.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.Scorer;

/**
 * Several recommenders over one user and item space, an item's score the weighted sum of their raw scores. The
 * service's content score is such a sum, one content profile per modality ({@code w·visual cosine + (1−w)·text
 * cosine}), so this reproduces it from one {@link ContentProfileModel} per modality. Unlike {@link HybridModel}
 * nothing is standardized: the parts are meant to share a scale (cosines).
 */
public final class WeightedSumModel implements RecommenderModel {

    /** One part of the sum. */
    public record Part(RecommenderModel model, double weight) {
        public Part {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("part weight must be finite and non-negative: " + weight);
            }
        }
    }

    private final List<Part> parts;
    private final ModelProvenance provenance;

    public WeightedSumModel(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a weighted sum needs at least one part");
        }
        RecommenderModel first = parts.get(0).model();
        for (Part part : parts) {
            if (part.model().numUsers() != first.numUsers() || part.model().numItems() != first.numItems()) {
                throw new IllegalArgumentException("parts must share one user and item id space");
            }
        }
        this.parts = List.copyOf(parts);
        ModelProvenance base = first.provenance();
        Map<String, String> parameters = new LinkedHashMap<>(base.parameters());
        StringBuilder weights = new StringBuilder();
        for (Part part : parts) {
            weights.append(weights.isEmpty() ? "" : ",").append(part.model().name()).append('=')
                    .append(part.weight());
        }
        parameters.put("partWeights", weights.toString());
        this.provenance = new ModelProvenance(base.modelName(), base.trainer(), parameters, base.seed(), base.data(),
                base.kernel(), base.epochsRun(), base.bestEpoch(), base.validationMetrics(), base.trainedAt(),
                base.trainingSeconds());
    }

    public List<Part> parts() {
        return parts;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public int numUsers() {
        return parts.get(0).model().numUsers();
    }

    @Override
    public int numItems() {
        return parts.get(0).model().numItems();
    }

    /** Every part placed from the given likes; empty when any part cannot place users it never saw. */
    @Override
    public Optional<RecommenderModel> foldIn(InteractionMatrix likes) {
        List<Part> placed = new ArrayList<>(parts.size());
        for (Part part : parts) {
            Optional<RecommenderModel> folded = part.model().foldIn(likes);
            if (folded.isEmpty()) {
                return Optional.empty();
            }
            placed.add(new Part(folded.get(), part.weight()));
        }
        return Optional.of(new WeightedSumModel(placed));
    }

    @Override
    public Scorer scorer() {
        List<Scorer> scorers = parts.stream().map(part -> part.model().scorer()).toList();
        return (users, out) -> {
            java.util.Arrays.fill(out, 0, users.length * numItems(), 0f);
            float[] part = new float[users.length * numItems()];
            for (int p = 0; p < scorers.size(); p++) {
                scorers.get(p).score(users, part);
                float w = (float) parts.get(p).weight();
                for (int i = 0; i < part.length; i++) {
                    out[i] += w * part[i];
                }
            }
        };
    }
}
