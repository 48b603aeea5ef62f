package io.stylegraph.api.recommendations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Why an item was recommended.
 * <ul>
 *   <li>{@code similar-to-liked}: the liked item (from the user's likes the served model knows) that the result is
 *       closest to by cosine similarity in the served item-embedding space; {@code itemId}, {@code title} and
 *       {@code similarity} name it.</li>
 *   <li>{@code taste-profile}: ranked by the user's trained vector, but none of their liked items is in the served
 *       model to point at.</li>
 *   <li>{@code popular}: one of the most-liked items.</li>
 * </ul>
 */
@Serdeable
@Schema(description = "Why an item was recommended. type similar-to-liked: itemId/title name the liked item the "
        + "result is closest to (cosine similarity in the served item-embedding space, in similarity); "
        + "taste-profile: ranked by the user's trained vector with no liked item to point at; popular: a most-liked item")
public record RecommendationReason(
        @Schema(allowableValues = {"similar-to-liked", "taste-profile", "popular"}) String type,
        @Nullable String itemId,
        @Nullable String title,
        @Nullable Float similarity) {
    public static final String SIMILAR_TO_LIKED = "similar-to-liked";
    public static final String TASTE_PROFILE = "taste-profile";
    public static final String POPULAR = "popular";

    public static RecommendationReason similarToLiked(String itemId, String title, float similarity) {
        return new RecommendationReason(SIMILAR_TO_LIKED, itemId, title, similarity);
    }

    public static RecommendationReason tasteProfile() {
        return new RecommendationReason(TASTE_PROFILE, null, null, null);
    }

    public static RecommendationReason popular() {
        return new RecommendationReason(POPULAR, null, null, null);
    }
}
