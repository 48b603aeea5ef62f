package io.stylegraph.training.outfit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compatibility from co-occurrence counts alone, no learning: a smoothed pointwise mutual information of the two
 * items' categories (the type where an item has no category) in training outfits, plus, where both items were seen
 * in training, the same statistic of the item pair.
 *
 * <p>For keys a, b with {@code n_ab} outfits-pairs together, {@code n_a} pair endpoints of a and {@code N} pairs in
 * all, the expected count under independence is {@code E = n_a n_b / (2N)} and the score is
 * {@code log((n_ab + α) / (E + α))} with {@code α = 1}: positive for pairs seen more often than chance, negative for
 * frequent keys never seen together, near zero for rare keys. The item term is added only when both items occur in
 * training, so unseen items fall back to their categories.
 */
public final class CooccurrenceModel implements CompatibilityModel {

    public static final String NAME = "co-occurrence";
    private static final double ALPHA = 1.0;

    private final Counts categories = new Counts();
    private final Counts items = new Counts();

    /** Counts every unordered pair of every outfit. */
    public static CooccurrenceModel fit(List<OutfitRecord> outfits) {
        CooccurrenceModel model = new CooccurrenceModel();
        for (OutfitRecord outfit : outfits) {
            List<ItemVectors> list = outfit.items();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    model.categories.add(categoryKey(list.get(i)), categoryKey(list.get(j)));
                    model.items.add(list.get(i).id(), list.get(j).id());
                }
            }
        }
        return model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        double score = categories.pmi(categoryKey(a), categoryKey(b));
        if (items.knows(a.id()) && items.knows(b.id())) {
            score += items.pmi(a.id(), b.id());
        }
        return score;
    }

    private static String categoryKey(ItemVectors item) {
        return item.category() != null ? "c:" + item.category() : "t:" + item.type();
    }

    /** Pair and endpoint counts of one kind of key. */
    private static final class Counts {
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<Long, Integer> pairs = new HashMap<>();
        private int[] endpoints = new int[16];
        private long total;

        private int id(String key) {
            return ids.computeIfAbsent(key, k -> {
                int next = ids.size();
                if (next == endpoints.length) {
                    endpoints = java.util.Arrays.copyOf(endpoints, next * 2);
                }
                return next;
            });
        }

        void add(String a, String b) {
            int x = id(a);
            int y = id(b);
            endpoints[x]++;
            endpoints[y]++;
            pairs.merge(key(x, y), 1, Integer::sum);
            total++;
        }

        boolean knows(String key) {
            return ids.containsKey(key);
        }

        double pmi(String a, String b) {
            Integer x = ids.get(a);
            Integer y = ids.get(b);
            double na = x == null ? 0 : endpoints[x];
            double nb = y == null ? 0 : endpoints[y];
            double nab = x == null || y == null ? 0 : pairs.getOrDefault(key(x, y), 0);
            double expected = total == 0 ? 0 : na * nb / (2.0 * total);
            return Math.log((nab + ALPHA) / (expected + ALPHA));
        }

        private static long key(int x, int y) {
            return x <= y ? ((long) x << 32) | y : ((long) y << 32) | x;
        }
    }
}
