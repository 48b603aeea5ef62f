package io.stylegraph.api.outfits;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.api.catalogue.ItemView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;

/** What the outfit endpoints answer and accept. */
public final class OutfitViews {
    private OutfitViews() {
    }

    /** One item of an outfit in its slot; {@code preference} is the shopper's cosine to it when known. */
    @Serdeable
    public record OutfitItem(@Schema(type = "string", allowableValues = {"top", "bottom", "dress", "outerwear", "shoes",
            "bag", "accessory", "other"}) String slot, ItemView item, @Nullable Double preference) {
    }

    /** The model's compatibility score of two items of the outfit. */
    @Serdeable
    public record Pair(String first, String second, double score) {
    }

    /**
     * An outfit: {@code score} is its compatibility (mean pair score; comparable within one model only),
     * {@code preference} the mean preference cosine of its items (when a recommender model places the shopper),
     * {@code total} = score + weight × preference, what outfits were chosen by.
     */
    @Serdeable
    public record Outfit(@Nullable String anchorItemId,
                         @Schema(allowableValues = {"requested", "liked", "popular"}) @Nullable String anchorReason,
                         double score, @Nullable Double preference, double total, List<OutfitItem> items,
                         List<Pair> pairs, @Nullable Pair weakestPair) {
    }

    /** Outfits for a shopper. */
    @Serdeable
    public record OutfitPage(String userId,
                             @Schema(allowableValues = {"anchor", "likes", "popular"},
                                     description = "what the outfits are built around: the requested anchor item, "
                                             + "items the user liked, or popular items (no likes yet)")
                             String anchorSource,
                             @Schema(allowableValues = {"model", "model+fold-in", "fold-in", "popular"},
                                     description = "how personal preference was scored; popular: not at all")
                             String preference,
                             @Nullable Long modelVersion,
                             @Nullable @Schema(type = "string",
                                     allowableValues = {"men", "women", "boys", "girls", "unisex"}) String gender,
                             @Nullable String occasion,
                             String compatibilityModel, List<Outfit> outfits) {
    }

    /** Items of a partial outfit to score or complete. */
    @Serdeable
    public record OutfitItems(@Nullable List<String> itemIds, @Nullable String userId,
                              @Nullable @ArraySchema(schema = @Schema(type = "string", allowableValues = {"top",
                                      "bottom", "dress", "outerwear", "shoes", "bag", "accessory",
                                      "other"})) List<String> slots) {
    }

    /** Another candidate for a filled slot, with its total score. */
    @Serdeable
    public record Alternative(ItemView item, double total) {
    }

    /** A slot the completion filled (or could not: {@code itemId} null). */
    @Serdeable
    public record FilledSlot(@Schema(type = "string", allowableValues = {"top", "bottom", "dress", "outerwear", "shoes",
            "bag", "accessory", "other"}) String slot, @Nullable String itemId, List<Alternative> alternatives) {
    }

    @Serdeable
    public record CompletedOutfit(Outfit outfit, List<FilledSlot> filled) {
    }

    /** A stored outfit holding the item; members not in the catalogue are left out. */
    @Serdeable
    public record StoredLook(String id, List<OutfitItem> items) {
    }

    /** A photo featuring the item; {@code imageUrl} ({@code /v1/looks/{id}/image}) when the photo was kept. */
    @Serdeable
    public record Photo(String id, @Nullable String source, @Nullable @Schema(type = "string", allowableValues = {"top",
            "bottom", "dress", "outerwear", "shoes", "bag", "accessory", "other"}) String slot,
            @Nullable String imageUrl,
                        @Nullable String createdAt) {
    }

    /**
     * Looks around an item. {@code generatedStatus}: {@code ready}, or {@code model-not-ready} while the outfit model
     * is loading (stored outfits and photos are answered anyway).
     */
    @Serdeable
    public record Looks(String itemId, List<StoredLook> outfits, List<Photo> photos, List<Outfit> generated,
                        String generatedStatus) {
    }

    /**
     * The outfit model's state; {@code registryVersion} is the served model's version in the model registry
     * ({@code GET /v1/models/{id}}, kind {@code outfit}); {@code pairsWith} says where the graph's PAIRS_WITH edges
     * stand (reported apart from {@code state}: edges kept from an earlier start are ready before the model's index
     * is).
     */
    @Serdeable
    public record Status(String state, @Nullable String model, @Nullable Long registryVersion, int items,
                         Map<String, String> parameters, PairsWith pairsWith, @Nullable TextVectors textVectors,
                         @Nullable TextCategoryBlend textCategoryBlend, @Nullable WordOverlap wordOverlap) {
    }

    /**
     * Present while the served index adds the word overlap of item titles (the cosine of their word sets under the
     * training names' inverse document frequencies) to the scores: its {@code weight}, how many items have a title
     * to compare ({@code itemsWithWords}) and how many distinct title words the catalogue has ({@code words}).
     */
    @Serdeable
    public record WordOverlap(double weight, int itemsWithWords, int words) {
    }

    /**
     * Present while the served index adds the text-category co-occurrence blend to the type-aware scores (absent:
     * the type-aware model alone): its {@code weight}, and how the index's last build obtained the items' guessed
     * categories: {@code restored} from the categories file of earlier builds, {@code computed} (items whose text
     * vector it lacked) and {@code millis} for both.
     */
    @Serdeable
    public record TextCategoryBlend(double weight, int restored, int computed, long millis) {
    }

    /**
     * Where the item text vectors the model reads come from: {@code source} {@code search} (the search index's text
     * vectors, filled in as the embedding job goes) or {@code outfits} (the outfit model's own pass); {@code items}
     * counts the indexed items with words to read, {@code withVector} those already scored with their text vector
     * (the others are scored by slot and category until theirs arrives).
     */
    @Serdeable
    public record TextVectors(String source, int items, int withVector) {
    }

    /**
     * The PAIRS_WITH edges: {@code status} {@code waiting} (for the model and catalogue), {@code writing}, {@code ready},
     * {@code off} ({@code pairs-per-item} 0) or {@code failed: ...}; {@code edges} in the graph when ready;
     * {@code kept} when they were those of an earlier start, whose model, catalogue, outfit support and
     * {@code pairs-per-item} were the same; {@code reason} why they were kept or written.
     */
    @Serdeable
    public record PairsWith(String status, long edges, boolean kept, @Nullable String reason) {
        static final PairsWith WAITING = new PairsWith("waiting", 0, false, null);
    }
}
