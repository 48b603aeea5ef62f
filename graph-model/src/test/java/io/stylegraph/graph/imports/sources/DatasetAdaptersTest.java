package io.stylegraph.graph.imports.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.DatasetSources;
import org.junit.jupiter.api.Test;

/** Each adapter read end to end on the real dataset (skipped when ../shared/data is absent), counts from its README. */
class DatasetAdaptersTest {
    private static RecordingSink read(String dataset) throws IOException {
        RecordingSink sink = new RecordingSink();
        DatasetSources.open(dataset, SharedData.dataset(dataset)).read(sink);
        return sink;
    }

    private static Item item(RecordingSink sink, String id) {
        return sink.items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldReadEveryFashionProductWithItsPhotoAndSlot() throws IOException {
        RecordingSink sink = read("fashion-products");

        assertEquals(44_072, sink.items.size());
        assertEquals(0, sink.rejected.size());
        Item jersey = item(sink, "fp-1164");
        assertEquals("Nike Men Blue T20 Indian Cricket Jersey", jersey.title());
        assertEquals(Slot.TOP, jersey.slot());
        assertEquals(Gender.MEN, jersey.gender());
        assertEquals("Blue", jersey.colour());
        assertEquals("Apparel - Topwear - Tshirts - Blue - Sports", jersey.description());
        assertTrue(Files.isRegularFile(Path.of(jersey.image())));
        assertTrue(sink.items.stream().allMatch(i -> i.image() != null));
        Map<Slot, Long> bySlot = sink.items.stream().collect(Collectors.groupingBy(Item::slot, Collectors.counting()));
        assertTrue(bySlot.get(Slot.SHOES) > 8_000 && bySlot.get(Slot.TOP) > 15_000, bySlot.toString());
        assertEquals(sink.progressTotal, sink.lastProgress);
    }

    @Test
    void shouldMapEveryApparelAndFootwearArticleTypeExceptInnerwearAndLoungewear() throws IOException {
        RecordingSink sink = read("fashion-products");
        Set<String> unmapped = new HashSet<>();
        for (Item item : sink.items) {
            String master = item.attributes().get("masterCategory");
            String sub = item.attributes().getOrDefault("subCategory", "");
            if ((master.equals("Apparel") || master.equals("Footwear")) && item.slot() == Slot.OTHER
                    && !sub.equals("Innerwear") && !sub.equals("Loungewear and Nightwear")) {
                unmapped.add(item.category());
            }
        }
        assertEquals(Set.of("Swimwear"), unmapped);
    }

    @Test
    void shouldReadPolyvoreOutfitsWithSlotsAndSamplePhotos() throws IOException {
        RecordingSink sink = read("polyvore-maryland");

        assertEquals(0, sink.rejected.size());
        Set<String> outfitIds = sink.outfits.stream().map(o -> o.id()).collect(Collectors.toSet());
        assertTrue(outfitIds.size() >= 1_198 && outfitIds.size() <= 1_210, "outfits: " + outfitIds.size());
        Set<String> itemIds = sink.items.stream().map(Item::id).collect(Collectors.toSet());
        assertTrue(itemIds.size() >= 7_242, "items: " + itemIds.size());
        sink.outfits.forEach(o -> o.members().forEach(m -> assertTrue(itemIds.contains(m.itemId()))));
        Item slipDress = item(sink, "pv-100079699_1");
        assertEquals("Day Dresses", slipDress.category());
        assertEquals(Slot.DRESS, slipDress.slot());
        assertNotNull(slipDress.image());
        long withPhotos = sink.items.stream().filter(i -> i.image() != null).map(Item::id).distinct().count();
        assertEquals(79, withPhotos);
        assertTrue(sink.items.stream().anyMatch(i -> i.slot() == Slot.SHOES));
    }

    @Test
    void shouldReadAmazonSequencesInStepWithTheirSplit() throws IOException {
        RecordingSink sink = read("amazon-clothing");

        assertEquals(23_033, sink.items.size());
        assertEquals(278_677, sink.interactions.size());
        assertEquals(0, sink.rejected.size());
        Map<String, Long> bySplit = sink.interactions.stream()
                .collect(Collectors.groupingBy(Interaction::split, Collectors.counting()));
        assertEquals(Map.of("train", 190_853L, "valid", 43_912L, "test", 43_912L), bySplit);
        assertEquals(39_387, sink.interactions.stream().map(Interaction::userId).distinct().count());
        assertTrue(sink.interactions.stream().allMatch(i -> i.signal() == Signal.LIKE && i.position() != null));
        assertTrue(sink.interactions.get(0).userId().startsWith("az-"));
    }

    @Test
    void shouldDescribeEveryAmazonItemWithItsCategoriesAndTheBrandWhereOneIsGiven() throws IOException {
        RecordingSink sink = read("amazon-clothing");

        assertEquals(0, sink.rejected.size(), sink.rejected.toString());
        assertTrue(sink.items.stream().allMatch(i -> i.categories().size() >= 2 && i.title() != null
                && i.categories().contains("Clothing, Shoes & Jewelry")));
        assertEquals(3_942, sink.items.stream().filter(i -> i.brand() != null).count());
        assertEquals(1_193, sink.items.stream().flatMap(i -> i.categories().stream()).distinct().count());
        assertTrue(sink.items.stream().noneMatch(i -> i.brand() != null && i.brand().contains("&#")));
        Map<Slot, Long> bySlot = sink.items.stream().collect(Collectors.groupingBy(Item::slot, Collectors.counting()));
        assertTrue(bySlot.get(Slot.SHOES) > 5_000 && bySlot.get(Slot.DRESS) > 500 && bySlot.get(Slot.OTHER) < 8_000,
                bySlot.toString());
        Map<Gender, Long> byGender = sink.items.stream().filter(i -> i.gender() != null)
                .collect(Collectors.groupingBy(Item::gender, Collectors.counting()));
        assertTrue(byGender.get(Gender.WOMEN) > 13_000 && byGender.get(Gender.MEN) > 5_000, byGender.toString());
    }

    @Test
    void shouldReadHmArticlesCustomersAndPurchases() throws IOException {
        RecordingSink sink = read("hm");

        assertEquals(1_000, sink.items.size());
        assertEquals(4_946, sink.users.size());
        assertEquals(5_000, sink.interactions.size());
        assertEquals(0, sink.rejected.size());
        Item leggings = item(sink, "hm-0822115001");
        assertEquals("Pola seamless leggings", leggings.title());
        assertEquals(Slot.BOTTOM, leggings.slot());
        assertEquals(Gender.WOMEN, leggings.gender());
        assertEquals(100, sink.items.stream().filter(i -> i.image() != null).count());
        assertNotNull(sink.interactions.get(0).at());
    }

    @Test
    void shouldTurnRentTheRunwayRatingsIntoLikesAndDislikesKeepingTheFit() throws IOException {
        RecordingSink sink = read("rent-the-runway");

        assertEquals(5_850, sink.items.size());
        assertEquals(105_571, sink.users.size());
        assertEquals(82, sink.rejected.size(), "rows without a rating");
        assertTrue(sink.rejected.stream().allMatch(e -> e.reason().equals("missing rating")));
        long likes = sink.interactions.stream().filter(i -> i.signal() == Signal.LIKE).count();
        long dislikes = sink.interactions.size() - likes;
        assertTrue(likes > 150_000 && dislikes > 3_000, likes + " likes, " + dislikes + " dislikes");
        assertTrue(sink.interactions.stream().allMatch(i -> {
            int rating = ((Number) i.properties().get("rating")).intValue();
            return i.signal() == (rating >= 8 ? Signal.LIKE : Signal.DISLIKE) && rating != 6;
        }));
        assertTrue(sink.interactions.stream().allMatch(i -> i.properties().containsKey("fit")));
        Map<Slot, Long> bySlot = sink.items.stream().collect(Collectors.groupingBy(Item::slot, Collectors.counting()));
        assertTrue(bySlot.get(Slot.DRESS) > 3_000, bySlot.toString());
    }
}
