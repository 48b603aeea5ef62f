package io.stylegraph.api.catalogue;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;
import static io.stylegraph.api.security.Roles.TRAINER;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
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
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.QueryValues;
import io.stylegraph.api.problem.ScreenedInput;
import io.stylegraph.api.problem.StrictJson;
import io.stylegraph.api.ratelimit.ExpensiveRequest;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.RatedItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
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
@Controller("/v1/items")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "catalogue")
public class ItemController {
    private final CatalogueCache catalogue;
    private final ItemAdditions additions;
    private final CatalogueImages pictures;
    private final StrictJson strict;
    private final Validator validator;

    public ItemController(CatalogueCache catalogue, ItemAdditions additions, CatalogueImages pictures,
                          StrictJson strict, Validator validator) {
        this.catalogue = catalogue;
        this.additions = additions;
        this.pictures = pictures;
        this.strict = strict;
        this.validator = validator;
    }

    /** Item JSON is kept by a phone but checked again at each use: its like counts move. */
    static final String ITEM_CACHE_CONTROL = "private, no-cache";

    @Operation(summary = "One catalogue item. Carries a weak ETag over its content; sent back as If-None-Match while "
            + "the item is unchanged, the answer is 304 without a body (an OkHttp cache does this by itself).")
    @ApiResponse(responseCode = "200", description = "The item", headers = {
            @Header(name = HttpHeaders.ETAG, description = "Weak tag over the item's content",
                    schema = @Schema(type = "string")),
            @Header(name = HttpHeaders.CACHE_CONTROL, description = ITEM_CACHE_CONTROL,
                    schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is still the item's")
    @Get("/{itemId}")
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public HttpResponse<ItemView> item(@PathVariable String itemId, HttpRequest<?> request) {
        ItemView view = ItemView.of(require(itemId));
        String tag = EntityTags.of(true, view.toString());
        if (EntityTags.notModified(request, tag)) {
            return HttpResponse.<ItemView>notModified().header(HttpHeaders.ETAG, tag)
                    .header(HttpHeaders.CACHE_CONTROL, ITEM_CACHE_CONTROL);
        }
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, ITEM_CACHE_CONTROL);
    }

    @Operation(summary = "Catalogue items, filtered by slot, category (an item's main category or, for "
            + "multi-category catalogues, any of its categories) and gender, in id order")
    @Get
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public ItemPage items(@Parameter(description = "Outfit slot", schema = @Schema(type = "string",
            allowableValues = {"top", "bottom", "dress", "outerwear", "shoes", "bag", "accessory", "other"}))
                          @Nullable @QueryValue String slot, @Nullable @QueryValue String category,
                          @Parameter(description = "Results of this gender or unisex", schema = @Schema(type = "string",
                                  allowableValues = {"men", "women", "boys", "girls", "unisex"}))
                          @Nullable @QueryValue String gender,
                          @QueryValue(defaultValue = "0") @Min(0) int page,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        Predicate<RatedItem> filter = item -> true;
        if (slot != null) {
            Slot wanted = QueryValues.slot(slot);
            filter = filter.and(item -> item.item().slot() == wanted);
        }
        if (category != null) {
            String wanted = category.toLowerCase(Locale.ROOT);
            filter = filter.and(item -> item.item().allCategories().stream()
                    .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(wanted)));
        }
        if (gender != null) {
            Gender wanted = QueryValues.gender(gender);
            filter = filter.and(item -> item.item().gender() == wanted);
        }
        var matching = catalogue.snapshot().items().stream().filter(filter).toList();
        var pageItems = matching.stream().skip((long) page * size).limit(size).map(ItemView::of).toList();
        return new ItemPage(pageItems, page, size, matching.size());
    }

    @Operation(summary = "Adds an item: multipart 'item' (JSON: id?, title, description?, category?, slot?, gender?, "
            + "colour?, attributes?) and 'image' (JPEG, PNG or WebP). The item is embedded and searchable on return.")
    // the JSON parts as typed schemas sent as application/json parts: a generated client takes objects
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = NewItemForm.class),
            encoding = @Encoding(name = "item", contentType = MediaType.APPLICATION_JSON)))
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @ExpensiveRequest
    @Secured(ADMIN)
    public HttpResponse<ItemView> add(@Part("item") String item, @Part("image") CompletedFileUpload image) {
        NewItem fields = strict.read(item.getBytes(StandardCharsets.UTF_8), Argument.of(NewItem.class), "item");
        if (fields == null) {
            throw ProblemException.badRequest("malformed-json", "item", "The item part is empty");
        }
        Set<ConstraintViolation<NewItem>> violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        RatedItem added = additions.add(fields, image);
        return HttpResponse.created(ItemView.of(added), URI.create("/v1/items/" + added.item().id()));
    }

    @Operation(summary = "The item's product photo: size=full (default) the stored picture, size=thumb the picture "
            + "scaled to at most 256 px on its longest side. Carries a strong ETag and Cache-Control: private, "
            + "max-age=3600; If-None-Match with the tag answers 304 without the bytes.")
    @ApiResponse(responseCode = "200", description = "The picture's bytes", headers = {
            @Header(name = HttpHeaders.ETAG, description = "Strong tag over the picture file and the size",
                    schema = @Schema(type = "string")),
            @Header(name = HttpHeaders.CACHE_CONTROL, description = CatalogueImages.CACHE_CONTROL,
                    schema = @Schema(type = "string"))},
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/bmp", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "303", description = "A remote picture on an allowed host, whatever the size")
    @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is still the picture's")
    @Get("/{itemId}/image")
    // problem documents too: a generated Kotlin client asks for pictures with "Accept: application/problem+json"
    // only (openapi-generator drops binary media types from Accept), which must not be refused with a 406
    @Produces({"image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "application/problem+json"})
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public HttpResponse<?> image(@PathVariable String itemId,
                                 @Parameter(description = "full: the stored picture; thumb: at most 256 px on the "
                                         + "longest side", schema = @Schema(type = "string",
                                         allowableValues = {"full", "thumb"}, defaultValue = "full"))
                                 @Nullable @QueryValue String size,
                                 HttpRequest<?> request) {
        ImageSize variant = ImageSize.parse(size);
        return pictures.serve(require(itemId).item().image(), "itemId", "item " + itemId, variant, request);
    }

    private RatedItem require(String itemId) {
        return catalogue.find(itemId).orElseThrow(() -> ProblemException.notFound("unknown-item", "itemId",
                "No item with id " + itemId));
    }
}
