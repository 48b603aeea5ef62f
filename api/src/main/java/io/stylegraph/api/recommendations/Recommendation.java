package io.stylegraph.api.recommendations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.api.catalogue.ItemView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One recommended item. {@code score}: for the model strategies the served model's score (dot product of the user's
 * vector and the item's embedding, higher is better); for {@code popular} the item's like count. {@code reason} says
 * why it is on the list.
 */
@Serdeable
@Schema(description = "One recommended item with its score and the reason it was chosen")
public record Recommendation(
        ItemView item,
        @Schema(description = "Model strategies: the model's score (user vector · item embedding). "
                + "popular: the item's like count") @Nullable Float score,
        RecommendationReason reason) {
}
