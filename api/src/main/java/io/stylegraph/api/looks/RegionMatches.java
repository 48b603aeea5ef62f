package io.stylegraph.api.looks;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.api.search.SearchHit;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One garment region of the photo and the catalogue items of its slot that look most like it, best first.
 * {@code source}: {@code client}, {@code detector}, {@code body-proportions} or {@code fixed-proportions}.
 */
@Serdeable
public record RegionMatches(@Schema(type = "string", allowableValues = {"top", "bottom", "dress", "outerwear", "shoes",
        "bag", "accessory", "other"}) String slot, BoxView box, double confidence, String source,
        List<SearchHit> results) {
}
