package io.stylegraph.training.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import org.junit.jupiter.api.Test;

class IndexRowsTest {

    private static IndexRows empty() {
        return new IndexRows(2, new float[0], new String[0], new byte[0], new byte[0], new String[0], 0,
                new ConcurrentHashMap<>());
    }

    @Test
    void shouldAppendNewItemsAndLeaveTheEarlierViewAsItWas() {
        IndexRows first = empty().upserted(List.of(new ItemVector("a", Slot.TOP, Gender.MEN, new float[] {1, 0})), 4);

        IndexRows second = first.upserted(List.of(new ItemVector("b", Slot.SHOES, null, new float[] {0, 1})), 4);

        assertSame(first.data, second.data, "appended into the spare capacity, no copy");
        assertEquals(1, first.count);
        assertEquals(-1, first.row("b"));
        assertEquals(2, second.count);
        assertEquals(1, second.row("b"));
        assertArrayEquals(new float[] {0, 1}, second.vector(1));
        assertEquals(IndexRows.genderCode(null), second.genders[1]);
    }

    @Test
    void shouldCopyBeforeReplacingAHeldItemSoReadersOfTheOldViewStillSeeItsVector() {
        IndexRows first = empty().upserted(List.of(new ItemVector("a", Slot.TOP, Gender.MEN, new float[] {1, 0})), 4);

        IndexRows second = first.upserted(List.of(new ItemVector("a", Slot.BOTTOM, Gender.WOMEN,
                new float[] {0, 1})), 4);

        assertNotSame(first.data, second.data);
        assertArrayEquals(new float[] {1, 0}, first.vector(0));
        assertArrayEquals(new float[] {0, 1}, second.vector(0));
        assertEquals(Slot.BOTTOM.ordinal(), second.slots[0]);
        assertEquals(1, second.count);
    }

    @Test
    void shouldSampleEveryNthRowAndScoreFoundRowsAsItems() {
        IndexRows rows = empty();
        for (int i = 0; i < 5; i++) {
            rows = rows.upserted(List.of(new ItemVector("i" + i, Slot.TOP, null, new float[] {1, 0})), 2);
        }

        assertEquals(List.of("i0", "i2", "i4"), rows.sampleIds(3));
        assertEquals(List.of(), rows.sampleIds(0));
        assertEquals(List.of(new ScoredItem("i3", 0.5f)), rows.items(new ScoredRows(new int[] {3},
                new float[] {0.5f})));
    }
}
