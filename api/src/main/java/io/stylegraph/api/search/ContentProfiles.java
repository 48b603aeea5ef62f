package io.stylegraph.api.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.annotation.Value;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.model.Standardization;
import jakarta.inject.Singleton;

/**
 * The content path of recommendations, a search over the item indexes by a profile of the user's likes: it needs no
 * trained recommender, only the items' content vectors as the
 * search indexes hold them (visual and text). A user's profile in each modality is the mean of the unit vectors of the
 * liked items minus {@code dislike-weight} times the mean of the disliked ones; an item's content score is the
 * weighted sum over modalities of its cosine with the profile (weights as for hybrid similar items). Since the
 * profile is a mean of unit vectors, the score is the mean cosine to the liked items: content-only item-kNN without
 * the neighbour cut-off.
 * <p>
 * To blend with a model's scores, each is standardized per user; the content scores' mean and standard deviation
 * come from a fixed, evenly spread sample of {@code stats-sample} indexed items, which estimates them well at a tiny
 * fraction of a full scan.
 */
@Singleton
public class ContentProfiles {
    private static final List<Modality> MODALITIES = List.of(Modality.VISUAL, Modality.TEXT);

    private final IndexLookup indexes;
    private final Ranker ranker;
    private final double visualWeight;
    private final double dislikeWeight;
    private final int statsSample;

    public ContentProfiles(IndexLookup indexes, SearchConfiguration search,
                           @Value("${stylegraph.recommendations.content.dislike-weight:0.5}") double dislikeWeight,
                           @Value("${stylegraph.recommendations.content.stats-sample:1000}") int statsSample) {
        this.indexes = indexes;
        this.ranker = new Ranker(search.getShortlist(), 0);
        this.visualWeight = search.getHybridVisualWeight();
        this.dislikeWeight = dislikeWeight;
        this.statsSample = Math.max(10, statsSample);
    }

    /** One modality of a profile: its index, the profile vector, its weight and the liked items' unit vectors. */
    record Part(VectorIndex index, float[] vector, double weight, List<String> likedIds, List<float[]> likedUnits) {
    }

    /** A user's content profile: one part per modality in which at least one liked item has a vector. */
    public record Profile(List<Part> parts) {
    }

    /** The item a content result is closest to among the user's likes, and that closeness (cosine, weighted). */
    public record Closest(String likedItemId, double similarity) {
    }

    /** The user's profile, or empty when no liked item has a content vector (or no like at all). */
    public Optional<Profile> profile(Map<String, Signal> rated) {
        List<Part> parts = new ArrayList<>(2);
        double totalWeight = 0;
        for (Modality modality : MODALITIES) {
            double weight = weight(modality);
            Optional<VectorIndex> found = indexes.index(modality);
            if (weight <= 0 || found.isEmpty()) {
                continue;
            }
            VectorIndex index = found.get();
            float[] liked = new float[index.dimension()];
            float[] disliked = new float[index.dimension()];
            int likes = 0;
            int dislikes = 0;
            List<String> likedIds = new ArrayList<>();
            List<float[]> likedUnits = new ArrayList<>();
            for (Map.Entry<String, Signal> opinion : rated.entrySet()) {
                float[] unit = index.vector(opinion.getKey()).map(ContentProfiles::unit).orElse(null);
                if (unit == null) {
                    continue;
                }
                boolean like = opinion.getValue() == Signal.LIKE;
                add(like ? liked : disliked, unit);
                if (like) {
                    likes++;
                    likedIds.add(opinion.getKey());
                    likedUnits.add(unit);
                } else {
                    dislikes++;
                }
            }
            if (likes == 0) {
                continue;
            }
            float[] profile = new float[liked.length];
            for (int j = 0; j < profile.length; j++) {
                profile[j] = liked[j] / likes - (dislikes == 0 ? 0f : (float) (dislikeWeight * disliked[j] / dislikes));
            }
            float[] vector = unit(profile);
            if (vector != null) {
                parts.add(new Part(index, vector, weight, likedIds, likedUnits));
                totalWeight += weight;
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<Part> scaled = new ArrayList<>(parts.size());
        for (Part part : parts) {
            scaled.add(new Part(part.index(), part.vector(), part.weight() / totalWeight, part.likedIds(),
                    part.likedUnits()));
        }
        return Optional.of(new Profile(List.copyOf(scaled)));
    }

    /** The n items closest to the profile (of this slot when given; other filters are the caller's). */
    public List<ScoredItem> candidates(Profile profile, Slot slot, int n) {
        List<QueryPart> parts = profile.parts().stream()
                .map(part -> new QueryPart(part.index(), part.vector(), part.weight())).toList();
        return ranker.rank(parts, new SearchFilter(slot, null, null), n, new Reranking(false, false));
    }

    /** The item's content score, or NaN when it has no vector in any of the profile's modalities. */
    public double score(Profile profile, String itemId) {
        double score = 0;
        boolean found = false;
        for (Part part : profile.parts()) {
            float similarity = part.index().score(itemId, part.vector());
            if (!Float.isNaN(similarity)) {
                score += part.weight() * similarity;
                found = true;
            }
        }
        return found ? score : Double.NaN;
    }

    /** Mean and standard deviation of the profile's content scores over the sampled items. */
    public Standardization spread(Profile profile) {
        Set<String> sample = new LinkedHashSet<>();
        for (Part part : profile.parts()) {
            sample.addAll(part.index().sampleIds(statsSample));
        }
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (String id : sample) {
            double score = score(profile, id);
            if (!Double.isNaN(score)) {
                sum += score;
                squares += score * score;
                n++;
            }
        }
        return n < 2 ? new Standardization(0, 1) : Standardization.of(sum, squares, n);
    }

    /** The liked item the given one is closest to over the profile's modalities, or empty. */
    public Optional<Closest> closestLiked(Profile profile, String itemId) {
        Map<String, Double> byLiked = new java.util.HashMap<>();
        for (Part part : profile.parts()) {
            float[] item = part.index().vector(itemId).map(ContentProfiles::unit).orElse(null);
            if (item == null) {
                continue;
            }
            for (int l = 0; l < part.likedIds().size(); l++) {
                float[] liked = part.likedUnits().get(l);
                byLiked.merge(part.likedIds().get(l), part.weight() * Vectors.dot(liked, item), Double::sum);
            }
        }
        // ties go to the smallest id, so the reason is stable
        java.util.Comparator<Map.Entry<String, Double>> order = Map.Entry.comparingByValue();
        order = order.thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder());
        return byLiked.entrySet().stream().max(order).map(best -> new Closest(best.getKey(), best.getValue()));
    }

    /**
     * Pairwise content similarity of the given items, for diversifying a list: the cosine of two items in each
     * modality where both have a vector, weighted as the profile weighs modalities (renormalized over those
     * modalities); 0 for a pair that shares none. Vectors are read once, here.
     */
    public java.util.function.ToDoubleBiFunction<String, String> pairwise(java.util.Collection<String> itemIds) {
        List<Double> weights = new ArrayList<>(2);
        List<Map<String, float[]>> units = new ArrayList<>(2);
        for (Modality modality : MODALITIES) {
            double weight = weight(modality);
            Optional<VectorIndex> index = indexes.index(modality);
            if (weight <= 0 || index.isEmpty()) {
                continue;
            }
            Map<String, float[]> byId = new java.util.HashMap<>();
            for (String id : itemIds) {
                index.get().vector(id).map(ContentProfiles::unit).ifPresent(unit -> byId.put(id, unit));
            }
            weights.add(weight);
            units.add(byId);
        }
        return (a, b) -> {
            double sum = 0;
            double total = 0;
            for (int m = 0; m < units.size(); m++) {
                float[] x = units.get(m).get(a);
                float[] y = x == null ? null : units.get(m).get(b);
                if (y != null) {
                    sum += weights.get(m) * Vectors.dot(x, y);
                    total += weights.get(m);
                }
            }
            return total > 0 ? sum / total : 0;
        };
    }

    /** The modality's share of a content score: the hybrid visual weight, the rest for text. */
    private double weight(Modality modality) {
        return modality == Modality.VISUAL ? visualWeight : 1 - visualWeight;
    }

    private static void add(float[] sum, float[] unit) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += unit[j];
        }
    }

    /** A unit-length copy, or null for a zero (or NaN) vector. */
    private static float[] unit(float[] vector) {
        double norm = Vectors.norm(vector);
        return norm > 0 && !Double.isNaN(norm) ? Vectors.normalizeInPlace(vector.clone()) : null;
    }
}
