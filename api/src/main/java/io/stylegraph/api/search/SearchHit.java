package io.stylegraph.api.search;

import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.api.catalogue.ItemView;

/** One result: the item and its similarity to the query (cosine, or the weighted sum of cosines when fused). */
@Serdeable
public record SearchHit(float score, ItemView item) {
}
