package io.stylegraph.api.recommendations;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.api.problem.QueryValues;
import io.stylegraph.api.problem.ScreenedInput;
import io.stylegraph.graph.domain.UserIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.stylegraph.api.problem.Problem;

/** A shopper's personalized items: the served model, the content path or popular items. */
@Validated
@ScreenedInput
@ApiResponse(responseCode = "4XX", description = Problem.OPENAPI_DESCRIPTION,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RecommendationController {
    private final RecommendationService recommendations;

    public RecommendationController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    /** The most item ids {@code exclude} may list. */
    public static final int MAX_EXCLUDED = 200;

    @Tag(name = "recommendations")
    @Operation(summary = "Personalized items for a user from the served model (popular items when there is none)",
            description = """
                    Ranks the catalogue for the user. Items the user rated (liked or disliked) and the ids in \
                    `exclude` are never returned; `slot`, `category` (case-insensitive) and gender filters apply \
                    before the top `k` is taken, so a filtered list has `k` items when `k` match.

                    **Strategy**: `model` (trained user vector), `model+fold-in` (moved by feedback given since \
                    training), `fold-in` (a user the model has not seen, placed by the items they rated), `popular` \
                    (no model yet, or no like to place the user by).

                    **Gender**: with `gender` the list holds items of that gender or unisex. Without it, the user's \
                    likes imply a gender when at least 2 liked items state a non-unisex gender and 70 % or more of \
                    them are one gender; the list is then held to that gender or unisex. The page's `gender` and \
                    `genderSource` (`request` or `likes`) say which applied.

                    **Popular lists** are most-liked first but spread over outfit slots: round-robin, each round \
                    takes the next most-liked remaining item of every slot, slots in the order of their most-liked \
                    item (ties: fewer dislikes, then id).

                    Each result has a `score` (model strategies: user vector · item embedding; popular: like count) \
                    and a `reason`: `{"type": "similar-to-liked", "itemId", "title", "similarity"}` names the liked \
                    item the result is closest to in the served item-embedding space (cosine); \
                    `{"type": "taste-profile"}` when no liked item is in the model; `{"type": "popular"}`.

                    **Diversity**: `maxPerCategory` caps how many results of one category the list may hold \
                    (0 turns the cap off; without it the configured \
                    `stylegraph.recommendations.diversity.max-per-category` applies). `diversity` (0-1; without it \
                    the configured `stylegraph.recommendations.diversity.mmr-lambda`, 0 = off) picks the list by \
                    maximal marginal relevance from a ten times longer ranking: each next item maximizes \
                    (1 - diversity) x relevance - diversity x its highest content cosine to the items already \
                    picked, so a few near-identical likes do not give ten near-copies. Popular lists are spread over \
                    slots instead and ignore both.

                    Bad values are 400 problem documents with code `invalid-field` and the `field` at fault.""")
    @Get("/users/{userId}/recommendations")
    @Secured({APP, ANALYST, ADMIN})
    public RecommendationPage recommendations(
            @PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE) String userId,
            @Parameter(description = "How many items, 1-200") @QueryValue(defaultValue = "20") @Min(1) @Max(200) int k,
            @Parameter(description = "Outfit slot", schema = @Schema(type = "string", allowableValues = {"top",
                    "bottom", "dress",
                    "outerwear", "shoes", "bag", "accessory", "other"}))
            @Nullable @QueryValue String slot,
            @Parameter(description = "Item category, case-insensitive") @Nullable @QueryValue String category,
            @Parameter(description = "men, women, boys, girls or unisex; results are of that gender or unisex, "
                    + "overriding the gender the user's likes imply", schema = @Schema(type = "string",
                    allowableValues = {"men", "women", "boys", "girls", "unisex"})) @Nullable @QueryValue String gender,
            @Parameter(description = "Comma-separated item ids the client already shows (at most 200, each 1-128 "
                    + "characters without spaces); never returned") @Nullable @QueryValue String exclude,
            @Parameter(description = "Most results of one category, 0-200 (0: no cap); default the configured "
                    + "stylegraph.recommendations.diversity.max-per-category")
            @Nullable @QueryValue @Min(0) @Max(200) Integer maxPerCategory,
            @Parameter(description = "Trade-off of relevance for variety by maximal marginal relevance, 0-1 (0: off); "
                    + "default the configured stylegraph.recommendations.diversity.mmr-lambda",
                            schema = @Schema(type = "number",
                    format = "double", minimum = "0", maximum = "1"))
            @Nullable @QueryValue String diversity) {
        return recommendations.recommend(userId, k, QueryValues.slot(slot), category, QueryValues.gender(gender),
                QueryValues.itemIds(exclude, "exclude", MAX_EXCLUDED), maxPerCategory,
                QueryValues.fraction(diversity, "diversity"));
    }
}
