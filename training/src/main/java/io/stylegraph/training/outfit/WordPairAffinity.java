package io.stylegraph.training.outfit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which words of two items' names go together in outfits, learned from training outfits: the positive pointwise
 * mutual information of two different words, one from each item of a pair of outfit pieces,
 * {@code max(0, ln(2 c(u, v) T / (m(u) m(v))))} where {@code c(u, v)} counts the item pairs of training outfits in
 * which one item has {@code u} and the other {@code v}, {@code T} is the number of such word-pair incidences and
 * {@code m(w)} the incidences that involve {@code w}. Pairs seen fewer than {@link #MIN_COUNT} times count 0. A pair
 * of items scores the mean over their word pairs. Where {@link WordOverlap} rewards the same word on both sides
 * ("black" and "black"), this learns the complementary ones ("denim" with "white", "stiletto" with "clutch").
 */
public final class WordPairAffinity implements CompatibilityModel {

    public static final String NAME = "word-pair affinity (PPMI of name words across outfit pieces)";
    static final int MIN_COUNT = 2;

    private final Map<String, Double> pmi;

    private WordPairAffinity(Map<String, Double> pmi) {
        this.pmi = pmi;
    }

    /** Counts the word pairs of every item pair of every outfit. */
    public static WordPairAffinity fit(Collection<OutfitRecord> outfits) {
        Map<String, Integer> pairs = new HashMap<>();
        Map<String, Integer> marginal = new HashMap<>();
        long total = 0;
        for (OutfitRecord outfit : outfits) {
            List<ItemVectors> items = outfit.items();
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    for (String u : items.get(i).words()) {
                        for (String v : items.get(j).words()) {
                            if (u.equals(v)) {
                                continue;
                            }
                            pairs.merge(key(u, v), 1, Integer::sum);
                            marginal.merge(u, 1, Integer::sum);
                            marginal.merge(v, 1, Integer::sum);
                            total++;
                        }
                    }
                }
            }
        }
        Map<String, Double> pmi = new HashMap<>();
        for (Map.Entry<String, Integer> e : pairs.entrySet()) {
            int count = e.getValue();
            if (count < MIN_COUNT) {
                continue;
            }
            String[] words = e.getKey().split("\u0000", 2);
            double value = Math.log(2.0 * count * total / ((double) marginal.get(words[0]) * marginal.get(words[1])));
            if (value > 0) {
                pmi.put(e.getKey(), value);
            }
        }
        return new WordPairAffinity(pmi);
    }

    private static String key(String u, String v) {
        return u.compareTo(v) < 0 ? u + '\u0000' + v : v + '\u0000' + u;
    }

    /** How many word pairs have a positive score. */
    public int pairs() {
        return pmi.size();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        List<String> wa = a.words();
        List<String> wb = b.words();
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String u : wa) {
            for (String v : wb) {
                if (!u.equals(v)) {
                    sum += pmi.getOrDefault(key(u, v), 0.0);
                }
            }
        }
        return sum / (wa.size() * wb.size());
    }
}
