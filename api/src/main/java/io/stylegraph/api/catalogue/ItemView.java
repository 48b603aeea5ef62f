package io.stylegraph.api.catalogue;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.repository.RatedItem;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An item as clients see it; {@code imageUrl} points at this service when the item has an image. {@code brand} and
 * {@code categories} (every category name, most specific first) are given where the catalogue has them
 * (amazon-clothing); {@code categories} is empty otherwise.
 */
@Serdeable
public record ItemView(
        String id,
        @Nullable String title,
        @Nullable String description,
        @Nullable String category,
        @Schema(type = "string", allowableValues = {"top", "bottom", "dress", "outerwear", "shoes", "bag", "accessory", "other"}) String slot,
        @Nullable @Schema(type = "string", allowableValues = {"men", "women", "boys", "girls", "unisex"}) String gender,
        @Nullable String colour,
        Map<String, String> attributes,
        @Nullable String imageUrl,
        long likes,
        long dislikes,
        @Nullable String source,
        @Nullable String brand,
        List<String> categories) {

    public static ItemView of(RatedItem rated) {
        Item item = rated.item();
        return new ItemView(item.id(), item.title(), item.description(), item.category(), item.slot().wireName(),
                item.gender() == null ? null : item.gender().wireName(), item.colour(), item.attributes(),
                item.image() == null ? null : "/v1/items/" + item.id() + "/image", rated.likes(), rated.dislikes(),
                item.source(), item.brand(), item.categories());
    }
}
