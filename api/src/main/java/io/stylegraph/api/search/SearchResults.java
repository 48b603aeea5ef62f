package io.stylegraph.api.search;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Ranked results, best first. {@code modality} names the similarity used ({@code visual}, {@code text},
 * {@code hybrid}, {@code text-to-image}, {@code composed}); {@code indexing} is true while items are still being
 * embedded, so results cover only those embedded so far.
 */
@Serdeable
public record SearchResults(List<SearchHit> results,
        @Schema(type = "string", allowableValues = {"visual", "text", "hybrid", "text-to-image",
                "composed"}) String modality, int k, boolean aqe, boolean dba,
                            boolean indexing) {
}
