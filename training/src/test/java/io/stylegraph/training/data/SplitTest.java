package io.stylegraph.training.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitTest {

    /** 30 users with 10 items each in time order: 8 train, 1 valid, 1 test. */
    private static Split chronological() {
        InteractionMatrix.Builder train = InteractionMatrix.builder(30, 40);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(30, 40);
        InteractionMatrix.Builder test = InteractionMatrix.builder(30, 40);
        for (int u = 0; u < 30; u++) {
            for (int k = 0; k < 10; k++) {
                (k < 8 ? train : k == 8 ? valid : test).add(u, u + k);
            }
        }
        return new Split(train.build(), valid.build(), test.build());
    }

    private static int[] allItems(Split split, int user) {
        return IntStream.concat(IntStream.concat(Arrays.stream(split.train().itemsOf(user)),
                Arrays.stream(split.valid().itemsOf(user))), Arrays.stream(split.test().itemsOf(user))).sorted()
                .toArray();
    }

    @Test
    void shouldDealEachUsersItemsAgainInTheSameCounts() {
        Split fixed = chronological();

        Split shuffled = fixed.shuffledPerUser(999);

        for (int u = 0; u < 30; u++) {
            assertEquals(8, shuffled.train().degree(u));
            assertEquals(1, shuffled.valid().degree(u));
            assertEquals(1, shuffled.test().degree(u));
            assertArrayEquals(allItems(fixed, u), allItems(shuffled, u));
        }
    }

    @Test
    void shouldMoveSomeTestItemsOutOfTheEndOfTheSequenceAndRepeatForTheSameSeed() {
        Split fixed = chronological();

        Split shuffled = fixed.shuffledPerUser(999);

        // a user's last item stays in test with probability 1/10: over 30 users most move
        long stayed = IntStream.range(0, 30).filter(u -> shuffled.test().contains(u, u + 9)).count();
        assertNotEquals(30, stayed);
        assertTrue(stayed < 10, "stayed " + stayed);
        Split again = fixed.shuffledPerUser(999);
        for (int u = 0; u < 30; u++) {
            assertArrayEquals(shuffled.test().itemsOf(u), again.test().itemsOf(u));
        }
    }
}
