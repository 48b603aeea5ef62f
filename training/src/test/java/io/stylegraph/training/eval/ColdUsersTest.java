package io.stylegraph.training.eval;

import io.stylegraph.training.data.Dataset;
import io.stylegraph.training.data.IdIndex;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.Split;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColdUsersTest {

    /** Six users, eight items; user u's train sequence is items (u+2), (u+1), u in that order (not id order). */
    private static final int USERS = 6;
    private static final int ITEMS = 8;

    private static int[][] sequences() {
        int[][] sequences = new int[USERS][];
        for (int u = 0; u < USERS; u++) {
            sequences[u] = new int[] {u + 2, u + 1, u};
        }
        return sequences;
    }

    private static Dataset data() {
        InteractionMatrix.Builder train = InteractionMatrix.builder(USERS, ITEMS);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(USERS, ITEMS);
        InteractionMatrix.Builder test = InteractionMatrix.builder(USERS, ITEMS);
        int[][] sequences = sequences();
        for (int u = 0; u < USERS; u++) {
            for (int item : sequences[u]) {
                train.add(u, item);
            }
            valid.add(u, (u + 3) % ITEMS);
            if (u != 5) { // user 5 has no test like and cannot be held out
                test.add(u, (u + 4) % ITEMS);
            }
        }
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        for (int u = 0; u < USERS; u++) {
            users.intern("U" + u);
        }
        for (int i = 0; i < ITEMS; i++) {
            items.intern("I" + i);
        }
        return new Dataset("toy", users, items, new Split(train.build(), valid.build(), test.build()), null);
    }

    @Test
    void shouldTakeHeldOutUsersOutOfEveryPartOfTheWarmData() {
        ColdUsers.HeldOut heldOut = ColdUsers.holdOut(data(), sequences(), 3, 7, 1, 2);

        assertEquals(3, heldOut.users().length);
        Split warm = heldOut.warm().split();
        for (int user : heldOut.users()) {
            assertTrue(user != 5, "a user without test likes is never held out");
            assertEquals(0, warm.train().degree(user));
            assertEquals(0, warm.valid().degree(user));
            assertEquals(0, warm.test().degree(user));
        }
        assertEquals(3 * 3, warm.train().nnz(), "the other three users keep their train likes");
        assertEquals(3, heldOut.testLikes());
    }

    @Test
    void shouldKnowEachHeldOutUserByTheirFirstLikesInSequenceOrder() {
        ColdUsers.HeldOut heldOut = ColdUsers.holdOut(data(), sequences(), 3, 7, 1, 2);

        ColdUsers.Slice one = heldOut.slices().get(0);
        ColdUsers.Slice two = heldOut.slices().get(1);
        assertEquals(1, one.historyLength());
        for (int user : heldOut.users()) {
            assertArrayEquals(new int[] {user + 2}, one.history().itemsOf(user), "the first like, not the lowest id");
            assertArrayEquals(new int[] {user + 1, user + 2}, two.history().itemsOf(user));
            assertArrayEquals(new int[] {(user + 4) % ITEMS}, one.test().itemsOf(user));
        }
        assertEquals(3, one.history().usersWithInteractions());
    }

    @Test
    void shouldDrawTheSameUsersForTheSameSeed() {
        assertArrayEquals(ColdUsers.holdOut(data(), sequences(), 2, 11, 1).users(),
                ColdUsers.holdOut(data(), sequences(), 2, 11, 1).users());
        assertEquals(5, ColdUsers.holdOut(data(), sequences(), 50, 11, 1).users().length,
                "no more than the users who qualify");
    }

    @Test
    void shouldRefuseAnEmptyHistory() {
        assertThrows(IllegalArgumentException.class, () -> ColdUsers.holdOut(data(), sequences(), 2, 1, 0));
    }
}
