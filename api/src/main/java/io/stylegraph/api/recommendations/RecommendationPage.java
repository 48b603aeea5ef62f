package io.stylegraph.api.recommendations;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Personalized items. {@code strategy}: {@code model} (trained vector), {@code model+fold-in} (trained vector moved by
 * feedback given since), {@code fold-in} (a user the model has not seen, placed by the items they rated), or
 * {@code popular} (no model yet, or no like to place the user by). {@code gender} is the gender the list was held to
 * (items of that gender or unisex), {@code genderSource} where it came from: {@code request} or {@code likes} (implied
 * by the user's likes); both null when the list is not held to one.
 */
@Serdeable
public record RecommendationPage(
        String userId,
        @Nullable Long modelVersion,
        @Schema(allowableValues = {"model", "model+fold-in", "fold-in", "model+content", "model+fold-in+content",
                "fold-in+content", "content", "popular"}, description = "How the list was made: the served model "
                + "(with the user's newer likes folded in), the content path (what liked items look like and say), "
                + "both blended (+content), or the most-liked items") String strategy,
        @Schema(description = "Gender the results are held to (that gender or unisex); null when none",
                type = "string", allowableValues = {"men", "women", "boys", "girls", "unisex"})
        @Nullable String gender,
        @Schema(allowableValues = {"request", "likes"}, description = "request: the gender parameter; likes: implied "
                + "by the user's likes (at least 2 liked items of a stated non-unisex gender, 70 % or more of them one "
                + "gender)") @Nullable String genderSource,
        List<Recommendation> items) {
}
