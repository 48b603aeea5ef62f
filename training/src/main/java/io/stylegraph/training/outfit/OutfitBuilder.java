package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * Builds, completes and scores outfits over an {@link OutfitCatalogue} greedily, for one shopper's request, in the
 * slots of {@link OutfitTemplates}.
 *
 * <p><b>Building.</b> An outfit grows from an anchor item: the core slots of its template (top + bottom + shoes, or
 * dress + shoes; a shoe, outerwear, bag or accessory anchor tries both and keeps the better) are filled one at a
 * time, each with the candidate of the best total against the items chosen so far: mean pair compatibility plus
 * {@code preferenceWeight} × the shopper's preference ({@link PreferenceScorer}). Outerwear, a bag and an accessory
 * are then added where the best candidate's compatibility is at least the outfit's mean pair score (it does not pull
 * the outfit down). An outfit's total is its mean pair score plus the weight × the mean preference of its items.
 *
 * <p><b>Rules.</b> Excluded items (e.g. the shopper's dislikes) are never added. Items are held to the rules' gender,
 * else to the anchor's (that gender or unisex). An occasion holds every added item and every usable anchor to that
 * occasion. Across one builder no item other than an anchor is used twice, so two outfits share at most one item.
 * Not thread-safe: one builder per request.
 */
public final class OutfitBuilder {
    /**
     * What a request holds outfits to.
     *
     * @param excluded rows never added (an excluded item is no usable anchor either)
     * @param gender   the gender items are held to (with unisex), or null to hold them to the anchor's
     * @param occasion the lower-case occasion every item must have, or null for any
     */
    public record Rules(Set<Integer> excluded, Gender gender, String occasion) {
        public Rules {
            excluded = Set.copyOf(excluded);
        }

        public static Rules none() {
            return new Rules(Set.of(), null, null);
        }
    }

    /** A candidate for a slot: its mean pair compatibility with the partial outfit, and its total with preference. */
    public record Choice(int row, double compatibility, double total) {
    }

    /**
     * An outfit: the rows in the order they were added, the anchor (null for an outfit of given items), the
     * compatibility score, the mean preference of its items (null without a preference scorer) and the total.
     */
    public record Built(Integer anchor, List<Integer> rows, CompatibilityModel.OutfitScore score, Double preference,
                        double total) {
    }

    /** A slot a completion filled: the best choices, the chosen one first; empty when no candidate was allowed. */
    public record Filled(Slot slot, List<Choice> choices) {
    }

    /** A completed outfit: the given items followed by the chosen ones, and what each wanted slot got. */
    public record Completion(Built outfit, List<Filled> filled) {
    }

    private final OutfitCatalogue catalogue;
    private final PreferenceScorer preference;
    private final double preferenceWeight;
    private final boolean[] blocked;
    private final boolean[] used;
    private final Gender gender;
    private final String occasion;

    /**
     * @param preference       the shopper's preference, or null to build on compatibility alone
     * @param preferenceWeight the weight of preference against compatibility
     */
    public OutfitBuilder(OutfitCatalogue catalogue, Rules rules, PreferenceScorer preference, double preferenceWeight) {
        this.catalogue = catalogue;
        this.preference = preference;
        this.preferenceWeight = preferenceWeight;
        this.blocked = new boolean[catalogue.size()];
        this.used = new boolean[catalogue.size()];
        rules.excluded().forEach(row -> blocked[row] = true);
        this.gender = rules.gender();
        this.occasion = rules.occasion();
    }

    /** The gender the rules hold items to, or null. */
    public Gender gender() {
        return gender;
    }

    /** True for an outfit item that is not excluded and has the rules' occasion. */
    public boolean usableAnchor(int row) {
        return !blocked[row] && catalogue.outfitItem(row) && fitsOccasion(row);
    }

    /**
     * Up to {@code k} usable anchors of each anchor slot (top, dress, bottom) in the given popularity order, held to
     * the rules' gender, taken round-robin: the most popular top, dress and bottom, then the second of each, ...
     */
    public List<Integer> popularAnchors(int[] byPopularity, int k) {
        Map<Slot, List<Integer>> bySlot = new EnumMap<>(Slot.class);
        OutfitTemplates.ANCHOR_SLOTS.forEach(slot -> bySlot.put(slot, new ArrayList<>()));
        for (int row : byPopularity) {
            List<Integer> queue = bySlot.get(catalogue.slot(row));
            if (queue != null && queue.size() < k && usableAnchor(row) && fitsGender(row, gender)) {
                queue.add(row);
            }
        }
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (Slot slot : OutfitTemplates.ANCHOR_SLOTS) {
                List<Integer> queue = bySlot.get(slot);
                if (i < queue.size()) {
                    anchors.add(queue.get(i));
                }
            }
        }
        return anchors;
    }

    /** Up to k outfits, one per anchor in turn, round after round (anchors that yield none are dropped). */
    public List<Built> buildAround(List<Integer> anchors, int k) {
        List<Built> outfits = new ArrayList<>();
        List<Integer> live = new ArrayList<>(anchors);
        while (outfits.size() < k && !live.isEmpty()) {
            Iterator<Integer> it = live.iterator();
            while (it.hasNext() && outfits.size() < k) {
                Built built = build(it.next());
                if (built == null) {
                    it.remove();
                } else {
                    outfits.add(built);
                }
            }
        }
        return outfits;
    }

    /** The best outfit around the anchor with items not used yet (marks its items used), or null when none. */
    public Built build(int anchor) {
        Gender held = gender;
        Gender anchorGender = catalogue.gender(anchor);
        if (held == null && anchorGender != Gender.UNISEX) {
            held = anchorGender;
        }
        Slot slot = catalogue.slot(anchor);
        Built best = null;
        for (List<Slot> template : OutfitTemplates.forAnchor(slot)) {
            Built candidate = build(anchor, template, held);
            if (candidate != null && (best == null || candidate.total() > best.total())) {
                best = candidate;
            }
        }
        if (best != null) {
            for (int row : best.rows()) {
                if (row != anchor) {
                    used[row] = true;
                }
            }
        }
        return best;
    }

    private Built build(int anchor, List<Slot> template, Gender held) {
        List<Integer> rows = new ArrayList<>();
        rows.add(anchor);
        for (Slot slot : template) {
            if (slot == catalogue.slot(anchor)) {
                continue;
            }
            List<Choice> best = rank(rows, slot, held, 1);
            if (best.isEmpty()) {
                return null;
            }
            rows.add(best.get(0).row());
        }
        for (Slot slot : OutfitTemplates.EXTRAS) {
            if (slot == catalogue.slot(anchor)) {
                continue;
            }
            List<Choice> best = rank(rows, slot, held, 1);
            if (!best.isEmpty() && best.get(0).compatibility() >= catalogue.index().score(toArray(rows)).score()) {
                rows.add(best.get(0).row());
            }
        }
        return outfit(anchor, rows);
    }

    /**
     * Fills the wanted slots of a partial outfit one at a time, each with its best candidate given the items so far,
     * listing up to {@code alternatives} runners-up. Items are held to the first given item's gender other than
     * unisex, else to the rules' gender (a shopper's implied gender).
     */
    public Completion complete(List<Integer> given, List<Slot> wanted, int alternatives) {
        // the given pieces' own gender first: a shopper whose likes imply men's wear may still complete a women's top
        Gender stated = given.stream().map(catalogue::gender)
                .filter(g -> g != null && g != Gender.UNISEX).findFirst().orElse(null);
        Gender held = stated != null ? stated : gender;
        List<Integer> rows = new ArrayList<>(given);
        List<Filled> filled = new ArrayList<>();
        for (Slot slot : wanted) {
            List<Choice> choices = rank(rows, slot, held, 1 + alternatives);
            if (!choices.isEmpty()) {
                rows.add(choices.get(0).row());
            }
            filled.add(new Filled(slot, choices));
        }
        return new Completion(outfit(null, rows), filled);
    }

    /** The best {@code limit} allowed candidates of a slot for the partial outfit, best total first. */
    public List<Choice> rank(List<Integer> partial, Slot slot, int limit) {
        return rank(partial, slot, gender, limit);
    }

    private List<Choice> rank(List<Integer> partial, Slot slot, Gender held, int limit) {
        int[] slotRows = catalogue.rows(slot);
        int[] partialRows = toArray(partial);
        // the cheap rules first, so only allowed candidates pay for a dot product
        int[] candidates = new int[slotRows.length];
        int allowed = 0;
        for (int row : slotRows) {
            if (!blocked[row] && !used[row] && fitsGender(row, held) && !contains(partialRows, row)
                    && fitsOccasion(row)) {
                candidates[allowed++] = row;
            }
        }
        candidates = Arrays.copyOf(candidates, allowed);
        float[] compatibility = new float[allowed];
        catalogue.index().candidateScores(partialRows, candidates, compatibility);
        PriorityQueue<Choice> best = new PriorityQueue<>(Comparator.comparingDouble(Choice::total));
        for (int c = 0; c < allowed; c++) {
            int row = candidates[c];
            double total = compatibility[c] + (preference == null ? 0 : preferenceWeight * preference.preference(row));
            if (best.size() == limit && total <= best.peek().total()) {
                continue;
            }
            best.add(new Choice(row, compatibility[c], total));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<Choice> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(Choice::total).reversed());
        return ranked;
    }

    /** The outfit of exactly these rows, scored: compatibility, mean preference and total. */
    public Built outfit(Integer anchor, List<Integer> rows) {
        CompatibilityModel.OutfitScore score = catalogue.index().score(toArray(rows));
        Double mean = null;
        if (preference != null) {
            double sum = 0;
            for (int row : rows) {
                sum += preference.preference(row);
            }
            mean = sum / rows.size();
        }
        return new Built(anchor, List.copyOf(rows), score, mean,
                score.score() + (mean == null ? 0 : preferenceWeight * mean));
    }

    /** The shopper's preference for the item, or null without a preference scorer. */
    public Double preference(int row) {
        return preference == null ? null : preference.preference(row);
    }

    private boolean fitsGender(int row, Gender held) {
        if (held == null) {
            return true;
        }
        Gender item = catalogue.gender(row);
        return item == held || item == Gender.UNISEX;
    }

    private boolean fitsOccasion(int row) {
        return occasion == null || occasion.equals(catalogue.occasion(row));
    }

    private static boolean contains(int[] rows, int row) {
        for (int r : rows) {
            if (r == row) {
                return true;
            }
        }
        return false;
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
