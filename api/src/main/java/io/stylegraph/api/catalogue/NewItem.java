package io.stylegraph.api.catalogue;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code item} part of {@code POST /v1/items}: the fields of the generic import format, minus the image (sent as
 * its own part). Without an {@code id} the service makes one up; {@code slot} defaults to {@code other}.
 */
@Serdeable
public record NewItem(
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit") String id,
        @NotBlank @Size(max = 300) String title,
        @Nullable @Size(max = 4000) String description,
        @Nullable @Size(max = 100) String category,
        @Nullable @Schema(type = "string", allowableValues = {"top", "bottom", "dress", "outerwear", "shoes", "bag",
                "accessory", "other"})
        String slot,
        @Nullable @Schema(type = "string", allowableValues = {"men", "women", "boys", "girls", "unisex"}) String gender,
        @Nullable @Size(max = 50) String colour,
        @Nullable Map<String, String> attributes) {
}
