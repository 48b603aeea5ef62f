package io.stylegraph.training.regions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.stylegraph.models.regions.Box;
import io.stylegraph.models.regions.GarmentRegion;

/**
 * Scores region sources against annotated boxes, one photo at a time. Each annotated box is compared with the
 * source's first region of the same slot (the one shop-the-look searches with first; sources list their best region
 * of a slot first); no region of the slot counts as IoU 0. Not thread-safe.
 */
public final class RegionScores {

    /** Threshold of a "found" box, as in PASCAL VOC. */
    public static final double MATCH_IOU = 0.5;

    private static final class Sums {
        int boxes;
        int predicted;
        int matched;
        double iou;
    }

    private final Map<String, Sums> bySlot = new TreeMap<>();
    private final Sums all = new Sums();

    public void add(Map<String, List<Box>> truth, List<GarmentRegion> regions) {
        for (Map.Entry<String, List<Box>> e : truth.entrySet()) {
            GarmentRegion first = regions.stream().filter(r -> r.slot().equals(e.getKey())).findFirst().orElse(null);
            for (Box box : e.getValue()) {
                double iou = first == null ? 0 : first.box().iou(box);
                for (Sums s : new Sums[] {bySlot.computeIfAbsent(e.getKey(), k -> new Sums()), all}) {
                    s.boxes++;
                    s.predicted += first == null ? 0 : 1;
                    s.matched += iou >= MATCH_IOU ? 1 : 0;
                    s.iou += iou;
                }
            }
        }
    }

    public Map<String, SlotScore> bySlot() {
        Map<String, SlotScore> out = new TreeMap<>();
        bySlot.forEach((slot, s) -> out.put(slot, score(s)));
        return out;
    }

    /** All slots together, each box counting once. */
    public SlotScore overall() {
        return score(all);
    }

    /** Scores over the given slots only (e.g. those a source can produce). */
    public SlotScore over(List<String> slots) {
        Sums s = new Sums();
        for (String slot : slots) {
            Sums one = bySlot.get(slot);
            if (one != null) {
                s.boxes += one.boxes;
                s.predicted += one.predicted;
                s.matched += one.matched;
                s.iou += one.iou;
            }
        }
        return score(s);
    }

    private static SlotScore score(Sums s) {
        return new SlotScore(s.boxes, s.predicted, s.boxes == 0 ? Double.NaN : s.iou / s.boxes,
                s.boxes == 0 ? Double.NaN : (double) s.matched / s.boxes,
                s.predicted == 0 ? Double.NaN : s.iou / s.predicted);
    }
}
