package io.stylegraph.api.registry;

/**
 * Decides whether a freshly trained model may replace the served one: its validation figure (Recall@20 for the
 * recommender, dev-slice FITB for outfits) may be lower than the active model's by at most {@code tolerance}
 * (relative: 0.02 allows 2 % less). With nothing served, any candidate with a validation figure passes. Same split
 * and metric code on both sides is the caller's duty.
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
        return decide("valid Recall@20", candidateRecall, activeRecall);
    }

    /** The same rule on any higher-is-better figure, named {@code metric} in the reason. */
    public Decision decide(String metric, Double candidate, Double active) {
        if (candidate == null || candidate.isNaN()) {
            return new Decision(false, "candidate has no " + metric);
        }
        if (active == null || active.isNaN()) {
            return new Decision(true, String.format(java.util.Locale.ROOT,
                    "no active model with a %s; candidate %s %.4f", metric, metric, candidate));
        }
        double floor = active * (1 - tolerance);
        boolean promote = candidate >= floor;
        return new Decision(promote, String.format(java.util.Locale.ROOT,
                "candidate %s %.4f %s active %.4f (floor %.4f with tolerance %.1f%%)", metric, candidate,
                promote ? "passes against" : "is below", active, floor, tolerance * 100));
    }
}
