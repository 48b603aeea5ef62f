package io.stylegraph.models.regions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void shouldComputeIntersectionOverUnionByHand() {
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(5, 0, 15, 10);
        // intersection 5x10 = 50, union 100 + 100 - 50 = 150
        assertEquals(50.0 / 150, a.iou(b), 1e-12);
        assertEquals(1.0, a.iou(new Box(0, 0, 10, 10)), 1e-12);
        assertEquals(0.0, a.iou(new Box(10, 0, 20, 10)), 1e-12, "touching boxes do not overlap");
        assertEquals(25.0 / 100, a.iou(new Box(0, 0, 5, 5)), 1e-12, "a box inside another: its share of the area");
    }

    @Test
    void shouldBuildFromCentreAndClipToTheImage() {
        Box box = Box.fromCentre(10, 20, 8, 4);
        assertEquals(new Box(6, 18, 14, 22), box);
        assertEquals(new Box(0, 0, 5, 3), new Box(-4, -1, 5, 3).clip(100, 100));
        assertTrue(new Box(120, 0, 130, 10).clip(100, 100).isEmpty());
        assertArrayEquals(new int[] {2, 3, 8, 9}, new Box(2.4, 3.0, 7.2, 8.5).pixels(100, 100));
    }

    @Test
    void shouldRefuseCornersOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new Box(5, 0, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, Double.NaN, 4, 10));
    }
}
