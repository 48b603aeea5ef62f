package io.stylegraph.training.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import io.stylegraph.graph.domain.Slot;

/**
 * The order in which one user meets the catalogue in their feed: popular items and random discoveries interleaved
 * (each position draws from the popular list with probability {@code popularShare}), then dealt out slot by slot so
 * consecutive cards show tops, bottoms, shoes, ... in turn. Seeded by the user id: the same user and catalogue always
 * give the same order, which makes cursor paging stable.
 */
public final class FeedOrder {
    private static final List<Slot> DEAL_ORDER = List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES, Slot.DRESS,
            Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY, Slot.OTHER);

    private FeedOrder() {
    }

    /**
     * The catalogue's item indexes in the user's order.
     *
     * @param popular every item index, most popular first
     * @param slots   the slot of an item index
     */
    public static int[] forUser(String userId, int[] popular, IntFunction<Slot> slots, double popularShare) {
        int n = popular.length;
        SplittableRandom random = new SplittableRandom(seedOf(userId));
        int[] shuffled = new int[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        boolean[] taken = new boolean[n];
        int[] mixed = new int[n];
        int p = 0;
        int r = 0;
        for (int k = 0; k < n; k++) {
            boolean fromPopular = random.nextDouble() < popularShare;
            int next = -1;
            if (fromPopular) {
                while (p < n && taken[popular[p]]) {
                    p++;
                }
                next = p < n ? popular[p] : -1;
            }
            if (next < 0) {
                while (r < n && taken[shuffled[r]]) {
                    r++;
                }
                next = r < n ? shuffled[r] : -1;
            }
            if (next < 0) {
                while (p < n && taken[popular[p]]) {
                    p++;
                }
                next = popular[p];
            }
            taken[next] = true;
            mixed[k] = next;
        }
        return dealBySlot(mixed, slots);
    }

    private static int[] dealBySlot(int[] mixed, IntFunction<Slot> slots) {
        Map<Slot, List<Integer>> piles = new EnumMap<>(Slot.class);
        for (int index : mixed) {
            piles.computeIfAbsent(slots.apply(index), s -> new ArrayList<>()).add(index);
        }
        int[] dealt = new int[mixed.length];
        int[] cursor = new int[Slot.values().length];
        int k = 0;
        while (k < mixed.length) {
            for (Slot slot : DEAL_ORDER) {
                List<Integer> pile = piles.get(slot);
                if (pile != null && cursor[slot.ordinal()] < pile.size()) {
                    dealt[k++] = pile.get(cursor[slot.ordinal()]++);
                }
            }
        }
        return dealt;
    }

    static long seedOf(String userId) {
        long h = 1125899906842597L;
        for (int i = 0; i < userId.length(); i++) {
            h = 31 * h + userId.charAt(i);
        }
        return h;
    }
}
