package io.stylegraph.api.search;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;
import static io.stylegraph.api.security.Roles.TRAINER;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.QueryValues;
import io.stylegraph.api.problem.ScreenedInput;
import io.stylegraph.api.ratelimit.ExpensiveRequest;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.search.Reranking;
import io.stylegraph.training.search.SearchModality;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
@Tag(name = "search")
public class SearchController {
    static final int MAX_K = 100;

    private final SimilarityService similarity;
    private final CatalogueCache catalogue;
    private final UploadedImages uploads;
    private final EmbeddingJob embeddings;
    private final ActiveEncoders encoders;

    public SearchController(SimilarityService similarity, CatalogueCache catalogue, UploadedImages uploads,
                            EmbeddingJob embeddings, ActiveEncoders encoders) {
        this.similarity = similarity;
        this.catalogue = catalogue;
        this.uploads = uploads;
        this.embeddings = embeddings;
        this.encoders = encoders;
    }

    @Operation(summary = "Items similar to one item (never the item itself), by visual, text or hybrid similarity; "
            + "slot and gender filters apply before the top k are chosen")
    @Get("/v1/items/{itemId}/similar")
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public SearchResults similar(@PathVariable String itemId,
                                 @QueryValue(defaultValue = "10") @Min(1) @Max(MAX_K) int k,
                                 @Parameter(schema = @Schema(type = "string", allowableValues = {"visual", "text",
                                         "hybrid"}, defaultValue = "hybrid"))
                                 @QueryValue(defaultValue = "hybrid") String modality,
                                 @Parameter(description = "Outfit slot", schema = @Schema(type = "string",
                                         allowableValues = {"top", "bottom", "dress", "outerwear", "shoes", "bag",
                                         "accessory", "other"}))
                                 @Nullable @QueryValue String slot,
                                 @Parameter(description = "Results of this gender or unisex",
                                         schema = @Schema(type = "string", allowableValues = {"men", "women", "boys",
                                         "girls", "unisex"}))
                                 @Nullable @QueryValue String gender,
                                 @Parameter(description = "Average query expansion over the first results",
                                         schema = @Schema(type = "boolean"))
                                 @Nullable @QueryValue String aqe,
                                 @Parameter(description = "Database-side augmentation of the candidates",
                                         schema = @Schema(type = "boolean"))
                                 @Nullable @QueryValue String dba) {
        SearchModality wanted = SearchModality.parse(modality).orElseThrow(() -> ProblemException.badRequest(
                "invalid-field", "modality", "modality must be one of visual, text, hybrid"));
        if (catalogue.find(itemId).isEmpty()) {
            throw ProblemException.notFound("unknown-item", "itemId", "No item with id " + itemId);
        }
        Reranking reranking = reranking(aqe, dba);
        List<ScoredItem> found = similarity.similar(itemId, wanted, filter(slot, gender), k, reranking);
        return results(found, wanted.wireName(), k, reranking);
    }

    @Operation(summary = "Text search: FashionSigLIP text-to-image when configured, otherwise text-to-text")
    @Get("/v1/search")
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public SearchResults search(@QueryValue @NotBlank @Size(max = 500) String q,
                                @QueryValue(defaultValue = "10") @Min(1) @Max(MAX_K) int k,
                                @Parameter(description = "Outfit slot", schema = @Schema(type = "string",
                                        allowableValues = {"top", "bottom", "dress", "outerwear", "shoes", "bag",
                                        "accessory", "other"}))
                                @Nullable @QueryValue String slot,
                                @Parameter(description = "Results of this gender or unisex",
                                        schema = @Schema(type = "string", allowableValues = {"men", "women", "boys",
                                        "girls", "unisex"}))
                                @Nullable @QueryValue String gender,
                                @Parameter(description = "Average query expansion over the first results",
                                        schema = @Schema(type = "boolean"))
                                @Nullable @QueryValue String aqe,
                                @Parameter(description = "Database-side augmentation of the candidates",
                                        schema = @Schema(type = "boolean"))
                                @Nullable @QueryValue String dba) {
        Reranking reranking = reranking(aqe, dba);
        List<ScoredItem> found = similarity.byText(q.strip(), filter(slot, gender), k, reranking);
        return results(found, encoders.sharedSpace() ? "text-to-image" : "text", k, reranking);
    }

    @Operation(summary = "Image search: multipart 'image' (JPEG, PNG or WebP), optional 'text' modifier for composed "
            + "retrieval (\"like this, but in red\"); k, slot, gender, aqe and dba as query parameters")
    @Post(uri = "/v1/search/image", consumes = MediaType.MULTIPART_FORM_DATA)
    @ExpensiveRequest
    @Secured({APP, ANALYST, ADMIN})
    public SearchResults searchByImage(@Part("image") CompletedFileUpload image,
                                       @Nullable @Part("text") @Size(max = 500) String text,
                                       @QueryValue(defaultValue = "10") @Min(1) @Max(MAX_K) int k,
                                       @Parameter(description = "Outfit slot", schema = @Schema(type = "string",
                                               allowableValues = {"top", "bottom", "dress", "outerwear", "shoes", "bag",
                                               "accessory", "other"}))
                                       @Nullable @QueryValue String slot,
                                       @Parameter(description = "Results of this gender or unisex",
                                               schema = @Schema(type = "string", allowableValues = {"men", "women", "boys",
                                               "girls", "unisex"}))
                                       @Nullable @QueryValue String gender,
                                       @Parameter(description = "Average query expansion over the first results",
                                               schema = @Schema(type = "boolean"))
                                       @Nullable @QueryValue String aqe,
                                       @Parameter(description = "Database-side augmentation of the candidates",
                                               schema = @Schema(type = "boolean"))
                                       @Nullable @QueryValue String dba) {
        SearchFilter filter = filter(slot, gender);
        UploadedImages.Upload upload = uploads.decode(image);
        Reranking reranking = reranking(aqe, dba);
        List<ScoredItem> found = similarity.byImage(upload.decoded().image(), text, filter, k, reranking);
        boolean composed = text != null && !text.isBlank();
        return results(found, composed ? "composed" : "visual", k, reranking);
    }

    @Operation(operationId = "searchStatus", summary = "Embedding progress and serving index sizes")
    @Get("/v1/search/status")
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public EmbeddingStatus status() {
        return embeddings.status();
    }

    private SearchResults results(List<ScoredItem> found, String modality, int k, Reranking reranking) {
        List<SearchHit> hits = found.stream()
                .flatMap(scored -> catalogue.find(scored.itemId()).stream()
                        .map(item -> new SearchHit(scored.score(), ItemView.of(item))))
                .toList();
        return new SearchResults(hits, modality, k, reranking.aqe(), reranking.dba(), embeddings.status().indexing());
    }

    /** aqe and dba are true or false; another value is a 400 rather than false. */
    private static Reranking reranking(@Nullable String aqe, @Nullable String dba) {
        return new Reranking(QueryValues.flag(aqe, "aqe"), QueryValues.flag(dba, "dba"));
    }

    static SearchFilter filter(@Nullable String slot, @Nullable String gender) {
        return new SearchFilter(QueryValues.slot(slot), QueryValues.gender(gender), null);
    }
}
