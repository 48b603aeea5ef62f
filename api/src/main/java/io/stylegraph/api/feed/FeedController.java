package io.stylegraph.api.feed;

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

/** The cards a shopper is offered to rate (the OpenAPI tag stays {@code feedback}, where the route has always been). */
@Validated
@ScreenedInput
@ApiResponse(responseCode = "4XX", description = Problem.OPENAPI_DESCRIPTION,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/v1/users/{userId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "feedback")
public class FeedController {
    private final FeedService feed;

    public FeedController(FeedService feed) {
        this.feed = feed;
    }

    @Operation(summary = "Items for the user to rate: not yet rated, across slots, popular and new mixed")
    @Get("/feed")
    @Secured({APP, ANALYST, ADMIN})
    public FeedPage feed(@PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE) String userId,
                         @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
                         @Nullable @QueryValue String cursor,
                         @Parameter(description = "Outfit slot", schema = @Schema(type = "string",
                                 allowableValues = {"top", "bottom", "dress", "outerwear", "shoes", "bag", "accessory",
                                 "other"}))
                         @Nullable @QueryValue String slot) {
        return feed.feed(userId, limit, cursor, QueryValues.slot(slot));
    }
}
