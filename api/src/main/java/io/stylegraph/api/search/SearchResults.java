package io.stylegraph.api.search;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Ranked results, best first. {@code modality} names the similarity used ({@code visual}, {@code text},
 * {@code hybrid}, {@code text-to-image}, {@code composed}); {@code indexing} is true while items are still being
 * embedded, so results cover only those embedded so far.
 */
@Serdeable
public record SearchResults(List<SearchHit> results, String modality, int k, boolean aqe, boolean dba,
                            boolean indexing) {
}
