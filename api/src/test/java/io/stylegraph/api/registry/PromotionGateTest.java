package io.stylegraph.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PromotionGateTest {
    private final PromotionGate gate = new PromotionGate(0.02);

    @Test
    void shouldPromoteTheFirstModelWithAValidationFigure() {
        assertTrue(gate.decide(0.01, null).promote());
        assertFalse(gate.decide(null, null).promote());
        assertFalse(gate.decide(Double.NaN, 0.05).promote());
    }

    @Test
    void shouldAllowALossWithinTheToleranceOnly() {
        assertTrue(gate.decide(0.0980, 0.1000).promote());
        assertTrue(gate.decide(0.1200, 0.1000).promote());
        assertFalse(gate.decide(0.0979, 0.1000).promote());
    }

    @Test
    void shouldGateAnyNamedFigureAndSayWhichInTheReason() {
        PromotionGate outfits = new PromotionGate(0.05);

        PromotionGate.Decision first = outfits.decide("dev FITB", 0.70, null);
        PromotionGate.Decision within = outfits.decide("dev FITB", 0.666, 0.70);
        PromotionGate.Decision below = outfits.decide("dev FITB", 0.664, 0.70);
        PromotionGate.Decision unmeasured = outfits.decide("dev FITB", null, 0.70);

        assertTrue(first.promote());
        assertTrue(first.reason().startsWith("no active model with a dev FITB"), first.reason());
        assertTrue(within.promote(), within.reason());
        assertFalse(below.promote());
        assertTrue(below.reason().contains("dev FITB 0.6640 is below active 0.7000"), below.reason());
        assertFalse(unmeasured.promote());
        assertEquals("candidate has no dev FITB", unmeasured.reason());
    }

    @Test
    void shouldRefuseANonsensicalTolerance() {
        assertThrows(IllegalArgumentException.class, () -> new PromotionGate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new PromotionGate(1.0));
    }
}
