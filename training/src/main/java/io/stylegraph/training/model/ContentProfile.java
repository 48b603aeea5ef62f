package io.stylegraph.training.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.index.VectorIndex;

/**
 * A user's content profile over the item vector indexes (one per modality): in each modality the mean of the unit
 * vectors of the liked items minus {@code dislikeWeight} times the mean of the disliked ones, made unit length. An
 * item's content score is the weighted sum over modalities of its cosine with the profile; since the profile is a
 * mean of unit vectors, that is the mean cosine to the liked items: content-only item-kNN without the neighbour
 * cut-off. The service's content path of recommendations searches the indexes by it.
 */
public final class ContentProfile {

    /** One modality's index and its share of a content score (modalities with a share of 0 are left out). */
    public record Source(VectorIndex index, double weight) {
    }

    /** One modality of a profile: its index, the profile vector, its weight and the liked items' unit vectors. */
    public record Part(VectorIndex index, float[] vector, double weight, List<String> likedIds,
                       List<float[]> likedUnits) {
    }

    /** The item a content result is closest to among the user's likes, and that closeness (cosine, weighted). */
    public record Closest(String likedItemId, double similarity) {
    }

    private final List<Part> parts;

    private ContentProfile(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** One part per modality in which at least one liked item has a vector; the weights rescaled to sum to 1. */
    public List<Part> parts() {
        return parts;
    }

    /** The user's profile, or empty when no liked item has a content vector (or no like at all). */
    public static Optional<ContentProfile> of(List<Source> sources, Map<String, Signal> rated, double dislikeWeight) {
        List<Part> parts = new ArrayList<>(sources.size());
        double totalWeight = 0;
        for (Source source : sources) {
            VectorIndex index = source.index();
            float[] liked = new float[index.dimension()];
            float[] disliked = new float[index.dimension()];
            int likes = 0;
            int dislikes = 0;
            List<String> likedIds = new ArrayList<>();
            List<float[]> likedUnits = new ArrayList<>();
            for (Map.Entry<String, Signal> opinion : rated.entrySet()) {
                // the index hands out a copy of the row: normalized where it lies (a shopper may have thousands)
                float[] unit = unitInPlace(index.vector(opinion.getKey()).orElse(null));
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
                parts.add(new Part(index, vector, source.weight(), likedIds, likedUnits));
                totalWeight += source.weight();
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
        return Optional.of(new ContentProfile(scaled));
    }

    /** The item's content score, or NaN when it has no vector in any of the profile's modalities. */
    public double score(String itemId) {
        double score = 0;
        boolean found = false;
        for (Part part : parts) {
            float similarity = part.index().score(itemId, part.vector());
            if (!Float.isNaN(similarity)) {
                score += part.weight() * similarity;
                found = true;
            }
        }
        return found ? score : Double.NaN;
    }

    /**
     * Mean and standard deviation of the content scores over a fixed, evenly spread sample of at most
     * {@code sampleSize} items of each index, which estimates them well at a tiny fraction of a full scan; (0, 1)
     * with fewer than two scored items.
     */
    public Standardization spread(int sampleSize) {
        Set<String> sample = new LinkedHashSet<>();
        for (Part part : parts) {
            sample.addAll(part.index().sampleIds(sampleSize));
        }
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (String id : sample) {
            double score = score(id);
            if (!Double.isNaN(score)) {
                sum += score;
                squares += score * score;
                n++;
            }
        }
        return n < 2 ? new Standardization(0, 1) : Standardization.of(sum, squares, n);
    }

    /** The liked item the given one is closest to over the profile's modalities (ties to the smallest id), or empty. */
    public Optional<Closest> closestLiked(String itemId) {
        Map<String, Double> byLiked = new HashMap<>();
        for (Part part : parts) {
            float[] item = part.index().vector(itemId).map(ContentProfile::unit).orElse(null);
            if (item == null) {
                continue;
            }
            for (int l = 0; l < part.likedIds().size(); l++) {
                float[] liked = part.likedUnits().get(l);
                byLiked.merge(part.likedIds().get(l), part.weight() * Vectors.dot(liked, item), Double::sum);
            }
        }
        Comparator<Map.Entry<String, Double>> order = Map.Entry.comparingByValue();
        order = order.thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        return byLiked.entrySet().stream().max(order).map(best -> new Closest(best.getKey(), best.getValue()));
    }

    /**
     * Pairwise content similarity of the given items, for diversifying a list: the cosine of two items in each
     * modality where both have a vector, weighted by the sources' weights (renormalized over those modalities); 0 for
     * a pair that shares none. Vectors are read once, here.
     */
    public static ToDoubleBiFunction<String, String> pairwise(List<Source> sources, Collection<String> itemIds) {
        List<Double> weights = new ArrayList<>(sources.size());
        List<Map<String, float[]>> units = new ArrayList<>(sources.size());
        for (Source source : sources) {
            Map<String, float[]> byId = new HashMap<>();
            for (String id : itemIds) {
                source.index().vector(id).map(ContentProfile::unit).ifPresent(unit -> byId.put(id, unit));
            }
            weights.add(source.weight());
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

    private static void add(float[] sum, float[] unit) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += unit[j];
        }
    }

    /** {@code vector} scaled to unit length where it lies; null for null, a zero or a NaN vector. */
    private static float[] unitInPlace(float[] vector) {
        if (vector == null) {
            return null;
        }
        double norm = Vectors.norm(vector);
        if (!(norm > 0)) {
            return null;
        }
        float inverse = (float) (1.0 / norm); // as Vectors.normalizeInPlace scales
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverse;
        }
        return vector;
    }

    /** A unit-length copy, or null for a zero (or NaN) vector. */
    private static float[] unit(float[] vector) {
        return unitInPlace(vector.clone());
    }
}
