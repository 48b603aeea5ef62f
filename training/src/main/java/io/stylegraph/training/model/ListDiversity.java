package io.stylegraph.training.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The diversity steps of a recommendation list, both over a ranked pool longer than the list:
 * <ul>
 *   <li><b>Maximal marginal relevance</b> ({@link #mmr}): the list is picked one item at a time, each the item with
 *       the best {@code (1 − λ)·relevance − λ·(its highest similarity to an item already picked)}, relevance the
 *       pool's scores scaled to [0, 1]. λ = 0 keeps the ranking; larger λ trades relevance for items unlike those
 *       already in the list, so a profile of three near-identical likes no longer yields ten near-copies.</li>
 *   <li><b>Per-category cap</b> ({@link #capPerCategory}): at most so many results of one category.</li>
 * </ul>
 * The steps work on any list entry type; {@link Fields} says how to read an entry's item id, category and score.
 */
public final class ListDiversity {

    private ListDiversity() {
    }

    /**
     * How to read a list entry.
     *
     * @param id       the entry's item id, as {@code similarity} takes it
     * @param category the entry's category, or null for none
     * @param score    the entry's ranking score
     */
    public record Fields<T>(Function<T, String> id, Function<T, String> category, ToDoubleFunction<T> score) {
    }

    /**
     * The list of k: MMR with {@code lambda} (off at 0) picks the order, then the per-category cap (off at 0) keeps
     * at most {@code cap} of one category.
     */
    public static <T> List<T> diversify(List<T> ranked, int k, int cap, double lambda, Fields<T> fields,
                                        ToDoubleBiFunction<String, String> similarity) {
        List<T> ordered = lambda > 0 ? mmr(ranked, k, lambda, fields, similarity) : ranked;
        if (cap <= 0) {
            return ordered.size() > k ? List.copyOf(ordered.subList(0, k)) : ordered;
        }
        return capPerCategory(ordered, k, cap, fields);
    }

    /**
     * The pool reordered by maximal marginal relevance: its first {@code picks} items chosen greedily (ties to the
     * better-ranked item), the rest after them in rank order. {@code similarity} of two item ids is in [−1, 1]
     * (cosine; 0 when unknown).
     */
    public static <T> List<T> mmr(List<T> ranked, int picks, double lambda, Fields<T> fields,
                                  ToDoubleBiFunction<String, String> similarity) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in [0, 1]: " + lambda);
        }
        int n = ranked.size();
        if (lambda == 0 || n <= 1) {
            return ranked;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = fields.score().applyAsDouble(ranked.get(i));
            max = Math.max(max, scores[i]);
            min = Math.min(min, scores[i]);
        }
        double[] relevance = new double[n];
        for (int i = 0; i < n; i++) {
            relevance[i] = max > min ? (scores[i] - min) / (max - min) : 1;
        }
        double[] closest = new double[n];
        boolean[] picked = new boolean[n];
        List<T> out = new ArrayList<>(n);
        for (int step = 0; step < Math.min(picks, n); step++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (picked[i]) {
                    continue;
                }
                double value = (1 - lambda) * relevance[i] - (step == 0 ? 0 : lambda * closest[i]);
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            picked[best] = true;
            out.add(ranked.get(best));
            String chosen = fields.id().apply(ranked.get(best));
            for (int i = 0; i < n; i++) {
                if (!picked[i]) {
                    double s = similarity.applyAsDouble(fields.id().apply(ranked.get(i)), chosen);
                    closest[i] = step == 0 ? s : Math.max(closest[i], s);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!picked[i]) {
                out.add(ranked.get(i));
            }
        }
        return out;
    }

    /**
     * At most {@code cap} results of one category (case-insensitive; items without one are not capped), taken in
     * order from the longer list; when the cap leaves fewer than k, the best of the held-back results fill the list
     * in that order.
     */
    public static <T> List<T> capPerCategory(List<T> ranked, int k, int cap, Fields<T> fields) {
        List<T> kept = new ArrayList<>(k);
        List<T> held = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (T r : ranked) {
            if (kept.size() == k) {
                break;
            }
            String named = fields.category().apply(r);
            String category = named == null ? null : named.toLowerCase(Locale.ROOT);
            if (category != null && counts.getOrDefault(category, 0) >= cap) {
                held.add(r);
                continue;
            }
            if (category != null) {
                counts.merge(category, 1, Integer::sum);
            }
            kept.add(r);
        }
        if (kept.size() < k && !held.isEmpty()) {
            List<T> filled = new ArrayList<>(kept);
            filled.addAll(held.subList(0, Math.min(held.size(), k - kept.size())));
            filled.sort(Comparator.comparingInt(ranked::indexOf));
            return filled;
        }
        return kept;
    }
}
