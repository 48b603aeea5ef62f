package io.stylegraph.api.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.search.ContentProfiles;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.training.job.ServableModel;
import io.stylegraph.training.job.ServedScores;
import io.stylegraph.training.model.ContentProfile;
import io.stylegraph.training.model.Standardization;

/** The lists of {@link RecommendationService} that use the content path: content alone, and model + content. */
final class ContentRanking {
    /** Candidates taken from each side of a blend, per result wanted. */
    private static final int BLEND_DEPTH = 5;

    private final ContentProfiles content;
    /** Where the content side of a blend is offered while the request's thread reads the model side; null: none. */
    private final java.util.concurrent.Executor sides;

    ContentRanking(ContentProfiles content, java.util.concurrent.Executor sides) {
        this.content = content;
        this.sides = sides;
    }

    /**
     * The content path alone: the profile's nearest items that pass the filters, fetching more while filters eat the
     * candidates.
     */
    List<Recommendation> byContent(ContentProfile profile, int k, Slot slot,
                                           Predicate<RatedItem> wanted, int hidden, CatalogueSnapshot snapshot) {
        int depth = 2 * k + hidden;
        while (true) {
            List<io.stylegraph.training.index.ScoredItem> found = content.candidates(profile, slot, depth);
            List<Recommendation> items = new ArrayList<>(k);
            for (io.stylegraph.training.index.ScoredItem candidate : found) {
                Optional<RatedItem> item = snapshot.find(candidate.itemId());
                if (item.isPresent() && wanted.test(item.get())) {
                    items.add(new Recommendation(ItemView.of(item.get()), candidate.score(),
                            contentReason(profile, candidate.itemId(), snapshot)));
                    if (items.size() == k) {
                        return items;
                    }
                }
            }
            if (found.size() < depth || depth >= snapshot.size()) {
                return items;
            }
            depth = Math.min(snapshot.size(), depth * 4);
        }
    }

    /**
     * Model and content together: each side's candidates (its best {@value #BLEND_DEPTH}·k that pass the filters)
     * scored by both, standardized per user (model over all its items, content over the sample), and ranked by
     * model + weight·content. An item without a model row or without a content vector scores 0 on that side, the
     * user's mean. The model side is the model as served ({@link ServableModel#scoreAll(float[], java.util.Collection,
     * boolean)}: with its run's item-walk from the user's likes where it chose one), read from the item graph's
     * candidates with the spread in closed form once the served model has one ({@link ServedModel#scores}). The
     * content side's search runs beside the model side's where {@link RecommendationFanOut} has a thread free.
     */
    List<Recommendation> blend(ServedModel served, float[] user, List<String> likedIds, boolean knownUser,
                               ContentProfile profile, double contentWeight, int k,
                               Slot slot, io.stylegraph.graph.domain.Gender gender, Predicate<RatedItem> wanted,
                               Map<String, Signal> rated,
                               int excluded, CatalogueSnapshot snapshot) {
        int depth = BLEND_DEPTH * k;
        record ContentSide(Standardization spread, List<String> candidates) {
        }
        // the two sides read different indexes: the content side on another core where one is free (SideWork)
        SideWork<ContentSide> contentSide = SideWork.offer(() -> new ContentSide(content.spread(profile),
                contentCandidates(profile, depth, slot, wanted, rated.size() + excluded, snapshot)), sides);
        ServableModel model = served.model();
        ServedScores scores = served.scores(user, likedIds, knownUser);
        Standardization modelSpread = scores.spread();
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>();
        for (int row : served.topRows(scores, depth, wanted, snapshot, slot, gender)) {
            candidates.add(model.itemId(row));
        }
        ContentSide side = contentSide.join();
        Standardization contentSpread = side.spread();
        candidates.addAll(side.candidates());
        record Blended(String id, double score, boolean known) {
        }
        List<Blended> blended = new ArrayList<>(candidates.size());
        for (String id : candidates) {
            Integer row = model.itemRow(id);
            double modelPart = row == null ? 0 : modelSpread.apply(scores.score(row));
            double contentScore = profile.score(id);
            double contentPart = Double.isNaN(contentScore) ? 0 : contentSpread.apply(contentScore);
            blended.add(new Blended(id, modelPart + contentWeight * contentPart, row != null));
        }
        blended.sort(java.util.Comparator.comparingDouble(Blended::score).reversed()
                .thenComparing(Blended::id));
        LikedItems liked = LikedItems.of(model, rated, snapshot);
        List<Recommendation> items = new ArrayList<>(k);
        for (Blended b : blended.subList(0, Math.min(k, blended.size()))) {
            RatedItem item = snapshot.find(b.id()).orElseThrow();
            RecommendationReason reason = b.known() && !liked.ids().isEmpty()
                    ? liked.reason(model.itemVector(model.itemRow(b.id())))
                    : contentReason(profile, b.id(), snapshot);
            items.add(new Recommendation(ItemView.of(item), (float) b.score(), reason));
        }
        return items;
    }

    /**
     * The content side of a blend: the profile's nearest items that pass the filters, at least {@code depth} of them
     * where the catalogue has them. The search first reads {@code depth} plus as many as are hidden (rated or
     * excluded), at most 2·depth: a shopper with thousands of likes would otherwise search thousands deep on every
     * request, though most hidden items are far from the profile; it reads 4 times deeper while fewer than
     * {@code depth} pass, up to {@code depth} plus every hidden item.
     */
    private List<String> contentCandidates(ContentProfile profile, int depth, Slot slot, Predicate<RatedItem> wanted,
                                           int hidden, CatalogueSnapshot snapshot) {
        int deepest = depth + hidden;
        int search = depth + Math.min(hidden, depth);
        while (true) {
            List<io.stylegraph.training.index.ScoredItem> found = content.candidates(profile, slot, search);
            List<String> passed = new ArrayList<>(found.size());
            for (io.stylegraph.training.index.ScoredItem candidate : found) {
                Optional<RatedItem> item = snapshot.find(candidate.itemId());
                if (item.isPresent() && wanted.test(item.get())) {
                    passed.add(candidate.itemId());
                }
            }
            if (passed.size() >= depth || found.size() < search || search >= deepest) {
                return passed;
            }
            search = (int) Math.min(deepest, 4L * search);
        }
    }

    private RecommendationReason contentReason(ContentProfile profile, String itemId,
                                               CatalogueSnapshot snapshot) {
        return profile.closestLiked(itemId)
                .map(closest -> RecommendationReason.similarToLiked(closest.likedItemId(),
                        snapshot.find(closest.likedItemId()).map(item -> item.item().title()).orElse(null),
                        (float) closest.similarity()))
                .orElse(RecommendationReason.tasteProfile());
    }
}
