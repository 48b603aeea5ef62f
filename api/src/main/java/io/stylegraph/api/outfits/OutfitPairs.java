package io.stylegraph.api.outfits;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.PairsWithPublisher;
import io.stylegraph.training.outfit.CompatibilityIndex;
import io.stylegraph.training.outfit.OutfitCatalogue;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the strongest pairs of the served model as {@code (:Item)-[:PAIRS_WITH {score, support, model}]->(:Item)}:
 * for every item in an outfit slot, its {@code perItem} best partners among the slots it is worn with (never its own
 * slot) and of a compatible gender. {@code score} is the model's pair score, {@code support} the number of stored
 * outfits holding both items (0 for pairs only the model vouches for).
 */
@Singleton
class OutfitPairs {
    private static final Logger LOG = LoggerFactory.getLogger(OutfitPairs.class);
    private static final int PROGRESS_EVERY = 10_000;

    /** The slots an item of each slot is worn with. */
    static final Map<Slot, List<Slot>> PARTNER_SLOTS = partnerSlots();

    private final PairsWithPublisher publisher;

    OutfitPairs(PairsWithPublisher publisher) {
        this.publisher = publisher;
    }

    private static Map<Slot, List<Slot>> partnerSlots() {
        Map<Slot, List<Slot>> partners = new EnumMap<>(Slot.class);
        List<Slot> extras = List.of(Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY);
        partners.put(Slot.TOP, List.of(Slot.BOTTOM, Slot.SHOES, Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY));
        partners.put(Slot.BOTTOM, List.of(Slot.TOP, Slot.SHOES, Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY));
        partners.put(Slot.DRESS, List.of(Slot.SHOES, Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY));
        partners.put(Slot.SHOES, List.of(Slot.TOP, Slot.BOTTOM, Slot.DRESS, Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY));
        for (Slot extra : extras) {
            List<Slot> withExtra = new ArrayList<>(List.of(Slot.TOP, Slot.BOTTOM, Slot.DRESS, Slot.SHOES));
            extras.stream().filter(other -> other != extra).forEach(withExtra::add);
            partners.put(extra, List.copyOf(withExtra));
        }
        return Map.copyOf(partners);
    }

    static boolean gendersGoTogether(Gender a, Gender b) {
        return a == null || b == null || a == b || a == Gender.UNISEX || b == Gender.UNISEX;
    }

    /** Computes and writes the pairs of {@code served}; returns the number of edges written. */
    long publish(ServedOutfits served, int perItem) {
        if (perItem <= 0) {
            return 0;
        }
        long started = System.nanoTime();
        CompatibilityIndex index = served.index();
        Map<String, Long> support;
        try {
            support = publisher.outfitSupport();
        } catch (RuntimeException e) {
            LOG.warn("PAIRS_WITH edges not written (graph unavailable?): {}", e.getMessage());
            return 0;
        }
        List<PairsWithPublisher.Pair> pairs = new ArrayList<>();
        int done = 0;
        float[] scores = new float[index.size()];
        int[] single = new int[1];
        record Scored(int row, float score) {
        }
        for (Slot slot : OutfitCatalogue.OUTFIT_SLOTS) {
            for (int row : served.catalogue().rows(slot)) {
                Item item = served.snapshot().get(row).item();
                PriorityQueue<Scored> best = new PriorityQueue<>((a, b) -> Float.compare(a.score(), b.score()));
                single[0] = row;
                for (Slot partnerSlot : PARTNER_SLOTS.get(slot)) {
                    int[] candidates = served.catalogue().rows(partnerSlot);
                    index.candidateScores(single, candidates, scores);
                    for (int c = 0; c < candidates.length; c++) {
                        if (best.size() == perItem && scores[c] <= best.peek().score()) {
                            continue;
                        }
                        Gender other = served.snapshot().get(candidates[c]).item().gender();
                        if (!gendersGoTogether(item.gender(), other)) {
                            continue;
                        }
                        best.add(new Scored(candidates[c], scores[c]));
                        if (best.size() > perItem) {
                            best.poll();
                        }
                    }
                }
                for (Scored scored : best) {
                    String otherId = index.id(scored.row());
                    pairs.add(new PairsWithPublisher.Pair(item.id(), otherId, scored.score(),
                            support.getOrDefault(PairsWithPublisher.pairKey(item.id(), otherId), 0L)));
                }
                if (++done % PROGRESS_EVERY == 0) {
                    LOG.info("PAIRS_WITH: {} items paired", done);
                }
            }
        }
        try {
            long written = publisher.replace(pairs, served.modelId());
            LOG.info("PAIRS_WITH: {} edges written for {} items in {} ms", written, done,
                    (System.nanoTime() - started) / 1_000_000);
            return written;
        } catch (RuntimeException e) {
            LOG.warn("PAIRS_WITH edges not written (graph unavailable?): {}", e.getMessage());
            return 0;
        }
    }
}
