package io.stylegraph.training.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a cost grows with size: the least-squares line through (log size, log cost), so {@code cost ≈ c · size^b}. An
 * exponent b of 1 is a flat cost per unit of size (per like, per item); issue 18 asks for b ≤ 1.1. Points with a
 * missing or non-positive figure are left out; below two distinct sizes there is no fit.
 *
 * @param exponent    b, the slope on log-log axes
 * @param coefficient c, the cost the line gives at size 1
 * @param points      how many points the line went through
 */
public record GrowthFit(double exponent, double coefficient, int points) {

    /** One measured point: a size and what it cost there (null when not measured). */
    public record Point(double size, Double cost) {
    }

    /** The fit through the points that have a positive size and cost, or empty below two distinct sizes. */
    public static Optional<GrowthFit> of(List<Point> points) {
        List<double[]> logs = new ArrayList<>();
        for (Point point : points) {
            if (point.size() > 0 && point.cost() != null && point.cost() > 0) {
                logs.add(new double[] {Math.log(point.size()), Math.log(point.cost())});
            }
        }
        double mx = logs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = logs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        for (double[] p : logs) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        if (logs.size() < 2 || sxx < 1e-12) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        return Optional.of(new GrowthFit(slope, Math.exp(my - slope * mx), logs.size()));
    }

    /** The cost the fitted line gives at a size. */
    public double at(double size) {
        return coefficient * Math.pow(size, exponent);
    }
}
