package io.stylegraph.training.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowthFitTest {

    @Test
    void shouldRecoverTheExponentAndCoefficientOfAPowerLaw() {
        List<GrowthFit.Point> points = List.of(new GrowthFit.Point(23_000, 3 * Math.pow(23_000, 1.2)),
                new GrowthFit.Point(230_000, 3 * Math.pow(230_000, 1.2)),
                new GrowthFit.Point(1_000_000, 3 * Math.pow(1_000_000, 1.2)));

        GrowthFit fit = GrowthFit.of(points).orElseThrow();

        assertEquals(1.2, fit.exponent(), 1e-9);
        assertEquals(3, fit.coefficient(), 1e-6);
        assertEquals(3, fit.points());
        assertEquals(3 * Math.pow(500_000, 1.2), fit.at(500_000), 1e-3 * fit.at(500_000));
    }

    @Test
    void shouldFitTheLeastSquaresLineThroughNoisyPoints() {
        // log2 sizes 0, 1, 2 with log costs 0, 1, 1: slope of the least-squares line is 0.5
        List<GrowthFit.Point> points = List.of(new GrowthFit.Point(1, 1.0), new GrowthFit.Point(Math.E, Math.E),
                new GrowthFit.Point(Math.E * Math.E, Math.E));

        assertEquals(0.5, GrowthFit.of(points).orElseThrow().exponent(), 1e-9);
    }

    @Test
    void shouldLeaveOutUnmeasuredPointsAndNotFitBelowTwoSizes() {
        List<GrowthFit.Point> onePointMeasured = List.of(new GrowthFit.Point(23_000, 40.0),
                new GrowthFit.Point(230_000, null), new GrowthFit.Point(2_300_000, 0.0));
        List<GrowthFit.Point> sameSizeTwice = List.of(new GrowthFit.Point(23_000, 40.0),
                new GrowthFit.Point(23_000, 41.0));

        assertTrue(GrowthFit.of(onePointMeasured).isEmpty());
        assertTrue(GrowthFit.of(sameSizeTwice).isEmpty());
        assertTrue(GrowthFit.of(List.of()).isEmpty());
    }
}
