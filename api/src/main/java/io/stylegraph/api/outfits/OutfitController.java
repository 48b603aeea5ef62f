package io.stylegraph.api.outfits;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;
import static io.stylegraph.api.security.Roles.TRAINER;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.problem.ScreenedInput;
import io.stylegraph.api.security.ActingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@Validated
@ScreenedInput
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "outfits")
public class OutfitController {
    /** Most outfits one request may ask for. */
    public static final int MAX_K = 20;

    private final OutfitService outfits;
    private final OutfitModelLifecycle models;
    private final CatalogueCache catalogue;

    public OutfitController(OutfitService outfits, OutfitModelLifecycle models, CatalogueCache catalogue) {
        this.outfits = outfits;
        this.models = models;
        this.catalogue = catalogue;
    }

    @Operation(summary = "Complete outfits for a shopper, each built around an item they liked (or the anchor)",
            description = """
                    `k` outfits of top + bottom + shoes or dress + shoes, with outerwear, a bag or an accessory where \
                    they do not pull the outfit down. Each is built around an anchor: `anchorItemId` when given, \
                    else the user's liked items (newest first), else popular items (`anchorSource`: `anchor`, \
                    `likes`, `popular`). Pieces are chosen by pair compatibility plus the user's preference from the \
                    served recommender (`preference`: how it was scored). Disliked items are never used; items are \
                    held to the gender the likes imply (else the anchor's) or unisex; `occasion` holds pieces to that \
                    usage (e.g. Casual, Formal). Two outfits of one answer share at most one item. Every outfit lists \
                    its pair scores and its weakest pair. 503 `outfits-not-ready` while the model loads.""")
    @Get("/users/{userId}/outfits")
    @Secured({APP, ANALYST, ADMIN})
    public OutfitViews.OutfitPage forUser(
            @PathVariable @Pattern(regexp = UserIds.PATTERN, message = UserIds.RULE) String userId,
            @Parameter(description = "How many outfits, 1-20") @QueryValue(defaultValue = "5") @Min(1) @Max(MAX_K) int k,
            @Parameter(description = "Build every outfit around this item") @Nullable @QueryValue String anchorItemId,
            @Parameter(description = "An occasion (the catalogue's usage values, case-insensitive)")
            @Nullable @QueryValue String occasion) {
        return outfits.forUser(userId, k, anchorItemId, occasion);
    }

    @Operation(summary = "Fill the missing slots of a partial outfit or cart",
            description = """
                    `itemIds`: 1-8 distinct catalogue items. `slots`: which slots to fill (default: what the \
                    template of the given items lacks: top, bottom, shoes, or shoes for a dress). With `userId` the \
                    user's preference counts, their disliked items are left out and items are held to the gender \
                    their likes imply. Each filled slot lists up to 3 alternatives.""")
    @Post("/outfits/complete")
    @Secured({APP, ANALYST, ADMIN})
    public OutfitViews.CompletedOutfit complete(@Body OutfitViews.OutfitItems command, HttpRequest<?> request) {
        ActingUser.requireMayActFor(request, command.userId(), "userId");
        return outfits.complete(command);
    }

    @Operation(summary = "Compatibility of an outfit: mean pair score, every pair's score and the weakest pair")
    @Post("/outfits/score")
    @Secured({APP, ANALYST, ADMIN})
    public OutfitViews.Outfit score(@Body OutfitViews.OutfitItems command) {
        return outfits.score(command);
    }

    @Operation(summary = "Looks with the item: stored outfits containing it, photos featuring it, generated outfits")
    @Get("/items/{itemId}/looks")
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public OutfitViews.Looks looks(@PathVariable String itemId,
                                   @Parameter(description = "Most entries of each list, 1-20")
                                   @QueryValue(defaultValue = "5") @Min(1) @Max(MAX_K) int k) {
        return outfits.looks(itemId, k, catalogue.snapshot());
    }

    @Operation(summary = "Whether the outfit model is ready, which model is served and over how many items")
    @Get("/outfits/status")
    @Secured({APP, ANALYST, TRAINER, ADMIN})
    public OutfitViews.Status status() {
        return models.status();
    }
}
