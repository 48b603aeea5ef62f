package io.stylegraph.api.registry;

/**
 * Decides whether a freshly trained model may replace the served one: its validation Recall@20 may be lower than the
 * active model's by at most {@code tolerance} (relative: 0.02 allows 2 % less). With nothing served, any candidate
 * with a validation figure passes. Same split and metric code on both sides is the caller's duty.
 */
public record PromotionGate(double tolerance) {

    public PromotionGate {
        if (tolerance < 0 || tolerance >= 1 || Double.isNaN(tolerance)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1): " + tolerance);
        }
    }

    public record Decision(boolean promote, String reason) {
    }

    public Decision decide(Double candidateRecall, Double activeRecall) {
        if (candidateRecall == null || candidateRecall.isNaN()) {
            return new Decision(false, "candidate has no validation Recall@20");
        }
        if (activeRecall == null) {
            return new Decision(true, String.format(java.util.Locale.ROOT,
                    "no active model; candidate valid Recall@20 %.4f", candidateRecall));
        }
        double floor = activeRecall * (1 - tolerance);
        boolean promote = candidateRecall >= floor;
        return new Decision(promote, String.format(java.util.Locale.ROOT,
                "candidate valid Recall@20 %.4f %s active %.4f (floor %.4f with tolerance %.1f%%)", candidateRecall,
                promote ? "passes against" : "is below", activeRecall, floor, tolerance * 100));
    }
}
