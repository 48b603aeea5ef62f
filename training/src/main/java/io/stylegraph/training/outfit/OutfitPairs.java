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
 *
 * <p>Scoring every item against every partner-slot item grows with the square of the catalogue (3·10^10 pair scores
 * at 230k items, hours on one core; 6·10^11 at 1 M). Above {@link #DEFAULT_MAX_SCORES} each partner slot's candidates
 * are a seeded sample, the same for every item, sized so that the whole mining computes at most that many scores:
 * an item's partners are then the best of the sample, which {@link Mined#sampled()} and the log say.
 */
public final class OutfitPairs {
    private static final int PROGRESS_EVERY = 10_000;
    /** Pair scores one mining computes at most (about 10 minutes on one core): every pair up to ~80k outfit items. */
    public static final long DEFAULT_MAX_SCORES = 4_000_000_000L;
    private static final long SAMPLE_SEED = 17;

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
     * The pairs mined, with the pair scores computed and the share of each partner slot's candidates scored (1: all
     * of them; below 1, a seeded sample of each slot).
     */
    public record Mined(List<Pair> pairs, long scores, double sampled) {
    }

    /**
     * Every outfit item's best {@code perItem} partners, item by item in slot and row order, each item's best first;
     * {@code log} (may be null) hears of progress on large catalogues: items paired of all, rate and time left.
     */
    public static List<Pair> strongest(OutfitCatalogue catalogue, int perItem, PrintStream log) {
        return mine(catalogue, perItem, log, DEFAULT_MAX_SCORES).pairs();
    }

    /**
     * As {@link #strongest(OutfitCatalogue, int, PrintStream)}, computing at most {@code maxScores} pair scores:
     * above, each partner slot's candidates are a seeded sample of the share that fits.
     */
    public static Mined mine(OutfitCatalogue catalogue, int perItem, PrintStream log, long maxScores) {
        return mine(catalogue, perItem, log, maxScores, PROGRESS_EVERY);
    }

    /** {@link #mine(OutfitCatalogue, int, PrintStream, long)} with a progress line every {@code progressEvery} items. */
    static Mined mine(OutfitCatalogue catalogue, int perItem, PrintStream log, long maxScores, int progressEvery) {
        List<Pair> pairs = new ArrayList<>();
        if (perItem <= 0) {
            return new Mined(pairs, 0, 1);
        }
        long all = 0;
        for (Slot slot : OutfitCatalogue.OUTFIT_SLOTS) {
            for (Slot partnerSlot : PARTNER_SLOTS.get(slot)) {
                all += (long) catalogue.rows(slot).length * catalogue.rows(partnerSlot).length;
            }
        }
        double share = all <= maxScores ? 1 : (double) maxScores / all;
        Map<Slot, int[]> pools = new EnumMap<>(Slot.class);
        java.util.Random random = new java.util.Random(SAMPLE_SEED);
        for (Slot slot : OutfitCatalogue.OUTFIT_SLOTS) {
            int[] rows = catalogue.rows(slot);
            int keep = share == 1 ? rows.length
                    : Math.min(rows.length, Math.max(perItem, (int) Math.ceil(rows.length * share)));
            pools.put(slot, keep == rows.length ? rows : sample(rows, keep, random));
        }
        if (share < 1 && log != null) {
            log.printf(Locale.ROOT, "PAIRS_WITH: every pair would be %.2g scores, above the budget of %.2g: each item's "
                    + "partners are the best of a seeded sample of %.2f%% of each slot%n", (double) all,
                    (double) maxScores, 100 * share);
        }
        CompatibilityIndex index = catalogue.index();
        long scoreCount = 0;
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
                    int[] candidates = pools.get(partnerSlot);
                    index.candidateScores(single, candidates, scores);
                    scoreCount += candidates.length;
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
        return new Mined(pairs, scoreCount, share);
    }

    /** A seeded sample of {@code keep} of the rows, in row order. */
    private static int[] sample(int[] rows, int keep, java.util.Random random) {
        int[] copy = rows.clone();
        for (int k = 0; k < keep; k++) {
            int pick = k + random.nextInt(copy.length - k);
            int t = copy[k];
            copy[k] = copy[pick];
            copy[pick] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(copy, keep);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
