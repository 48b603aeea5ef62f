package io.stylegraph.api.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stylegraph.api.catalogue.ItemView;
import org.junit.jupiter.api.Test;

class CategoryCapTest {

    private static Recommendation item(String id, String category) {
        return new Recommendation(new ItemView(id, id, null, category, "top", null, null, Map.of(), null, 0, 0, null,
                null, List.of()), 1f, RecommendationReason.tasteProfile());
    }

    private static List<String> ids(List<Recommendation> list) {
        return list.stream().map(r -> r.item().id()).toList();
    }

    @Test
    void shouldKeepAtMostCapItemsOfOneCategoryInRankOrder() {
        List<Recommendation> ranked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ranked.add(item("dress-" + i, i % 3 == 2 ? "Skirts" : "Dresses"));
        }
        ranked.add(item("tee-0", "tshirts"));

        List<Recommendation> capped = ListDiversity.capPerCategory(ranked, 4, 2);

        assertEquals(List.of("dress-0", "dress-1", "dress-2", "dress-5"), ids(capped));
    }

    @Test
    void shouldFillFromHeldBackItemsInRankOrderWhenTheCapLeavesTooFew() {
        List<Recommendation> ranked = List.of(item("a", "Dresses"), item("b", "dresses"), item("c", "DRESSES"),
                item("d", null), item("e", "Dresses"));

        // the cap of 1 keeps a and d (no category, never capped); b and c fill the list, in rank order
        assertEquals(List.of("a", "b", "c", "d"), ids(ListDiversity.capPerCategory(ranked, 4, 1)));
    }
}
