package io.stylegraph.api.recommendations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.graph.domain.Slot;

/**
 * The list of a user without likes to place them by: most-liked first, spread over outfit slots round-robin (each
 * round takes the next most-liked remaining item of every slot that still has one, slots in the order of their
 * most-liked item); ties in popularity break by fewer dislikes, then item id, so the list is deterministic.
 */
final class PopularItems {

    private PopularItems() {
    }

    /** Most-liked first, round-robin over slots (see the class comment). */
    static List<Recommendation> list(CatalogueSnapshot snapshot, int k, Predicate<RatedItem> wanted) {
        Map<Slot, Deque<RatedItem>> bySlot = new LinkedHashMap<>();
        for (int index : snapshot.byPopularity()) {
            RatedItem item = snapshot.get(index);
            if (wanted.test(item)) {
                Deque<RatedItem> queue = bySlot.computeIfAbsent(item.item().slot(), s -> new ArrayDeque<>());
                if (queue.size() < k) {
                    queue.add(item);
                }
            }
        }
        List<Recommendation> items = new ArrayList<>(k);
        while (items.size() < k && !bySlot.isEmpty()) {
            var slots = bySlot.values().iterator();
            while (slots.hasNext() && items.size() < k) {
                Deque<RatedItem> queue = slots.next();
                RatedItem item = queue.poll();
                items.add(new Recommendation(ItemView.of(item), (float) item.likes(), RecommendationReason.popular()));
                if (queue.isEmpty()) {
                    slots.remove();
                }
            }
        }
        return items;
    }
}
