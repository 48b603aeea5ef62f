package io.stylegraph.api.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.api.catalogue.ItemView;

/** One recommended item; {@code score} is the model's (null when the list fell back to popularity). */
@Serdeable
public record Recommendation(ItemView item, @Nullable Float score) {
}
