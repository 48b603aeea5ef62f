package io.stylegraph.api.looks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A garment region the client found itself, in pixels of the upright photo; {@code confidence} 0..1, optional. */
@Serdeable
public record ClientBox(@Nullable @Schema(type = "string", allowableValues = {"top", "bottom", "dress", "outerwear",
        "shoes", "bag", "accessory", "other"}) String slot, @Nullable Double x0, @Nullable Double y0,
        @Nullable Double x1,
                        @Nullable Double y1, @Nullable Double confidence) {
}
