package io.stylegraph.models.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class NonMaximumSuppressionTest {

    @Test
    void shouldKeepTheBestOfOverlappingBoxesOfOneClass() {
        Detection best = new Detection(new Box(0, 0, 10, 10), 0, 0.9);
        Detection overlapping = new Detection(new Box(1, 0, 11, 10), 0, 0.8); // IoU 90/110 = 0.82
        Detection apart = new Detection(new Box(50, 50, 60, 60), 0, 0.7);
        Detection otherClass = new Detection(new Box(1, 0, 11, 10), 1, 0.6);

        List<Detection> kept = NonMaximumSuppression.apply(List.of(apart, overlapping, otherClass, best), 0.45, 10);

        assertEquals(List.of(best, apart, otherClass), kept);
    }

    @Test
    void shouldKeepOverlapsBelowTheThresholdAndStopAtTheLimit() {
        Detection a = new Detection(new Box(0, 0, 10, 10), 0, 0.9);
        Detection b = new Detection(new Box(5, 0, 15, 10), 0, 0.8); // IoU 1/3
        Detection c = new Detection(new Box(40, 0, 50, 10), 0, 0.7);

        assertEquals(List.of(a, b, c), NonMaximumSuppression.apply(List.of(c, b, a), 0.45, 10));
        assertEquals(List.of(a, c), NonMaximumSuppression.apply(List.of(c, b, a), 0.3, 10));
        assertEquals(List.of(a, b), NonMaximumSuppression.apply(List.of(c, b, a), 0.45, 2));
    }
}
