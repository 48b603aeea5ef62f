package io.stylegraph.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

class FeedOrderTest {
    /** Six items: 0-2 tops, 3-4 bottoms, 5 shoes; popularity runs 5, 4, 3, 2, 1, 0. */
    private static final List<Slot> SLOTS = List.of(Slot.TOP, Slot.TOP, Slot.TOP, Slot.BOTTOM, Slot.BOTTOM,
            Slot.SHOES);
    private static final int[] POPULAR = {5, 4, 3, 2, 1, 0};

    @Test
    void shouldDealEveryItemOnceInTheSameOrderForTheSameUser() {
        int[] order = FeedOrder.forUser("u1", POPULAR, SLOTS::get, 0.5);

        assertArrayEquals(IntStream.range(0, 6).toArray(), Arrays.stream(order).sorted().toArray());
        assertArrayEquals(order, FeedOrder.forUser("u1", POPULAR, SLOTS::get, 0.5));
    }

    @Test
    void shouldFollowPopularityWithinEachRoundOfSlotsWhenOnlyPopularItemsAreDrawn() {
        // all popular: mixed order 5,4,3,2,1,0; dealt top, bottom, shoes in turn: 2, 4, 5, then 1, 3, then 0
        assertArrayEquals(new int[] {2, 4, 5, 1, 3, 0}, FeedOrder.forUser("anyone", POPULAR, SLOTS::get, 1.0));
    }

    @Test
    void shouldShowTopsBottomsAndShoesInTurnWhateverTheDraw() {
        int[] order = FeedOrder.forUser("u2", POPULAR, SLOTS::get, 0.0);

        assertEquals(List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES, Slot.TOP, Slot.BOTTOM, Slot.TOP),
                Arrays.stream(order).mapToObj(SLOTS::get).toList());
    }

    @Test
    void shouldGiveOtherUsersOtherDiscoveries() {
        boolean allSame = true;
        int[] first = FeedOrder.forUser("user-0", POPULAR, SLOTS::get, 0.0);
        for (int u = 1; u < 10; u++) {
            allSame &= Arrays.equals(first, FeedOrder.forUser("user-" + u, POPULAR, SLOTS::get, 0.0));
        }

        assertFalse(allSame);
    }
}
