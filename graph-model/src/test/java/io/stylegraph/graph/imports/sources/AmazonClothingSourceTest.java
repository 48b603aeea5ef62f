package io.stylegraph.graph.imports.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmazonClothingSourceTest {
    @TempDir
    Path folder;

    private RecordingSink read(String items) throws IOException {
        RecordingSink sink = new RecordingSink();
        new AmazonClothingSource(AmazonFolder.write(folder, items)).read(sink);
        return sink;
    }

    private static Map<String, Item> byId(RecordingSink sink) {
        return sink.items.stream().collect(Collectors.toMap(Item::id, Function.identity()));
    }

    @Test
    void shouldGiveItemsTheirBrandCategoriesSlotGenderAndATitleFromItemsCsv() throws IOException {
        RecordingSink sink = read(AmazonFolder.ITEMS);
        Map<String, Item> items = byId(sink);

        Item jeans = items.get("az-A1");
        assertEquals("Levi's", jeans.brand(), "HTML character references in brands are decoded");
        assertEquals(List.of("Clothing", "Jeans", "Women", "Clothing, Shoes & Jewelry"), jeans.categories(),
                "most specific (fewest items in the file) first, ties by name");
        assertEquals(Slot.BOTTOM, jeans.slot());
        assertEquals(Gender.WOMEN, jeans.gender());
        assertEquals("Jeans", jeans.category());
        assertEquals("Levi's · Jeans · Women", jeans.title());

        Item sneakers = items.get("az-A2");
        assertNull(sneakers.brand());
        assertEquals(Slot.SHOES, sneakers.slot());
        assertEquals(Gender.MEN, sneakers.gender());
        assertEquals("Fashion Sneakers", sneakers.category(), "the most specific name that says the slot");
        assertEquals("Fashion Sneakers · Men", sneakers.title());
        assertEquals(5, sneakers.categories().size());
        assertEquals(6, sink.interactions.size());
        assertTrue(sink.interactions.stream().allMatch(i -> i.split() != null));
        assertEquals(Files.size(folder.resolve("items.csv.gz")) + 2 * Files.size(folder.resolve("interactions.csv.gz")),
                sink.progressTotal);
        assertEquals(sink.progressTotal, sink.lastProgress);
        assertFalse(sink.progressWentBack, "the three reads report consecutive stretches of the total");
    }

    @Test
    void shouldLeaveSlotAndGenderUnsetWhereTheCategoriesDoNotAgree() throws IOException {
        Map<String, Item> items = byId(read(AmazonFolder.ITEMS));

        Item costume = items.get("az-A3");
        assertEquals(Slot.OTHER, costume.slot());
        assertNull(costume.gender(), "filed under both Women and Men");
        assertEquals("Costumes", costume.category());
        assertEquals("Costumes", costume.title());

        Item intimates = items.get("az-A4");
        assertEquals(Slot.OTHER, intimates.slot(), "Intimates vetoes the TOP that Tops says");
        assertEquals(Gender.WOMEN, intimates.gender());
        assertEquals("Intimates · Women", intimates.title());
    }

    @Test
    void shouldReportBadItemRowsWithFileLineAndReasonAndKeepTheItemsBare() throws IOException {
        RecordingSink sink = read(AmazonFolder.ITEMS);

        assertEquals(List.of(
                new RowError("items.csv.gz", 6, "missing item_id"),
                new RowError("items.csv.gz", 7, "item A9 does not occur in interactions.csv.gz"),
                new RowError("items.csv.gz", 8, "item A1 is already described on line 2"),
                new RowError("items.csv.gz", 9, "missing categories"),
                new RowError("items.csv.gz", 10, "expected 3 fields, found 2")), sink.rejected);
        Item undescribed = byId(sink).get("az-A5");
        assertEquals(new Item("az-A5", null, null, null, Slot.OTHER, null, null, Map.of(), null, "amazon-clothing"),
                undescribed);
        assertEquals(5, sink.items.size(), "the items are the ones the interactions name");
        assertEquals(6, sink.interactions.size());
    }

    @Test
    void shouldReadAsBeforeWhenItemsCsvIsAbsent() throws IOException {
        RecordingSink sink = read(null);

        assertEquals(List.of("az-A1", "az-A2", "az-A3", "az-A4", "az-A5"), sink.items.stream().map(Item::id).toList());
        assertTrue(sink.items.stream().allMatch(item -> item.slot() == Slot.OTHER && item.title() == null
                && item.category() == null && item.brand() == null && item.categories().isEmpty()));
        assertEquals(6, sink.interactions.size());
        assertTrue(sink.rejected.isEmpty(), sink.rejected.toString());
    }

    @Test
    void shouldTakeASlotOnlyFromNamesThatAgree() {
        assertEquals(Slot.DRESS, AmazonClothingSource.slotOf(List.of("Women", "Clothing", "Dresses")));
        assertEquals(Slot.ACCESSORY, AmazonClothingSource.slotOf(List.of("Jewelry", "Earrings", "Novelty")));
        assertEquals(Slot.OTHER, AmazonClothingSource.slotOf(List.of("Shoes", "Shoe Care & Accessories")));
        assertEquals(Slot.OTHER, AmazonClothingSource.slotOf(List.of("Clothing", "Novelty", "Accessories")));
        assertEquals(Slot.OTHER, AmazonClothingSource.slotOf(List.of("Sweaters", "Jackets & Coats")));
        assertEquals(Gender.GIRLS, AmazonClothingSource.genderOf(List.of("Baby", "Baby Girls", "Girls")));
        assertNull(AmazonClothingSource.genderOf(List.of("Baby Girls", "Baby Boys")));
    }
}
