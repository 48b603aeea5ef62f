package io.stylegraph.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CategoryCapTest {

    /** A list entry: an item id, its category and its score. */
    private record Entry(String id, String category, float score) {
    }

    private static final ListDiversity.Fields<Entry> FIELDS =
            new ListDiversity.Fields<>(Entry::id, Entry::category, Entry::score);

    private static Entry item(String id, String category) {
        return new Entry(id, category, 1f);
    }

    private static List<String> ids(List<Entry> list) {
        return list.stream().map(Entry::id).toList();
    }

    @Test
    void shouldKeepAtMostCapItemsOfOneCategoryInRankOrder() {
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ranked.add(item("dress-" + i, i % 3 == 2 ? "Skirts" : "Dresses"));
        }
        ranked.add(item("tee-0", "tshirts"));

        List<Entry> capped = ListDiversity.capPerCategory(ranked, 4, 2, FIELDS);

        assertEquals(List.of("dress-0", "dress-1", "dress-2", "dress-5"), ids(capped));
    }

    @Test
    void shouldFillFromHeldBackItemsInRankOrderWhenTheCapLeavesTooFew() {
        List<Entry> ranked = List.of(item("a", "Dresses"), item("b", "dresses"), item("c", "DRESSES"),
                item("d", null), item("e", "Dresses"));

        // the cap of 1 keeps a and d (no category, never capped); b and c fill the list, in rank order
        assertEquals(List.of("a", "b", "c", "d"), ids(ListDiversity.capPerCategory(ranked, 4, 1, FIELDS)));
    }
}
