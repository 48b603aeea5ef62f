package io.stylegraph.training.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChronologicalSplitterTest {

    private static List<TimedInteraction> likes(String user, int count) {
        List<TimedInteraction> likes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            // given out of time order on purpose
            likes.add(new TimedInteraction(user, "item" + (count - 1 - k), count - 1 - k));
        }
        return likes;
    }

    private static int[] items(Dataset d, InteractionMatrix m, String user) {
        int u = d.users().find(user).orElseThrow();
        return java.util.Arrays.stream(m.itemsOf(u)).map(i -> Integer.parseInt(d.items().externalId(i).substring(4)))
                .sorted().toArray();
    }

    @Test
    void shouldSplitEachUserEightOneOneInTimeOrder() {
        Dataset d = ChronologicalSplitter.eightOneOne().split("t", likes("alice", 10), List.of());

        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, items(d, d.split().train(), "alice"));
        assertArrayEquals(new int[] {8}, items(d, d.split().valid(), "alice"));
        assertArrayEquals(new int[] {9}, items(d, d.split().test(), "alice"));
    }

    @Test
    void shouldRoundHeldOutSharesUpLikeTheFixedSplit() {
        Dataset d = ChronologicalSplitter.eightOneOne().split("t", likes("bob", 11), List.of());

        assertEquals(7, d.split().train().nnz());
        assertArrayEquals(new int[] {7, 8}, items(d, d.split().valid(), "bob"));
        assertArrayEquals(new int[] {9, 10}, items(d, d.split().test(), "bob"));
    }

    @Test
    void shouldGiveEveryUserWithThreeLikesOneValidAndOneTestItem() {
        Dataset d = ChronologicalSplitter.eightOneOne().split("t", likes("carol", 3), List.of());

        assertArrayEquals(new int[] {0}, items(d, d.split().train(), "carol"));
        assertArrayEquals(new int[] {1}, items(d, d.split().valid(), "carol"));
        assertArrayEquals(new int[] {2}, items(d, d.split().test(), "carol"));
    }

    @Test
    void shouldKeepUsersWithFewerThanThreeLikesInTrain() {
        Dataset d = ChronologicalSplitter.eightOneOne().split("t", likes("dan", 2), List.of());

        assertEquals(2, d.split().train().nnz());
        assertEquals(0, d.split().valid().nnz() + d.split().test().nnz());
    }

    @Test
    void shouldKeepDislikesApartOnTheSameIds() {
        List<TimedInteraction> dislikes = List.of(new TimedInteraction("alice", "item3", 5),
                new TimedInteraction("erin", "shoe", 1));
        Dataset d = ChronologicalSplitter.eightOneOne().split("t", likes("alice", 10), dislikes);

        assertEquals(2, d.dislikes().nnz());
        int alice = d.users().find("alice").orElseThrow();
        assertTrue(d.dislikes().contains(alice, d.items().find("item3").orElseThrow()));
        assertEquals(2, d.numUsers());
        assertEquals(11, d.numItems());
    }

    @Test
    void shouldLeaveOutDislikesGivenAfterTheLastTrainLike() {
        // alice's likes happen at times 0..9: 0..7 train, 8 valid, 9 test
        List<TimedInteraction> dislikes = List.of(new TimedInteraction("alice", "early", 7),
                new TimedInteraction("alice", "late", 8));
        Dataset d = ChronologicalSplitter.eightOneOne().split("t", likes("alice", 10), dislikes);

        int alice = d.users().find("alice").orElseThrow();
        assertEquals(1, d.dislikes().nnz());
        assertTrue(d.dislikes().contains(alice, d.items().find("early").orElseThrow()));
    }
}
