package io.stylegraph.api.registry;

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
    void shouldRefuseANonsensicalTolerance() {
        assertThrows(IllegalArgumentException.class, () -> new PromotionGate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new PromotionGate(1.0));
    }
}
