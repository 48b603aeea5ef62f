package io.stylegraph.api.privacy;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.APP;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.problem.ScreenedInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

/** A user's data on request: an export of all of it, and its erasure. Admin, or an app token for that user. */
@Validated
@ScreenedInput
@Controller("/v1/users/{userId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "privacy")
public class UserDataController {
    private final UserDataService users;

    public UserDataController(UserDataService users) {
        this.users = users;
    }

    @Operation(summary = "Everything held about the user as JSON: feedback log, graph node and relationships, saved "
            + "looks, try-on jobs, and whether the served model has a trained row for them")
    @Get("/export")
    @Secured({APP, ADMIN})
    public UserDataExport export(
            @PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE)
            String userId) {
        return users.export(userId);
    }

    @Operation(summary = "Erase the user's data: feedback log rows (deleted), graph node and relationships, saved "
            + "looks and their photos, try-on jobs and pictures; the served model drops the user's row, the next "
            + "training never sees them")
    @Delete
    @Secured({APP, ADMIN})
    public UserDataErased erase(
            @PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE)
            String userId) {
        return users.erase(userId);
    }
}
