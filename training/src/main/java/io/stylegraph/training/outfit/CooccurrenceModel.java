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

    private final Counts categories;
    private final Counts items;

    private CooccurrenceModel() {
        this(new Counts(), new Counts());
    }

    private CooccurrenceModel(Counts categories, Counts items) {
        this.categories = categories;
        this.items = items;
    }

    /** A model of category counts alone (no item pairs), as a model file restores them. */
    static CooccurrenceModel ofCategories(Counts categories) {
        return new CooccurrenceModel(categories, new Counts());
    }

    /** The counts of category (or type) keys, {@code "c:<category>"} or {@code "t:<type>"}. */
    Counts categoryCounts() {
        return categories;
    }

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

    static String categoryKey(ItemVectors item) {
        return item.category() != null ? "c:" + item.category() : "t:" + item.type();
    }

    /** Pair and endpoint counts of one kind of key; keys are numbered in the order they were first counted. */
    static final class Counts {
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<Long, Integer> pairs = new HashMap<>();
        private int[] endpoints = new int[16];
        private long total;

        Counts() {
        }

        /**
         * Counts as {@link #keys}, {@link #endpoints}, {@link #pairs} and {@link #total} gave them.
         *
         * @param pairs triples (key number, key number, count)
         */
        static Counts restore(List<String> keys, int[] endpoints, List<int[]> pairs, long total) {
            if (endpoints.length != keys.size()) {
                throw new IllegalArgumentException("one endpoint count per key");
            }
            Counts counts = new Counts();
            keys.forEach(counts::id);
            System.arraycopy(endpoints, 0, counts.endpoints, 0, endpoints.length);
            for (int[] pair : pairs) {
                if (pair[0] < 0 || pair[0] >= keys.size() || pair[1] < 0 || pair[1] >= keys.size()) {
                    throw new IllegalArgumentException("a pair names a key number out of range");
                }
                counts.pairs.put(key(pair[0], pair[1]), pair[2]);
            }
            counts.total = total;
            return counts;
        }

        /** The keys by number. */
        List<String> keys() {
            String[] keys = new String[ids.size()];
            ids.forEach((key, id) -> keys[id] = key);
            return List.of(keys);
        }

        /** Endpoint counts by key number. */
        int[] endpoints() {
            return java.util.Arrays.copyOf(endpoints, ids.size());
        }

        /** Every counted pair as (smaller key number, larger key number, count), in key order. */
        List<int[]> pairs() {
            List<int[]> list = new java.util.ArrayList<>();
            pairs.forEach((key, count) -> list.add(new int[] {(int) (key >>> 32), (int) (long) key, count}));
            list.sort(java.util.Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
            return list;
        }

        long total() {
            return total;
        }

        /** The number of a key, or -1 for a key never counted. */
        int number(String key) {
            Integer id = ids.get(key);
            return id == null ? -1 : id;
        }

        /** {@link #pmi(String, String)} of two key numbers; -1 stands for a key never counted. */
        double pmi(int x, int y) {
            double na = x < 0 ? 0 : endpoints[x];
            double nb = y < 0 ? 0 : endpoints[y];
            double nab = x < 0 || y < 0 ? 0 : pairs.getOrDefault(key(x, y), 0);
            double expected = total == 0 ? 0 : na * nb / (2.0 * total);
            return Math.log((nab + ALPHA) / (expected + ALPHA));
        }

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
            return pmi(number(a), number(b));
        }

        private static long key(int x, int y) {
            return x <= y ? ((long) x << 32) | y : ((long) y << 32) | x;
        }
    }
}
