package io.stylegraph.api.outfits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import io.micronaut.http.HttpStatus;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.training.RecommendationService;
import io.stylegraph.api.training.ServedModel;
import io.stylegraph.api.training.UserTaste;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.training.outfit.CompatibilityModel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, completes and scores outfits with the served compatibility model.
 *
 * <p><b>Building.</b> An outfit grows from an anchor item: the core slots of its template (top + bottom + shoes, or
 * dress + shoes; a shoe, outerwear, bag or accessory anchor tries both and keeps the better) are filled one at a
 * time, each with the candidate of the best total against the items chosen so far: mean pair compatibility plus
 * {@code preference-weight} × the shopper's preference (cosine of the served recommender's user vector, fresh
 * feedback folded in, and the item's embedding). Outerwear, a bag and an accessory are then added where the best
 * candidate's compatibility is at least the outfit's mean pair score (it does not pull the outfit down).
 *
 * <p><b>Rules.</b> Items the shopper disliked are never used. Items are held to the gender the shopper's likes
 * imply (as for recommendations), else to the anchor's gender: that gender or unisex. An {@code occasion} holds
 * every added item to that {@code usage}. Across one answer no item other than an anchor is used twice, so two
 * outfits share at most one item.
 */
@Singleton
public class OutfitService {
    private static final Logger LOG = LoggerFactory.getLogger(OutfitService.class);
    /** Most items a partial outfit may list. */
    public static final int MAX_ITEMS = 8;
    /** Other candidates shown per filled slot. */
    static final int ALTERNATIVES = 3;
    private static final Pattern ITEM_ID = Pattern.compile("[^\\s,\\p{Cntrl}]{1,128}");
    private static final List<Slot> EXTRAS = List.of(Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY);
    private static final List<Slot> SEPARATES = List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES);
    private static final List<Slot> DRESSED = List.of(Slot.DRESS, Slot.SHOES);
    private static final List<Slot> ANCHOR_SLOTS = List.of(Slot.TOP, Slot.DRESS, Slot.BOTTOM);

    private final OutfitModels models;
    private final RecommendationService recommendations;
    private final LooksRepository looks;
    private final double preferenceWeight;
    private final AtomicReference<PreferenceRows> preferenceRows = new AtomicReference<>();

    public OutfitService(OutfitModels models, RecommendationService recommendations, LooksRepository looks,
                         OutfitConfiguration config) {
        this.models = models;
        this.recommendations = recommendations;
        this.looks = looks;
        this.preferenceWeight = config.getPreferenceWeight();
    }

    // ---- endpoints ----

    public OutfitViews.OutfitPage forUser(String userId, int k, String anchorItemId, String occasion) {
        ServedOutfits served = models.ready();
        String wantedOccasion = occasion(served, occasion);
        Integer anchor = anchorItemId == null ? null : anchorRow(served, anchorItemId);
        UserTaste taste = recommendations.taste(userId);
        Request request = new Request(served, taste, wantedOccasion);
        List<OutfitViews.Outfit> outfits = new ArrayList<>();
        String source;
        if (anchor != null) {
            source = "anchor";
            for (int i = 0; i < k; i++) {
                Built built = request.build(anchor);
                if (built == null) {
                    break;
                }
                outfits.add(request.view(built, "requested"));
            }
        } else {
            List<Integer> liked = new ArrayList<>();
            for (String id : taste.likedNewestFirst()) {
                Integer row = request.rowOf(id);
                if (row != null && request.usableAnchor(row)) {
                    liked.add(row);
                }
            }
            source = "likes";
            outfits.addAll(request.buildAround(liked, k, "liked"));
            if (outfits.isEmpty()) {
                source = "popular";
                outfits.addAll(request.buildAround(request.popularAnchors(k), k, "popular"));
            }
        }
        ServedModel model = taste.model();
        return new OutfitViews.OutfitPage(userId, source, taste.strategy(),
                model == null ? null : model.version(),
                request.heldGender == null ? null : request.heldGender.wireName(),
                wantedOccasion == null ? null : served.knownOccasions().get(wantedOccasion), served.modelId(),
                outfits);
    }

    public OutfitViews.CompletedOutfit complete(OutfitViews.OutfitItems command) {
        // a malformed request is a 400 whether or not the model is loaded yet
        requireWellFormed(command.itemIds(), 1);
        if (command.userId() != null && !UserIds.valid(command.userId())) {
            throw ProblemException.badRequest("invalid-field", "userId", "userId " + UserIds.RULE);
        }
        requireOutfitSlots(command.slots());
        ServedOutfits served = models.ready();
        List<Integer> given = items(served, command.itemIds(), 1);
        UserTaste taste = command.userId() == null ? null : recommendations.taste(command.userId());
        List<Slot> wanted = slotsToFill(served, given, command.slots());
        Request request = new Request(served, taste, null);
        if (request.heldGender == null) {
            request.heldGender = given.stream().map(row -> served.snapshot().get(row).item().gender())
                    .filter(g -> g != null && g != Gender.UNISEX).findFirst().orElse(null);
        }
        List<Integer> rows = new ArrayList<>(given);
        List<OutfitViews.FilledSlot> filled = new ArrayList<>();
        for (Slot slot : wanted) {
            List<Choice> choices = request.rank(rows, slot, request.heldGender, 1 + ALTERNATIVES);
            if (choices.isEmpty()) {
                filled.add(new OutfitViews.FilledSlot(slot.wireName(), null, List.of()));
                continue;
            }
            rows.add(choices.get(0).row());
            List<OutfitViews.Alternative> alternatives = choices.subList(1, choices.size()).stream()
                    .map(choice -> new OutfitViews.Alternative(view(served, choice.row()), choice.total())).toList();
            filled.add(new OutfitViews.FilledSlot(slot.wireName(), served.index().id(choices.get(0).row()),
                    alternatives));
        }
        Built built = request.built(null, rows);
        return new OutfitViews.CompletedOutfit(request.view(built, null), filled);
    }

    public OutfitViews.Outfit score(OutfitViews.OutfitItems command) {
        requireWellFormed(command.itemIds(), 2);
        ServedOutfits served = models.ready();
        List<Integer> rows = items(served, command.itemIds(), 2);
        Request request = new Request(served, null, null);
        return request.view(request.built(null, rows), null);
    }

    public OutfitViews.Looks looks(String itemId, int k, CatalogueSnapshot catalogue) {
        if (catalogue.find(itemId).isEmpty()) {
            throw ProblemException.notFound("unknown-item", "itemId", "No item with id " + itemId);
        }
        List<OutfitViews.StoredLook> stored = new ArrayList<>();
        List<OutfitViews.Photo> photos = new ArrayList<>();
        try {
            for (LooksRepository.StoredOutfit outfit : looks.outfitsContaining(itemId, k)) {
                List<OutfitViews.OutfitItem> items = new ArrayList<>();
                outfit.members().forEach(member -> catalogue.find(member.itemId()).ifPresent(item ->
                        items.add(new OutfitViews.OutfitItem(member.slot().wireName(), ItemView.of(item), null))));
                stored.add(new OutfitViews.StoredLook(outfit.id(), items));
            }
            looks.photosFeaturing(itemId, k).forEach(photo -> photos.add(new OutfitViews.Photo(photo.id(),
                    photo.source(), photo.slot(),
                    photo.hasImage() ? "/v1/looks/" + java.net.URLEncoder.encode(photo.id(),
                            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/image" : null,
                    photo.createdAt())));
        } catch (RuntimeException graphDown) {
            LOG.debug("Looks of {} without stored outfits and photos: {}", itemId, graphDown.getMessage());
        }
        List<OutfitViews.Outfit> generated = new ArrayList<>();
        String status = "ready";
        try {
            ServedOutfits served = models.ready();
            Integer row = served.snapshot().indexOf(itemId);
            if (row != null && served.index().scorable(row)
                    && ServedOutfits.OUTFIT_SLOTS.contains(served.slot(row))) {
                Request request = new Request(served, null, null);
                for (int i = 0; i < k; i++) {
                    Built built = request.build(row);
                    if (built == null) {
                        break;
                    }
                    generated.add(request.view(built, "requested"));
                }
            }
        } catch (ProblemException notReady) {
            status = "model-not-ready";
        }
        return new OutfitViews.Looks(itemId, stored, photos, generated, status);
    }

    // ---- validation ----

    private static String occasion(ServedOutfits served, String occasion) {
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

    private int anchorRow(ServedOutfits served, String itemId) {
        if (!ITEM_ID.matcher(itemId).matches()) {
            throw ProblemException.badRequest("invalid-field", "anchorItemId",
                    "anchorItemId must be 1-128 characters without spaces, commas or control characters");
        }
        int row = known(served, itemId, "anchorItemId");
        if (!ServedOutfits.OUTFIT_SLOTS.contains(served.slot(row)) || !served.index().scorable(row)) {
            throw ProblemException.badRequest("not-an-outfit-item", "anchorItemId", "Item " + itemId
                    + " fills no outfit slot (" + served.slot(row).wireName() + ")");
        }
        return row;
    }

    private int known(ServedOutfits served, String itemId, String field) {
        Integer row = served.snapshot().indexOf(itemId);
        if (row == null) {
            if (models.catalogueHas(itemId)) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "outfits-not-ready", field,
                        "Item " + itemId + " is new and is being indexed for outfits; try again shortly");
            }
            throw ProblemException.notFound("unknown-item", field, "No item with id " + itemId);
        }
        return row;
    }

    private List<Integer> items(ServedOutfits served, List<String> itemIds, int minimum) {
        requireWellFormed(itemIds, minimum);
        List<Integer> rows = new ArrayList<>();
        for (String id : itemIds) {
            int row = known(served, id, "itemIds");
            if (!served.index().scorable(row)) {
                throw ProblemException.badRequest("not-scorable", "itemIds", "Item " + id + " is of slot "
                        + served.slot(row).wireName() + ", which the outfit model does not score");
            }
            rows.add(row);
        }
        return rows;
    }

    /** The slot names of a completion request, checked before the model is asked. */
    private static void requireOutfitSlots(List<String> requested) {
        if (requested == null) {
            return;
        }
        for (String name : requested) {
            Slot slot = name == null ? null : Slot.parse(name).orElse(null);
            if (slot == null || !ServedOutfits.OUTFIT_SLOTS.contains(slot)) {
                throw ProblemException.badRequest("invalid-field", "slots",
                        "slots must name top, bottom, dress, outerwear, shoes, bag or accessory");
            }
        }
    }

    /** The checks of an item list that need no model: count, id shape, duplicates. */
    private static void requireWellFormed(List<String> itemIds, int minimum) {
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

    private static List<Slot> slotsToFill(ServedOutfits served, List<Integer> given, List<String> requested) {
        Set<Slot> present = new HashSet<>();
        given.forEach(row -> present.add(served.slot(row)));
        List<Slot> wanted = new ArrayList<>();
        if (requested != null && !requested.isEmpty()) {
            for (String name : requested) {
                Slot slot = name == null ? null : Slot.parse(name).orElse(null);
                if (slot == null || !ServedOutfits.OUTFIT_SLOTS.contains(slot)) {
                    throw ProblemException.badRequest("invalid-field", "slots",
                            "slots must name top, bottom, dress, outerwear, shoes, bag or accessory");
                }
                if (!present.contains(slot) && !wanted.contains(slot)) {
                    wanted.add(slot);
                }
            }
            return wanted;
        }
        List<Slot> template = present.contains(Slot.DRESS) ? DRESSED : SEPARATES;
        template.stream().filter(slot -> !present.contains(slot)).forEach(wanted::add);
        return wanted;
    }

    private static ItemView view(ServedOutfits served, int row) {
        return ItemView.of(served.snapshot().get(row));
    }

    // ---- building ----

    private record Choice(int row, double compatibility, double total) {
    }

    private record Built(Integer anchor, List<Integer> rows, CompatibilityModel.OutfitScore score,
                         Double preference, double total) {
    }

    /** The served recommender's item row and inverse norm per catalogue row, for one model and one snapshot. */
    private record PreferenceRows(ServedModel model, CatalogueSnapshot snapshot, int[] modelRows, float[] inverseNorms) {
        static PreferenceRows of(ServedModel model, CatalogueSnapshot snapshot) {
            int[] rows = new int[snapshot.size()];
            float[] inverse = new float[snapshot.size()];
            for (int row = 0; row < rows.length; row++) {
                Integer modelRow = model.itemRow(snapshot.get(row).item().id());
                rows[row] = modelRow == null ? -1 : modelRow;
                if (modelRow != null) {
                    double norm = 0;
                    for (float v : model.itemVector(modelRow)) {
                        norm += (double) v * v;
                    }
                    inverse[row] = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
                }
            }
            return new PreferenceRows(model, snapshot, rows, inverse);
        }
    }

    private PreferenceRows preferenceRows(ServedModel model, CatalogueSnapshot snapshot) {
        PreferenceRows current = preferenceRows.get();
        if (current != null && current.model() == model && current.snapshot() == snapshot) {
            return current;
        }
        PreferenceRows fresh = PreferenceRows.of(model, snapshot);
        preferenceRows.set(fresh);
        return fresh;
    }

    /** One request's state: what is blocked, what is used, the held gender and occasion, the preference vector. */
    private final class Request {
        final ServedOutfits served;
        final boolean[] blocked;
        final boolean[] used;
        final String occasion;
        Gender heldGender;
        final float[] user;
        final float userInverseNorm;
        final PreferenceRows preference;

        Request(ServedOutfits served, UserTaste taste, String occasion) {
            this.served = served;
            this.occasion = occasion;
            int n = served.snapshot().size();
            blocked = new boolean[n];
            used = new boolean[n];
            if (taste != null) {
                taste.rated().forEach((id, signal) -> {
                    Integer row = rowOf(id);
                    if (row != null && taste.disliked(id)) {
                        blocked[row] = true;
                    }
                });
                heldGender = taste.impliedGender();
            }
            if (taste != null && taste.vector() != null) {
                user = taste.vector();
                double norm = 0;
                for (float v : user) {
                    norm += (double) v * v;
                }
                userInverseNorm = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
                preference = preferenceRows(taste.model(), served.snapshot());
            } else {
                user = null;
                userInverseNorm = 0;
                preference = null;
            }
        }

        Integer rowOf(String id) {
            return served.snapshot().indexOf(id);
        }

        boolean usableAnchor(int row) {
            return !blocked[row] && served.index().scorable(row)
                    && ServedOutfits.OUTFIT_SLOTS.contains(served.slot(row))
                    && (occasion == null || occasion.equals(served.occasion(row)));
        }

        /** Most-liked items of the anchor slots (top, dress, bottom in turn), held to gender and occasion. */
        List<Integer> popularAnchors(int k) {
            Map<Slot, List<Integer>> bySlot = new LinkedHashMap<>();
            ANCHOR_SLOTS.forEach(slot -> bySlot.put(slot, new ArrayList<>()));
            for (int row : served.snapshot().byPopularity()) {
                List<Integer> queue = bySlot.get(served.slot(row));
                if (queue != null && queue.size() < k && usableAnchor(row)
                        && fitsGender(row, heldGender)) {
                    queue.add(row);
                }
            }
            List<Integer> anchors = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                for (List<Integer> queue : bySlot.values()) {
                    if (i < queue.size()) {
                        anchors.add(queue.get(i));
                    }
                }
            }
            return anchors;
        }

        /** Up to k outfits, one per anchor in turn (anchors that yield none are dropped). */
        List<OutfitViews.Outfit> buildAround(List<Integer> anchors, int k, String reason) {
            List<OutfitViews.Outfit> outfits = new ArrayList<>();
            List<Integer> live = new ArrayList<>(anchors);
            while (outfits.size() < k && !live.isEmpty()) {
                var it = live.iterator();
                while (it.hasNext() && outfits.size() < k) {
                    Built built = build(it.next());
                    if (built == null) {
                        it.remove();
                    } else {
                        outfits.add(view(built, reason));
                    }
                }
            }
            return outfits;
        }

        /** The best outfit around the anchor with items not used yet (marks its items used), or null. */
        Built build(int anchor) {
            Gender gender = heldGender;
            Gender anchorGender = served.snapshot().get(anchor).item().gender();
            if (gender == null && anchorGender != Gender.UNISEX) {
                gender = anchorGender;
            }
            Slot slot = served.slot(anchor);
            List<List<Slot>> templates = slot == Slot.TOP || slot == Slot.BOTTOM ? List.of(SEPARATES)
                    : slot == Slot.DRESS ? List.of(DRESSED) : List.of(SEPARATES, DRESSED);
            Built best = null;
            for (List<Slot> template : templates) {
                Built candidate = build(anchor, template, gender);
                if (candidate != null && (best == null || candidate.total() > best.total())) {
                    best = candidate;
                }
            }
            if (best != null) {
                for (int row : best.rows()) {
                    if (row != anchor) {
                        used[row] = true;
                    }
                }
            }
            return best;
        }

        private Built build(int anchor, List<Slot> template, Gender gender) {
            List<Integer> rows = new ArrayList<>();
            rows.add(anchor);
            for (Slot slot : template) {
                if (slot == served.slot(anchor)) {
                    continue;
                }
                List<Choice> best = rank(rows, slot, gender, 1);
                if (best.isEmpty()) {
                    return null;
                }
                rows.add(best.get(0).row());
            }
            for (Slot slot : EXTRAS) {
                if (slot == served.slot(anchor)) {
                    continue;
                }
                List<Choice> best = rank(rows, slot, gender, 1);
                if (!best.isEmpty() && best.get(0).compatibility() >= served.index().score(toArray(rows)).score()) {
                    rows.add(best.get(0).row());
                }
            }
            return built(anchor, rows);
        }

        /** The best {@code limit} candidates of a slot for the partial outfit, best total first. */
        List<Choice> rank(List<Integer> partial, Slot slot, Gender gender, int limit) {
            int[] slotRows = served.rows(slot);
            int[] partialRows = toArray(partial);
            // the cheap rules first, so only allowed candidates pay for a dot product
            int[] candidates = new int[slotRows.length];
            int allowed = 0;
            for (int row : slotRows) {
                if (!blocked[row] && !used[row] && fitsGender(row, gender) && !contains(partialRows, row)
                        && (occasion == null || occasion.equals(served.occasion(row)))) {
                    candidates[allowed++] = row;
                }
            }
            candidates = Arrays.copyOf(candidates, allowed);
            float[] compatibility = new float[allowed];
            served.index().candidateScores(partialRows, candidates, compatibility);
            PriorityQueue<Choice> best = new PriorityQueue<>(Comparator.comparingDouble(Choice::total));
            for (int c = 0; c < allowed; c++) {
                int row = candidates[c];
                double total = compatibility[c] + preferenceWeight * preferenceOf(row);
                if (best.size() == limit && total <= best.peek().total()) {
                    continue;
                }
                best.add(new Choice(row, compatibility[c], total));
                if (best.size() > limit) {
                    best.poll();
                }
            }
            List<Choice> ranked = new ArrayList<>(best);
            ranked.sort(Comparator.comparingDouble(Choice::total).reversed());
            return ranked;
        }

        boolean fitsGender(int row, Gender gender) {
            if (gender == null) {
                return true;
            }
            Gender item = served.gender(row);
            return item == gender || item == Gender.UNISEX;
        }

        /** Cosine of the user's vector and the item's embedding; 0 without a vector or for an item the model lacks. */
        double preferenceOf(int row) {
            if (user == null || preference.modelRows()[row] < 0) {
                return 0;
            }
            ServedModel model = preference.model();
            return model.score(user, preference.modelRows()[row]) * userInverseNorm * preference.inverseNorms()[row];
        }

        Built built(Integer anchor, List<Integer> rows) {
            CompatibilityModel.OutfitScore score = served.index().score(toArray(rows));
            Double mean = null;
            if (user != null) {
                double sum = 0;
                for (int row : rows) {
                    sum += preferenceOf(row);
                }
                mean = sum / rows.size();
            }
            return new Built(anchor, List.copyOf(rows), score, mean,
                    score.score() + (mean == null ? 0 : preferenceWeight * mean));
        }

        OutfitViews.Outfit view(Built built, String reason) {
            List<OutfitViews.OutfitItem> items = new ArrayList<>();
            for (int row : built.rows()) {
                RatedItem item = served.snapshot().get(row);
                items.add(new OutfitViews.OutfitItem(item.item().slot().wireName(), ItemView.of(item),
                        user == null ? null : preferenceOf(row)));
            }
            List<OutfitViews.Pair> pairs = built.score().pairs().stream()
                    .map(p -> new OutfitViews.Pair(p.first(), p.second(), p.score())).toList();
            OutfitViews.Pair weakest = built.score().weakest()
                    .map(p -> new OutfitViews.Pair(p.first(), p.second(), p.score())).orElse(null);
            return new OutfitViews.Outfit(built.anchor() == null ? null : served.index().id(built.anchor()),
                    built.anchor() == null ? null : reason, built.score().score(), built.preference(),
                    built.total(), items, pairs, weakest);
        }
    }

    private static boolean contains(int[] rows, int row) {
        for (int r : rows) {
            if (r == row) {
                return true;
            }
        }
        return false;
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
