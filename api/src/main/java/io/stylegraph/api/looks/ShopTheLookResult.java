package io.stylegraph.api.looks;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Shop the look's answer. {@code gender} is the gender every result is cut for (or unisex): the one asked for
 * ({@code genderSource} {@code request}), or the one the regions' best matches mostly have ({@code inferred});
 * null when neither exists. {@code width} and {@code height} are the upright photo's, the frame of the boxes.
 */
@Serdeable
public record ShopTheLookResult(List<RegionMatches> regions,
                                @Nullable @Schema(type = "string",
                                        allowableValues = {"men", "women", "boys", "girls", "unisex"}) String gender,
                                @Nullable @Schema(type = "string", allowableValues = {"request", "inferred"})
                                String genderSource,
                                int width, int height, int k, boolean indexing) {
}
