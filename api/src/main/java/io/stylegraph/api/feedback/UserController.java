package io.stylegraph.api.feedback;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.problem.ScreenedInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.stylegraph.api.problem.Problem;

@Validated
@ScreenedInput
@ApiResponse(responseCode = "4XX", description = Problem.OPENAPI_DESCRIPTION,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/v1/users/{userId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "feedback")
public class UserController {
    private final FeedbackService feedback;

    public UserController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Operation(summary = "Record a like or dislike (idempotent by clientEventId)")
    @Post("/feedback")
    @Secured({APP, ADMIN})
    public HttpResponse<FeedbackAccepted> like(
            @PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE) String userId,
            @Body @Valid FeedbackCommand command) {
        return HttpResponse.accepted().body(feedback.record(userId, command));
    }

    @Operation(summary = "Withdraw the user's like or dislike of an item or outfit")
    @Delete("/feedback/{targetId}")
    @Secured({APP, ADMIN})
    public FeedbackAccepted undo(@PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE) String userId,
                                 @PathVariable String targetId) {
        return feedback.undo(userId, targetId);
    }

    @Operation(summary = "The user's current likes and dislikes, newest first")
    @Get("/feedback")
    @Secured({APP, ANALYST, ADMIN})
    public OpinionPage opinions(@PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE) String userId,
                                @QueryValue(defaultValue = "0") @Min(0) int page,
                                @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        return feedback.opinions(userId, page, size);
    }
}
