package io.stylegraph.training.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The k most cosine-similar items of every item, per modality, as found once per training run by {@link ItemKnnGraph}.
 * FREEDOM propagates over their normalized form; analysts get them as {@code SIMILAR} edges.
 *
 * @param numItems   items, numbered as in the training data
 * @param k          neighbours kept per item and modality (the item itself may be one of them)
 * @param modalities one entry per modality that has vectors
 */
public record ItemNeighbours(int numItems, int k, List<Modality> modalities) {

    /**
     * @param index      row-major, k slots per item, best first; only the first {@code count[i]} of item i are set
     * @param similarity the cosine of each slot
     */
    public record Modality(String name, double weight, int[] index, float[] similarity, int[] count) {
    }

    /** A pair of distinct items similar in at least one modality. */
    public record Pair(int item, int other, double score, Map<String, Double> cosines) {
    }

    /**
     * Every (item, neighbour) pair without self-pairs: the score is Σ over modalities of weight·cosine (weights
     * scaled to sum to one), counting a modality only where the neighbour is in that modality's top k. Item by item,
     * each item's neighbours in the order its modalities list them; all held at once (see {@link #pairIterator()}
     * for a catalogue of millions of items).
     */
    public List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        pairIterator().forEachRemaining(pairs::add);
        return pairs;
    }

    /**
     * The pairs of {@link #pairs()} in the same order, made one item's at a time as they are read: at 1 M items the
     * list would hold 27 M pairs (about 4 GiB of small objects) beside the compact table they come from.
     */
    public Iterator<Pair> pairIterator() {
        double totalWeight = modalities.stream().mapToDouble(Modality::weight).sum();
        return new Iterator<>() {
            private int item;
            private Iterator<Pair> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && item < numItems) {
                    current = pairsOf(item++, totalWeight).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Pair next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** How many pairs {@link #pairs()} holds, counted without making them. */
    public long pairCount() {
        int[] seenBy = new int[numItems];
        Arrays.fill(seenBy, -1);
        long pairs = 0;
        for (int i = 0; i < numItems; i++) {
            for (Modality m : modalities) {
                for (int n = 0; n < m.count()[i]; n++) {
                    int j = m.index()[i * k + n];
                    if (j != i && seenBy[j] != i) {
                        seenBy[j] = i;
                        pairs++;
                    }
                }
            }
        }
        return pairs;
    }

    private List<Pair> pairsOf(int i, double totalWeight) {
        Map<Integer, Map<String, Double>> byNeighbour = new LinkedHashMap<>();
        for (Modality m : modalities) {
            for (int n = 0; n < m.count()[i]; n++) {
                int j = m.index()[i * k + n];
                if (j != i) {
                    byNeighbour.computeIfAbsent(j, x -> new LinkedHashMap<>())
                            .put(m.name(), (double) m.similarity()[i * k + n]);
                }
            }
        }
        List<Pair> pairs = new ArrayList<>(byNeighbour.size());
        for (Map.Entry<Integer, Map<String, Double>> e : byNeighbour.entrySet()) {
            double score = 0;
            for (Modality m : modalities) {
                Double cosine = e.getValue().get(m.name());
                if (cosine != null) {
                    score += m.weight() / totalWeight * cosine;
                }
            }
            pairs.add(new Pair(i, e.getKey(), score, Map.copyOf(e.getValue())));
        }
        return pairs;
    }
}
