package io.stylegraph.api.looks;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;
import static io.stylegraph.api.security.Roles.TRAINER;

import java.nio.charset.StandardCharsets;
import java.net.URI;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.core.type.Argument;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.api.catalogue.CatalogueImages;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.ScreenedInput;
import io.stylegraph.api.problem.StrictJson;
import io.stylegraph.api.problem.QueryValues;
import io.stylegraph.api.ratelimit.ExpensiveRequest;
import io.stylegraph.api.search.UploadedImages;
import io.stylegraph.graph.repository.PhotoRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.stylegraph.api.problem.Problem;

@Validated
@ScreenedInput
@ApiResponse(responseCode = "4XX", description = Problem.OPENAPI_DESCRIPTION,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "shop the look")
public class ShopTheLookController {
    static final int MAX_K = 50;

    private final ShopTheLookService shop;
    private final LookStore looks;
    private final UploadedImages uploads;
    private final CatalogueImages pictures;
    private final StrictJson strict;

    public ShopTheLookController(ShopTheLookService shop, LookStore looks, UploadedImages uploads,
                                 CatalogueImages pictures, StrictJson strict) {
        this.shop = shop;
        this.looks = looks;
        this.uploads = uploads;
        this.pictures = pictures;
        this.strict = strict;
    }

    @Operation(summary = "Shop the look: multipart 'image' (a person photo: JPEG, PNG or WebP) and optional 'boxes' "
            + "(JSON array of {slot, x0, y0, x1, y1, confidence?} in pixels of the upright photo, e.g. from on-device "
            + "detection). Without boxes, regions come from the configured ONNX detector or the built-in "
            + "body-proportion regions. Each region gets the k most similar items of its slot, gender-consistent.")
    // the photo a required part; boxes stays JSON text (see LookForms)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = LookForms.ShopTheLook.class)))
    @Post(uri = "/v1/shop-the-look", consumes = MediaType.MULTIPART_FORM_DATA)
    @ExpensiveRequest
    @Secured({APP, ANALYST, ADMIN})
    public ShopTheLookResult shopTheLook(@Part("image") CompletedFileUpload image,
                                         @Nullable @Part("boxes") String boxes,
                                         @QueryValue(defaultValue = "5") @Min(1) @Max(MAX_K) int k,
                                         @Parameter(description = "Results of this gender or unisex",
                                                 schema = @Schema(type = "string", allowableValues = {"men", "women",
                                                 "boys", "girls", "unisex"}))
                                         @Nullable @QueryValue String gender) {
        var wanted = QueryValues.gender(gender);
        UploadedImages.Upload upload = uploads.decode(image);
        return shop.shop(upload.decoded().image(), QueryValues.optionalPart(boxes), k, wanted);
    }

    @Operation(summary = "Saves a look: multipart 'image' (the photo) and 'look' (JSON: photoId?, userId?, items: "
            + "[{itemId, slot?, box?: [x0, y0, x1, y1]}]), stored as (:Photo)-[:FEATURES]->(:Item)")
    // the JSON parts as typed schemas sent as application/json parts: a generated client takes objects
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = LookForms.SaveLook.class),
            encoding = @Encoding(name = "look", contentType = MediaType.APPLICATION_JSON)))
    @Post(uri = "/v1/looks", consumes = MediaType.MULTIPART_FORM_DATA)
    @ExpensiveRequest
    @Secured(ADMIN)
    public HttpResponse<LookView> save(@Part("look") String look, @Part("image") CompletedFileUpload image) {
        NewLook fields = strict.read(look.getBytes(StandardCharsets.UTF_8), Argument.of(NewLook.class), "look");
        if (fields == null) {
            throw ProblemException.badRequest("malformed-json", "look", "The look part is empty");
        }
        PhotoRepository.Look saved = looks.save(fields, uploads.decode(image));
        return HttpResponse.created(LookView.of(saved), URI.create("/v1/looks/" + saved.photoId()));
    }

    @Operation(summary = "A saved look: its photo and the items it features")
    @Get("/v1/looks/{photoId}")
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public LookView look(@PathVariable String photoId) {
        return LookView.of(require(photoId));
    }

    @Operation(summary = "The photo of a saved look")
    @ApiResponse(responseCode = "200", description = "The picture's bytes", content = @Content(mediaType = "image/*",
            schema = @Schema(type = "string", format = "binary")))
    @Get("/v1/looks/{photoId}/image")
    @Produces({"image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp"})
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public HttpResponse<?> photo(@PathVariable String photoId) {
        return pictures.serve(require(photoId).image(), "photoId", "look " + photoId);
    }

    private PhotoRepository.Look require(String photoId) {
        return looks.find(photoId).orElseThrow(() -> ProblemException.notFound("unknown-look", "photoId",
                "No look with photo id " + photoId));
    }
}
