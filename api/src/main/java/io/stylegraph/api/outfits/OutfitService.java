package io.stylegraph.api.outfits;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.recommendations.RecommendationService;
import io.stylegraph.api.recommendations.ServedModel;
import io.stylegraph.api.recommendations.UserTaste;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.training.job.ServableModel;
import io.stylegraph.training.outfit.CosinePreference;
import io.stylegraph.training.outfit.OutfitBuilder;
import io.stylegraph.training.outfit.OutfitTemplates;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outfit endpoints: checks the request, reads the served outfits and the shopper's taste, lets an
 * {@link OutfitBuilder} build, complete or score the outfits (the rules are there) and maps them to views.
 *
 * <p>The shopper's dislikes are the builder's exclusions, the gender their likes imply its gender, and the cosine of
 * the served recommender's user vector (fresh feedback folded in) with each item's embedding its preference,
 * weighed by {@code preference-weight}.
 */
@Singleton
public class OutfitService {
    private static final Logger LOG = LoggerFactory.getLogger(OutfitService.class);
    /** Other candidates shown per filled slot. */
    static final int ALTERNATIVES = 3;

    private final OutfitModelLifecycle models;
    private final RecommendationService recommendations;
    private final LooksRepository looks;
    private final double preferenceWeight;
    private final AtomicReference<PreferenceRows> preferenceRows = new AtomicReference<>();

    public OutfitService(OutfitModelLifecycle models, RecommendationService recommendations, LooksRepository looks,
                         OutfitConfiguration config) {
        this.models = models;
        this.recommendations = recommendations;
        this.looks = looks;
        this.preferenceWeight = config.getPreferenceWeight();
    }

    public OutfitViews.OutfitPage forUser(String userId, int k, String anchorItemId, String occasion) {
        ServedOutfits served = models.ready();
        String wantedOccasion = OutfitRequests.occasion(served, occasion);
        Integer anchor = anchorItemId == null ? null
                : OutfitRequests.anchorRow(served, anchorItemId, models::catalogueHas);
        UserTaste taste = recommendations.taste(userId);
        OutfitBuilder builder = builder(served, taste, wantedOccasion);
        List<OutfitViews.Outfit> outfits = new ArrayList<>();
        String source;
        if (anchor != null) {
            source = "anchor";
            outfits.addAll(around(served, builder, anchor, k));
        } else {
            List<Integer> liked = new ArrayList<>();
            for (String id : taste.likedNewestFirst()) {
                Integer row = served.snapshot().indexOf(id);
                if (row != null && builder.usableAnchor(row)) {
                    liked.add(row);
                }
            }
            source = "likes";
            builder.buildAround(liked, k).forEach(built -> outfits.add(view(served, builder, built, "liked")));
            if (outfits.isEmpty()) {
                source = "popular";
                builder.buildAround(builder.popularAnchors(served.snapshot().byPopularity(), k), k)
                        .forEach(built -> outfits.add(view(served, builder, built, "popular")));
            }
        }
        ServedModel model = taste.model();
        return new OutfitViews.OutfitPage(userId, source, taste.strategy(),
                model == null ? null : model.version(),
                builder.gender() == null ? null : builder.gender().wireName(),
                wantedOccasion == null ? null : served.knownOccasions().get(wantedOccasion), served.modelId(),
                outfits);
    }

    public OutfitViews.CompletedOutfit complete(OutfitViews.OutfitItems command) {
        // a malformed request is a 400 whether or not the model is loaded yet
        OutfitRequests.requireWellFormed(command.itemIds(), 1);
        if (command.userId() != null && !UserIds.valid(command.userId())) {
            throw ProblemException.badRequest("invalid-field", "userId", "userId " + UserIds.RULE);
        }
        List<Slot> requested = OutfitRequests.outfitSlots(command.slots());
        ServedOutfits served = models.ready();
        List<Integer> given = OutfitRequests.items(served, command.itemIds(), 1, models::catalogueHas);
        UserTaste taste = command.userId() == null ? null : recommendations.taste(command.userId());
        Set<Slot> present = new HashSet<>();
        given.forEach(row -> present.add(served.slot(row)));
        OutfitBuilder builder = builder(served, taste, null);
        OutfitBuilder.Completion completion = builder.complete(given,
                OutfitTemplates.slotsToFill(present, requested), ALTERNATIVES);
        List<OutfitViews.FilledSlot> filled = new ArrayList<>();
        for (OutfitBuilder.Filled slot : completion.filled()) {
            List<OutfitBuilder.Choice> choices = slot.choices();
            filled.add(choices.isEmpty() ? new OutfitViews.FilledSlot(slot.slot().wireName(), null, List.of())
                    : new OutfitViews.FilledSlot(slot.slot().wireName(), served.index().id(choices.get(0).row()),
                    choices.subList(1, choices.size()).stream().map(choice -> new OutfitViews.Alternative(
                            ItemView.of(served.snapshot().get(choice.row())), choice.total())).toList()));
        }
        return new OutfitViews.CompletedOutfit(view(served, builder, completion.outfit(), null), filled);
    }

    public OutfitViews.Outfit score(OutfitViews.OutfitItems command) {
        OutfitRequests.requireWellFormed(command.itemIds(), 2);
        ServedOutfits served = models.ready();
        List<Integer> rows = OutfitRequests.items(served, command.itemIds(), 2, models::catalogueHas);
        OutfitBuilder builder = builder(served, null, null);
        return view(served, builder, builder.outfit(null, rows), null);
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
                    photo.source(), photo.slot(), photo.hasImage() ? "/v1/looks/" + URLEncoder.encode(photo.id(),
                    StandardCharsets.UTF_8).replace("+", "%20") + "/image" : null, photo.createdAt())));
        } catch (RuntimeException graphDown) {
            LOG.debug("Looks of {} without stored outfits and photos: {}", itemId, graphDown.getMessage());
        }
        List<OutfitViews.Outfit> generated = new ArrayList<>();
        String status = "ready";
        try {
            ServedOutfits served = models.ready();
            Integer row = served.snapshot().indexOf(itemId);
            if (row != null && served.catalogue().outfitItem(row)) {
                generated.addAll(around(served, builder(served, null, null), row, k));
            }
        } catch (ProblemException notReady) {
            status = "model-not-ready";
        }
        return new OutfitViews.Looks(itemId, stored, photos, generated, status);
    }

    /** Up to k outfits around one anchor, each with items the previous ones did not use. */
    private List<OutfitViews.Outfit> around(ServedOutfits served, OutfitBuilder builder, int anchor, int k) {
        List<OutfitViews.Outfit> outfits = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            OutfitBuilder.Built built = builder.build(anchor);
            if (built == null) {
                break;
            }
            outfits.add(view(served, builder, built, "requested"));
        }
        return outfits;
    }

    /** A builder held to the shopper's dislikes, implied gender and preference (none without a taste). */
    private OutfitBuilder builder(ServedOutfits served, UserTaste taste, String occasion) {
        if (taste == null) {
            return new OutfitBuilder(served.catalogue(), new OutfitBuilder.Rules(Set.of(), null, occasion), null,
                    preferenceWeight);
        }
        Set<Integer> disliked = new HashSet<>();
        taste.rated().keySet().forEach(id -> {
            Integer row = served.snapshot().indexOf(id);
            if (row != null && taste.disliked(id)) {
                disliked.add(row);
            }
        });
        CosinePreference preference = taste.vector() == null ? null
                : new CosinePreference(taste.vector(), preferenceRows(taste.model().model(), served.snapshot()),
                taste.model().model()::score);
        return new OutfitBuilder(served.catalogue(), new OutfitBuilder.Rules(disliked, taste.impliedGender(),
                occasion), preference, preferenceWeight);
    }

    /** The served recommender's rows of the catalogue's items, for one model and one snapshot. */
    private record PreferenceRows(ServableModel model, CatalogueSnapshot snapshot, CosinePreference.Rows rows) {
    }

    private CosinePreference.Rows preferenceRows(ServableModel model, CatalogueSnapshot snapshot) {
        PreferenceRows current = preferenceRows.get();
        if (current != null && current.model() == model && current.snapshot() == snapshot) {
            return current.rows();
        }
        CosinePreference.Rows rows = CosinePreference.Rows.of(snapshot.size(),
                row -> model.itemRow(snapshot.get(row).item().id()), model::itemVector);
        preferenceRows.set(new PreferenceRows(model, snapshot, rows));
        return rows;
    }

    private static OutfitViews.Outfit view(ServedOutfits served, OutfitBuilder builder, OutfitBuilder.Built built,
                                           String reason) {
        List<OutfitViews.OutfitItem> items = new ArrayList<>();
        for (int row : built.rows()) {
            RatedItem item = served.snapshot().get(row);
            items.add(new OutfitViews.OutfitItem(item.item().slot().wireName(), ItemView.of(item),
                    builder.preference(row)));
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
