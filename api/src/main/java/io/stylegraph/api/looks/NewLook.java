package io.stylegraph.api.looks;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code look} part of {@code POST /v1/looks}: the items the photo shows. {@code photoId} is made up when
 * absent; {@code userId} names who saved it.
 */
@Serdeable
public record NewLook(@Nullable String photoId, @Nullable String userId, @Nullable List<Item> items) {

    /** One featured item; {@code slot} and {@code box} ({@code [x0, y0, x1, y1]} photo pixels) are optional. */
    @Serdeable
    public record Item(@Nullable String itemId, @Nullable @Schema(type = "string", allowableValues = {"top", "bottom",
            "dress", "outerwear", "shoes", "bag", "accessory", "other"}) String slot, @Nullable List<Double> box) {
    }
}
