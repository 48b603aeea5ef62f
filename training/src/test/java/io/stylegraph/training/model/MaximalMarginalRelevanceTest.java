package io.stylegraph.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.ToDoubleBiFunction;

import org.junit.jupiter.api.Test;

class MaximalMarginalRelevanceTest {

    /** A list entry: an item id, its category and its score. */
    private record Entry(String id, String category, float score) {
    }

    private static final ListDiversity.Fields<Entry> FIELDS =
            new ListDiversity.Fields<>(Entry::id, Entry::category, Entry::score);

    private static Entry item(String id, String category, float score) {
        return new Entry(id, category, score);
    }

    /** Three near-copies of one dress (cosine 0.99 with each other) and a skirt unlike them (0.1). */
    private static final List<Entry> RANKED = List.of(item("dress-a", "Dresses", 1.0f),
            item("dress-b", "Dresses", 0.95f), item("dress-c", "Dresses", 0.9f), item("skirt", "Skirts", 0.5f));

    private static final ToDoubleBiFunction<String, String> SIMILARITY =
            (a, b) -> a.startsWith("dress") && b.startsWith("dress") ? 0.99 : 0.1;

    private static List<String> ids(List<Entry> list) {
        return list.stream().map(Entry::id).toList();
    }

    @Test
    void shouldKeepTheRankingWhenLambdaIsZero() {
        assertSame(RANKED, ListDiversity.mmr(RANKED, 4, 0, FIELDS, SIMILARITY));
        assertEquals(ids(RANKED.subList(0, 3)), ids(ListDiversity.diversify(RANKED, 3, 0, 0, FIELDS, SIMILARITY)));
    }

    @Test
    void shouldPickAnUnlikeItemSecondWhenTheRestAreNearCopiesOfTheFirst() {
        // relevance scaled to [0, 1]: 1, 0.9, 0.8, 0. Second pick at λ 0.6: dress-b 0.4·0.9 − 0.6·0.99 = −0.234,
        // skirt 0.4·0 − 0.6·0.1 = −0.06; third: dress-b −0.234 beats dress-c 0.4·0.8 − 0.594 = −0.274
        assertEquals(List.of("dress-a", "skirt", "dress-b", "dress-c"),
                ids(ListDiversity.mmr(RANKED, 4, 0.6, FIELDS, SIMILARITY)));
    }

    @Test
    void shouldStayCloseToTheRankingWhenLambdaIsSmall() {
        // λ 0.1: dress-b 0.9·0.9 − 0.1·0.99 = 0.711 beats the skirt's 0 − 0.01
        assertEquals(List.of("dress-a", "dress-b", "dress-c", "skirt"),
                ids(ListDiversity.mmr(RANKED, 4, 0.1, FIELDS, SIMILARITY)));
    }

    @Test
    void shouldPickOnlyAsManyAsAskedAndKeepTheRestInRankOrder() {
        assertEquals(List.of("dress-a", "skirt", "dress-b", "dress-c"),
                ids(ListDiversity.mmr(RANKED, 2, 0.6, FIELDS, SIMILARITY)));
        assertEquals(List.of("dress-a", "skirt"),
                ids(ListDiversity.diversify(RANKED, 2, 0, 0.6, FIELDS, SIMILARITY)));
    }

    @Test
    void shouldApplyThePerCategoryCapAfterTheReordering() {
        // MMR order dress-a, skirt, dress-b, dress-c; one dress at most leaves the two held dresses to fill
        assertEquals(List.of("dress-a", "skirt", "dress-b"),
                ids(ListDiversity.diversify(RANKED, 3, 1, 0.6, FIELDS, SIMILARITY)));
    }

    @Test
    void shouldRefuseALambdaOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> ListDiversity.mmr(RANKED, 4, 1.5, FIELDS, SIMILARITY));
        assertThrows(IllegalArgumentException.class,
                () -> ListDiversity.mmr(RANKED, 4, Double.NaN, FIELDS, SIMILARITY));
    }
}
