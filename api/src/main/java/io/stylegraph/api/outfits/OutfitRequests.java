package io.stylegraph.api.outfits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.micronaut.http.HttpStatus;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.training.outfit.OutfitCatalogue;

/** The checks of an outfit request's fields, as RFC 7807 problems with a stable code and the field at fault. */
final class OutfitRequests {
    /** Most items a partial outfit may list. */
    static final int MAX_ITEMS = 8;
    private static final Pattern ITEM_ID = Pattern.compile("[^\\s,\\p{Cntrl}]{1,128}");

    private OutfitRequests() {
    }

    /** The occasion's lower-case key, or null for none; 400 for one the catalogue does not state. */
    static String occasion(ServedOutfits served, String occasion) {
        if (occasion == null) {
            return null;
        }
        String key = occasion.strip().toLowerCase(Locale.ROOT);
        if (!served.knownOccasions().containsKey(key)) {
            throw ProblemException.badRequest("invalid-field", "occasion", served.knownOccasions().isEmpty()
                    ? "this catalogue states no occasions"
                    : "occasion must be one of " + String.join(", ", served.knownOccasions().values()));
        }
        return key;
    }

    /** The row of an anchor item, which must be known and fill an outfit slot the model scores. */
    static int anchorRow(ServedOutfits served, String itemId, Predicate<String> catalogueHas) {
        if (!ITEM_ID.matcher(itemId).matches()) {
            throw ProblemException.badRequest("invalid-field", "anchorItemId",
                    "anchorItemId must be 1-128 characters without spaces, commas or control characters");
        }
        int row = known(served, itemId, "anchorItemId", catalogueHas);
        if (!served.catalogue().outfitItem(row)) {
            throw ProblemException.badRequest("not-an-outfit-item", "anchorItemId", "Item " + itemId
                    + " fills no outfit slot (" + served.slot(row).wireName() + ")");
        }
        return row;
    }

    /** The rows of well-formed, known items the model scores. */
    static List<Integer> items(ServedOutfits served, List<String> itemIds, int minimum,
                               Predicate<String> catalogueHas) {
        requireWellFormed(itemIds, minimum);
        List<Integer> rows = new ArrayList<>();
        for (String id : itemIds) {
            int row = known(served, id, "itemIds", catalogueHas);
            if (!served.index().scorable(row)) {
                throw ProblemException.badRequest("not-scorable", "itemIds", "Item " + id + " is of slot "
                        + served.slot(row).wireName() + ", which the outfit model does not score");
            }
            rows.add(row);
        }
        return rows;
    }

    private static int known(ServedOutfits served, String itemId, String field, Predicate<String> catalogueHas) {
        Integer row = served.snapshot().indexOf(itemId);
        if (row == null) {
            if (catalogueHas.test(itemId)) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "outfits-not-ready", field,
                        "Item " + itemId + " is new and is being indexed for outfits; try again shortly");
            }
            throw ProblemException.notFound("unknown-item", field, "No item with id " + itemId);
        }
        return row;
    }

    /** The slots a completion request names (empty for none), checked before the model is asked. */
    static List<Slot> outfitSlots(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        List<Slot> slots = new ArrayList<>();
        for (String name : requested) {
            Slot slot = name == null ? null : Slot.parse(name).orElse(null);
            if (slot == null || !OutfitCatalogue.OUTFIT_SLOTS.contains(slot)) {
                throw ProblemException.badRequest("invalid-field", "slots",
                        "slots must name top, bottom, dress, outerwear, shoes, bag or accessory");
            }
            slots.add(slot);
        }
        return slots;
    }

    /** The checks of an item list that need no model: count, id shape, duplicates. */
    static void requireWellFormed(List<String> itemIds, int minimum) {
        if (itemIds == null || itemIds.isEmpty()) {
            throw ProblemException.badRequest("empty-outfit", "itemIds", "itemIds must list at least " + minimum
                    + (minimum == 1 ? " item" : " items"));
        }
        if (itemIds.size() > MAX_ITEMS) {
            throw ProblemException.badRequest("too-many-items", "itemIds", "itemIds may list at most " + MAX_ITEMS
                    + " items, got " + itemIds.size());
        }
        Set<String> seen = new HashSet<>();
        for (String id : itemIds) {
            if (id == null || !ITEM_ID.matcher(id).matches()) {
                throw ProblemException.badRequest("invalid-field", "itemIds",
                        "itemIds must be item ids of 1-128 characters without spaces or control characters");
            }
            if (!seen.add(id)) {
                throw ProblemException.badRequest("duplicate-item", "itemIds", "Item " + id + " is listed twice");
            }
        }
        if (itemIds.size() < minimum) {
            throw ProblemException.badRequest("too-few-items", "itemIds", "An outfit score needs at least "
                    + minimum + " items");
        }
    }
}
