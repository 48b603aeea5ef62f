package io.stylegraph.training.outfit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much two items' names share, weighted by how rare the shared words are: the cosine of their binary word
 * vectors under inverse document frequency weights, {@code Σ_{w ∈ a ∩ b} idf(w)² / (‖a‖ ‖b‖)} with
 * {@code ‖a‖² = Σ_{w ∈ a} idf(w)²} and {@code idf(w) = ln((n + 1) / (df(w) + 1))} over {@code n} documents (item
 * names), so a word no document had gets the largest weight. In [0, 1]; 0 for an item without words.
 *
 * <p>Pieces of one outfit often share a designer, a shop, a colour, a material or a theme ("giuseppe zanotti",
 * "black", "lace", "floral"), words that tell two tops apart where slot and category cannot; a sentence vector
 * blurs them into the garment type. On Polyvore's named outfits this alone picks the hidden item among three of its
 * slot about 44 % of the time (chance 25 %), close to the type-aware model, and mostly from other evidence, so it is
 * blended in ({@link TypeAwareModel#served()}).
 *
 * <p>The weights are corpus statistics of the training names, carried with the model that blends them in
 * ({@link TypeAwareModel.WordBlend}, kept in its file as the document frequencies), so a server scores catalogue
 * titles with the same weights the model was measured with ({@link CompatibilityIndex}); a title word no training
 * name had (a catalogue's own brand, say) counts as the rarest.
 */
public final class WordOverlap implements CompatibilityModel {

    public static final String NAME = "word overlap (tf-idf cosine of names)";

    private final Map<String, Integer> frequencies;
    private final Map<String, Double> idf;
    private final double unseen;
    private final int documents;

    private WordOverlap(Map<String, Integer> frequencies, int documents) {
        if (documents < 0) {
            throw new IllegalArgumentException("documents must be >= 0: " + documents);
        }
        Map<String, Double> weights = new HashMap<>(frequencies.size() * 2);
        frequencies.forEach((word, df) -> {
            if (df < 1 || df > documents) {
                throw new IllegalArgumentException("document frequency of '" + word + "' must be in 1.." + documents
                        + ": " + df);
            }
            weights.put(word, Math.log((documents + 1.0) / (df + 1.0)));
        });
        this.frequencies = Map.copyOf(frequencies);
        this.idf = weights;
        this.unseen = Math.log(documents + 1.0);
        this.documents = documents;
    }

    /** The model of {@link #frequencies()} over {@link #documents()} documents (as a model file keeps it). */
    public static WordOverlap of(Map<String, Integer> frequencies, int documents) {
        return new WordOverlap(frequencies, documents);
    }

    /** Document frequencies over {@code documents}, each an item's distinct words; empty documents do not count. */
    public static WordOverlap fit(Collection<List<String>> documents) {
        Map<String, Integer> frequency = new HashMap<>();
        int n = 0;
        for (List<String> words : documents) {
            if (words.isEmpty()) {
                continue;
            }
            n++;
            for (String word : words) {
                frequency.merge(word, 1, Integer::sum);
            }
        }
        return new WordOverlap(frequency, n);
    }

    /** Fitted on the words of every item of {@code outfits} (an item in several outfits counts once per outfit). */
    public static WordOverlap fitOutfits(Collection<OutfitRecord> outfits) {
        return fit(outfits.stream().flatMap(o -> o.items().stream()).map(ItemVectors::words).toList());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The weight of a word: its inverse document frequency, the largest for a word never seen. */
    public double weight(String word) {
        Double w = idf.get(word);
        return w == null ? unseen : w;
    }

    /** In how many documents each word occurs. */
    public Map<String, Integer> frequencies() {
        return frequencies;
    }

    /** How many non-empty documents the weights were counted over. */
    public int documents() {
        return documents;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        List<String> wa = a.words();
        List<String> wb = b.words();
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        double shared = 0;
        for (String word : wa) {
            if (wb.contains(word)) {
                double w = weight(word);
                shared += w * w;
            }
        }
        if (shared == 0) {
            return 0;
        }
        return shared / Math.sqrt(squaredNorm(wa) * squaredNorm(wb));
    }

    /** {@code Σ idf(w)²} over the words. */
    double squaredNorm(List<String> words) {
        double sum = 0;
        for (String word : words) {
            double w = weight(word);
            sum += w * w;
        }
        return sum;
    }
}
