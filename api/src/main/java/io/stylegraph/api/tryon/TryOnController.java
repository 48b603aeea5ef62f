package io.stylegraph.api.tryon;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;

import java.net.URI;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.QueryValues;
import io.stylegraph.api.problem.ScreenedInput;
import io.stylegraph.api.ratelimit.ExpensiveRequest;
import io.stylegraph.api.security.ActingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.stylegraph.api.problem.Problem;

/**
 * Virtual try-on: submit a person photo and an item, poll the job, fetch the picture. The user a job belongs to comes
 * from the {@code userId} form field or the {@code X-User-Id} header (for an app token: its subject, and no other); it
 * is what {@code DELETE /v1/users/{userId}/tryon} deletes by. An app token sees only its own user's jobs: another
 * user's job answers 404 {@code unknown-tryon}, as if it did not exist.
 */
@Validated
@ScreenedInput
@ApiResponse(responseCode = "4XX", description = Problem.OPENAPI_DESCRIPTION,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "try-on")
public class TryOnController {
    public static final String USER_HEADER = "X-User-Id";

    private final TryOnService tryOn;
    private final TryOnStore store;

    public TryOnController(TryOnService tryOn, TryOnStore store) {
        this.tryOn = tryOn;
        this.store = store;
    }

    @Operation(summary = "Try an item on: multipart 'person' (JPEG, PNG or WebP photo of a person), 'itemId', optional "
            + "'box' ([x0,y0,x1,y1] in photo pixels) or 'keypoints' ({\"leftShoulder\":[x,y], ... }) and 'userId' "
            + "(or header X-User-Id). Runs in the background; 202 with the job id and its Location.")
    // the JSON parts as typed schemas sent as application/json parts: a generated client takes objects
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = TryOnForm.class),
            encoding = {@Encoding(name = "keypoints", contentType = MediaType.APPLICATION_JSON), @Encoding(name = "box",
                    contentType = MediaType.APPLICATION_JSON)}))
    @Post(value = "/tryon", consumes = MediaType.MULTIPART_FORM_DATA)
    @ExpensiveRequest
    @Secured({APP, ADMIN})
    public HttpResponse<TryOnAccepted> submit(@Part("person") CompletedFileUpload person,
                                              @Part("itemId") String itemId,
                                              @Nullable @Part("keypoints") String keypoints,
                                              @Nullable @Part("box") String box,
                                              @Nullable @Part("userId") String userId,
                                              @Nullable @Header(USER_HEADER) String userHeader,
                                              HttpRequest<?> request) {
        keypoints = QueryValues.optionalJsonPart(keypoints);
        box = QueryValues.optionalJsonPart(box);
        userId = QueryValues.optionalPart(userId);
        if (userId != null && userHeader != null && !userId.equals(userHeader)) {
            throw ProblemException.badRequest("invalid-field", "userId", "The userId field and the " + USER_HEADER
                    + " header name different users");
        }
        String owner = userId != null ? userId : userHeader;
        ActingUser.requireMayActFor(request, owner, userId != null ? "userId" : USER_HEADER);
        if (owner == null) {
            owner = ActingUser.of(request).orElse(null);
        }
        TryOnJob job = tryOn.submit(new TryOnService.Submission(person, itemId, keypoints, box, owner));
        return HttpResponse.<TryOnAccepted>status(HttpStatus.ACCEPTED)
                .headers(headers -> headers.location(URI.create("/v1/tryon/" + job.id())))
                .body(new TryOnAccepted(job.id(), job.status()));
    }

    @Operation(summary = "A try-on job: status queued|running|done|failed|cancelled, attempts, error, timings")
    @Get("/tryon/{jobId}")
    @Secured({APP, ANALYST, ADMIN})
    public TryOnJobView job(@PathVariable String jobId, HttpRequest<?> request) {
        return TryOnJobView.of(visibleJob(jobId, request));
    }

    @Operation(summary = "The try-on picture of a done job (PNG from the built-in engine)")
    @ApiResponse(responseCode = "200", description = "The picture's bytes",
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/bmp", schema = @Schema(type = "string", format = "binary"))})
    @Get("/tryon/{jobId}/image")
    // problem documents too: a generated Kotlin client asks for pictures with "Accept: application/problem+json"
    // only (openapi-generator drops binary media types from Accept), which must not be refused with a 406
    @Produces({"image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "application/problem+json"})
    @Secured({APP, ANALYST, ADMIN})
    public HttpResponse<byte[]> image(@PathVariable String jobId, HttpRequest<?> request) {
        TryOnJob job = visibleJob(jobId, request);
        if (!TryOnJob.DONE.equals(job.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, "tryon-not-done", "jobId", "Try-on " + jobId + " is "
                    + job.status() + "; its picture exists once it is done");
        }
        TryOnStore.StoredImage image = store.image(jobId, "result").orElseThrow(() -> ProblemException.notFound(
                "unknown-tryon", "jobId", "The picture of try-on " + jobId + " is no longer stored"));
        return HttpResponse.ok(image.bytes()).contentType(MediaType.of(image.mediaType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
    }

    @Operation(summary = "Cancel a queued or running try-on; its person photo is deleted at once")
    @Delete("/tryon/{jobId}")
    @Secured({APP, ADMIN})
    public TryOnJobView cancel(@PathVariable String jobId, HttpRequest<?> request) {
        visibleJob(jobId, request);
        return TryOnJobView.of(tryOn.cancel(jobId));
    }

    /** The job, when the caller may see it: an app token sees only its own user's jobs, others answer as absent. */
    private TryOnJob visibleJob(String jobId, HttpRequest<?> request) {
        TryOnJob job = tryOn.require(jobId);
        if (!ActingUser.mayActFor(request, job.userId())) {
            throw TryOnService.unknownJob(jobId);
        }
        return job;
    }

    @Operation(summary = "Delete all try-on jobs, photos and results of a user")
    @Delete("/users/{userId}/tryon")
    @Secured({APP, ADMIN})
    public TryOnDeleted deleteUserData(
            @PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE)
            String userId) {
        return new TryOnDeleted(userId, tryOn.deleteUser(userId));
    }
}
