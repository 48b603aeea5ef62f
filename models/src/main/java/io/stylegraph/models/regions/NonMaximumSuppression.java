package io.stylegraph.models.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression per class: the best-scoring box is kept and every box of the same class that
 * overlaps it by more than the IoU threshold is dropped, then the next best remaining, and so on.
 */
public final class NonMaximumSuppression {

    private NonMaximumSuppression() {
    }

    /** The kept detections, best first; at most {@code maxKept}. */
    public static List<Detection> apply(List<Detection> candidates, double iouThreshold, int maxKept) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        boolean[] suppressed = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size() && kept.size() < maxKept; i++) {
            if (suppressed[i]) {
                continue;
            }
            Detection best = sorted.get(i);
            kept.add(best);
            for (int j = i + 1; j < sorted.size(); j++) {
                Detection other = sorted.get(j);
                if (!suppressed[j] && other.classId() == best.classId()
                        && best.box().iou(other.box()) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return kept;
    }
}
