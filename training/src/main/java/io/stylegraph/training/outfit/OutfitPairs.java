package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * Mines the strongest pairs of the compatibility model over a catalogue: for every item in an outfit slot, its
 * {@code perItem} best partners among the slots it is worn with (never its own slot) and of a compatible gender.
 * Each item's pairs are its own list, so a pair can appear from both sides.
 */
public final class OutfitPairs {
    private static final int PROGRESS_EVERY = 10_000;

    /** The slots an item of each slot is worn with. */
    public static final Map<Slot, List<Slot>> PARTNER_SLOTS = partnerSlots();

    /** A pair the model rates among the item's best: the item, its partner and the model's pair score. */
    public record Pair(String itemId, String otherId, double score) {
    }

    private OutfitPairs() {
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

    /** True unless both genders are stated, differ and neither is unisex. */
    public static boolean gendersGoTogether(Gender a, Gender b) {
        return a == null || b == null || a == b || a == Gender.UNISEX || b == Gender.UNISEX;
    }

    /**
     * Every outfit item's best {@code perItem} partners, item by item in slot and row order, each item's best first;
     * {@code log} (may be null) hears of progress on large catalogues: items paired of all, rate and time left.
     */
    public static List<Pair> strongest(OutfitCatalogue catalogue, int perItem, PrintStream log) {
        return strongest(catalogue, perItem, log, PROGRESS_EVERY);
    }

    /** {@link #strongest(OutfitCatalogue, int, PrintStream)} with a progress line every {@code progressEvery} items. */
    static List<Pair> strongest(OutfitCatalogue catalogue, int perItem, PrintStream log, int progressEvery) {
        List<Pair> pairs = new ArrayList<>();
        if (perItem <= 0) {
            return pairs;
        }
        CompatibilityIndex index = catalogue.index();
        float[] scores = new float[index.size()];
        int[] single = new int[1];
        record Scored(int row, float score) {
        }
        Comparator<Scored> weakestFirst = Comparator.comparingDouble(Scored::score);
        int done = 0;
        int total = OutfitCatalogue.OUTFIT_SLOTS.stream().mapToInt(slot -> catalogue.rows(slot).length).sum();
        long started = System.nanoTime();
        for (Slot slot : OutfitCatalogue.OUTFIT_SLOTS) {
            for (int row : catalogue.rows(slot)) {
                PriorityQueue<Scored> best = new PriorityQueue<>(weakestFirst);
                single[0] = row;
                for (Slot partnerSlot : PARTNER_SLOTS.get(slot)) {
                    int[] candidates = catalogue.rows(partnerSlot);
                    index.candidateScores(single, candidates, scores);
                    for (int c = 0; c < candidates.length; c++) {
                        if (best.size() == perItem && scores[c] <= best.peek().score()) {
                            continue;
                        }
                        if (!gendersGoTogether(catalogue.gender(row), catalogue.gender(candidates[c]))) {
                            continue;
                        }
                        best.add(new Scored(candidates[c], scores[c]));
                        if (best.size() > perItem) {
                            best.poll();
                        }
                    }
                }
                List<Scored> ranked = new ArrayList<>(best);
                ranked.sort(weakestFirst.reversed().thenComparing(Scored::row));
                ranked.forEach(scored -> pairs.add(new Pair(index.id(row), index.id(scored.row()), scored.score())));
                if (++done % progressEvery == 0 && log != null) {
                    double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
                    log.printf(Locale.ROOT, "PAIRS_WITH: %d/%d items paired (%.0f items/s, about %d s left)%n", done,
                            total, done / seconds, Math.round((total - done) * seconds / done));
                }
            }
        }
        return pairs;
    }
}
