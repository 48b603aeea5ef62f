package io.stylegraph.training.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionMatrixTest {

    @Test
    void shouldStoreSortedRowsWithoutRepeats() {
        InteractionMatrix m = InteractionMatrix.builder(3, 5)
                .add(0, 4).add(0, 1).add(0, 4).add(2, 0).add(2, 3).build();

        assertEquals(4, m.nnz());
        assertArrayEquals(new int[] {1, 4}, m.itemsOf(0));
        assertArrayEquals(new int[] {}, m.itemsOf(1));
        assertArrayEquals(new int[] {0, 3}, m.itemsOf(2));
        assertArrayEquals(new int[] {0, 0, 2, 2}, m.rowOfEntries());
        assertArrayEquals(new int[] {1, 1, 0, 1, 1}, m.itemDegrees());
        assertTrue(m.contains(0, 4));
        assertFalse(m.contains(1, 4));
        assertEquals(2, m.usersWithInteractions());
    }

    @Test
    void shouldRejectIdsOutsideTheMatrix() {
        assertThrows(IllegalArgumentException.class, () -> InteractionMatrix.builder(2, 2).add(0, 2).build());
        assertThrows(IllegalArgumentException.class, () -> InteractionMatrix.builder(2, 2).add(-1, 0).build());
    }
}
