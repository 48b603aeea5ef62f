package io.stylegraph.api.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.micronaut.context.annotation.Value;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.feedback.UserOpinions;
import io.stylegraph.api.search.ContentProfiles;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.training.job.ServableModel;
import io.stylegraph.training.job.ServedScores;
import io.stylegraph.training.model.ContentProfile;
import io.stylegraph.training.model.ImpliedGender;
import io.stylegraph.training.model.ListDiversity;
import jakarta.inject.Singleton;

/**
 * Ranks the catalogue for a user with the served model. A like given after training moves the user's vector at once
 * (fold-in: the mean of the liked items' embeddings is added, the mean of disliked ones subtracted), so the next list
 * reflects it without waiting for retraining. Rated items (liked and disliked) are never recommended.
 * <p>
 * Filters (slot, category, gender, the client's exclude list) apply before the top k is taken, so a filtered list
 * still has k items when k match.
 * <p>
 * <b>Gender.</b> A requested gender holds the list to items of that gender or unisex. Without one, the user's likes
 * imply a gender ({@link ImpliedGender}: at least two gendered likes, 70 % of them one gender); the list is then held
 * to that gender or unisex. The request's gender wins.
 * <p>
 * <b>Popular lists</b> (no model, or no like to place the user by) are most-liked first but spread over outfit
 * slots: round-robin, each round takes the next most-liked remaining item of every slot that still has one, slots in
 * the order of their most-liked item. Ties in popularity break by fewer dislikes, then item id, so the list is
 * deterministic.
 * <p>
 * Each result carries a reason: for the model strategies the liked item it is closest to (cosine similarity of the
 * served item embeddings), for the content strategy the liked item closest in content, for popular lists
 * {@code popular}.
 * <p>
 * <b>Content.</b> Without a model that can place the user, a user with at least one like whose item has a content
 * vector gets the content path ({@link ContentProfiles}: strategy {@code content}), so a fresh catalogue is
 * personal from the first like. With a model, the content scores are blended in (each side standardized per user;
 * strategy gets {@code +content}) with the weight the model's training run chose on its validation split, one for users
 * it was trained on and one for users it places by fold-in ({@link ServableModel#contentWeight}); for a model without
 * one, {@code stylegraph.recommendations.content-weight}. Items the model never saw (new items) compete through their
 * content, known ones through both.
 */
@Singleton
public class RecommendationService {
    /** Ranked results looked at per result wanted when the per-category cap is on. */
    static final int DIVERSITY_DEPTH = 4;
    /** Ranked results MMR chooses among, per result wanted ... */
    static final int MMR_DEPTH = 10;
    /** ... but at most this many beyond the list's length. */
    static final int MMR_MAX_EXTRA = 400;
    /** How the diversity steps read a recommendation. */
    private static final ListDiversity.Fields<Recommendation> DIVERSITY_FIELDS = new ListDiversity.Fields<>(
            r -> r.item().id(), r -> r.item().category(), Recommendation::score);

    private final ServedModelHolder models;
    private final CatalogueCache catalogue;
    private final UserOpinions opinions;
    private final ContentProfiles content;
    private final ContentRanking contentRanking;
    private final double foldInWeight;
    private final double contentWeight;
    private final int maxPerCategory;
    private final double mmrLambda;

    public RecommendationService(ServedModelHolder models, CatalogueCache catalogue, UserOpinions opinions,
                                 ContentProfiles content, RecommendationFanOut fanOut,
                                 @Value("${stylegraph.recommendations.fold-in-weight:1.0}") double foldInWeight,
                                 @Value("${stylegraph.recommendations.content-weight:0.05}") double contentWeight,
                                 @Value("${stylegraph.recommendations.diversity.max-per-category:0}")
                                 int maxPerCategory,
                                 @Value("${stylegraph.recommendations.diversity.mmr-lambda:0}") double mmrLambda) {
        if (!(mmrLambda >= 0 && mmrLambda <= 1)) {
            throw new IllegalArgumentException("stylegraph.recommendations.diversity.mmr-lambda must be in [0, 1]: "
                    + mmrLambda);
        }
        this.models = models;
        this.catalogue = catalogue;
        this.opinions = opinions;
        this.content = content;
        this.contentRanking = new ContentRanking(content, fanOut.executor());
        this.foldInWeight = foldInWeight;
        this.contentWeight = contentWeight;
        this.maxPerCategory = maxPerCategory;
        this.mmrLambda = mmrLambda;
    }

    /**
     * @param category matched case-insensitively against the item's category; null for any
     * @param exclude  item ids the client already shows; never returned
     */
    public RecommendationPage recommend(String userId, int k, Slot slot, String category, Gender gender,
                                        Set<String> exclude) {
        return recommend(userId, k, slot, category, gender, exclude, null, null);
    }

    /**
     * @param perCategory the most results of one category for this list (0 turns the cap off); null for the
     *                    configured {@code stylegraph.recommendations.diversity.max-per-category}
     * @param diversity   the MMR trade-off λ in [0, 1] for this list (0 turns it off, see {@link ListDiversity});
     *                    null for the configured {@code stylegraph.recommendations.diversity.mmr-lambda}
     */
    public RecommendationPage recommend(String userId, int k, Slot slot, String category, Gender gender,
                                        Set<String> exclude, Integer perCategory, Double diversity) {
        int cap = perCategory == null ? maxPerCategory : perCategory;
        double lambda = diversity == null ? mmrLambda : diversity;
        CatalogueSnapshot snapshot = catalogue.snapshot();
        UserTaste taste = taste(userId);
        Map<String, Signal> rated = taste.rated();

        Gender heldTo = gender;
        String genderSource = gender == null ? null : "request";
        if (gender == null) {
            heldTo = taste.impliedGender();
            genderSource = heldTo == null ? null : "likes";
        }
        Predicate<RatedItem> wanted = filter(slot, category, heldTo, exclude, rated);
        String genderName = heldTo == null ? null : heldTo.wireName();

        boolean likes = rated.containsValue(Signal.LIKE);
        double weight = taste.vector() == null ? 0 : contentWeight(taste);
        Optional<ContentProfile> profile = likes && (taste.vector() == null || weight > 0)
                ? content.profile(rated) : Optional.empty();
        int fetch = lambda > 0 ? Math.min(k * MMR_DEPTH, k + MMR_MAX_EXTRA) : cap > 0 ? k * DIVERSITY_DEPTH : k;
        Diversity diversify = new Diversity(k, cap, lambda);
        if (taste.vector() != null) {
            ServedModel model = taste.model();
            if (profile.isPresent() && weight > 0) {
                return new RecommendationPage(userId, model.version(), taste.strategy() + "+content", genderName,
                        genderSource, diversify.apply(contentRanking.blend(model, taste.vector(),
                        taste.likedNewestFirst(), knownUser(taste), profile.get(), weight, fetch, slot, heldTo,
                        wanted, rated, exclude.size(), snapshot)));
            }
            return new RecommendationPage(userId, model.version(), taste.strategy(), genderName, genderSource,
                    diversify.apply(rank(model, taste.vector(), taste.likedNewestFirst(), knownUser(taste), fetch,
                            slot, heldTo, wanted, rated, snapshot)));
        }
        if (profile.isPresent()) {
            return new RecommendationPage(userId, taste.model() == null ? null : taste.model().version(), "content",
                    genderName, genderSource, diversify.apply(contentRanking.byContent(profile.get(), fetch, slot, wanted,
                    rated.size() + exclude.size(), snapshot)));
        }
        return new RecommendationPage(userId, taste.model() == null ? null : taste.model().version(), "popular",
                genderName, genderSource, PopularItems.list(snapshot, k, wanted));
    }

    /**
     * The content weight of the user's blend: the one the served model's training run chose on validation for users
     * like this one (trained on, or placed by fold-in), else {@code stylegraph.recommendations.content-weight}.
     */
    private double contentWeight(UserTaste taste) {
        return taste.model().model().contentWeight(knownUser(taste)).orElse(contentWeight);
    }

    /** Whether the served model has a trained row for the user (else it places them by fold-in). */
    private static boolean knownUser(UserTaste taste) {
        return !taste.strategy().startsWith("fold-in");
    }

    /** The diversity steps of one list: MMR over the items' content vectors, then the per-category cap. */
    private final class Diversity {
        private final int k;
        private final int cap;
        private final double lambda;

        Diversity(int k, int cap, double lambda) {
            this.k = k;
            this.cap = cap;
            this.lambda = lambda;
        }

        List<Recommendation> apply(List<Recommendation> ranked) {
            java.util.function.ToDoubleBiFunction<String, String> similarity = lambda > 0
                    ? content.pairwise(ranked.stream().map(r -> r.item().id()).toList()) : (a, b) -> 0;
            return ListDiversity.diversify(ranked, k, cap, lambda, DIVERSITY_FIELDS, similarity);
        }
    }

    /** The user's opinions, implied gender and, where the served model can place the user, preference vector. */
    public UserTaste taste(String userId) {
        UserOpinions.Opinions opinions = this.opinions.of(userId);
        Map<String, Signal> recent = opinions.logged();
        Map<String, Signal> rated = opinions.rated();
        List<String> liked = new ArrayList<>();
        recent.forEach((id, signal) -> {
            if (signal == Signal.LIKE) {
                liked.add(id);
            }
        });
        rated.entrySet().stream()
                .filter(opinion -> opinion.getValue() == Signal.LIKE && !recent.containsKey(opinion.getKey()))
                .map(Map.Entry::getKey).sorted().forEach(liked::add);
        CatalogueSnapshot snapshot = catalogue.snapshot();
        Gender implied = ImpliedGender.of(rated,
                id -> snapshot.find(id).map(item -> item.item().gender()).orElse(null));

        Optional<ServedModel> served = models.current();
        if (served.isPresent()) {
            ServableModel model = served.get().model();
            float[] trained = model.userVector(userId);
            // a known user's trained vector already reflects what it was trained on: fold in the log's opinions only
            Map<String, Signal> foldIn = trained == null ? rated : recent;
            float[] vector = model.foldIn(trained, foldIn, foldInWeight);
            if (vector != null) {
                String strategy = trained == null ? "fold-in" : foldIn.isEmpty() ? "model" : "model+fold-in";
                return new UserTaste(rated, liked, implied, served.get(), vector, strategy);
            }
        }
        return new UserTaste(rated, liked, implied, served.orElse(null), null, "popular");
    }

    private static Predicate<RatedItem> filter(Slot slot, String category, Gender gender, Set<String> exclude,
                                               Map<String, Signal> rated) {
        String wantedCategory = category == null ? null : category.toLowerCase(Locale.ROOT);
        return item -> {
            String id = item.item().id();
            if (rated.containsKey(id) || exclude.contains(id)) {
                return false;
            }
            if (slot != null && item.item().slot() != slot) {
                return false;
            }
            if (wantedCategory != null && (item.item().category() == null
                    || !item.item().category().toLowerCase(Locale.ROOT).equals(wantedCategory))) {
                return false;
            }
            return gender == null || item.item().gender() == gender || item.item().gender() == Gender.UNISEX;
        };
    }

    private List<Recommendation> rank(ServedModel served, float[] user, List<String> liked, boolean knownUser, int k,
                                      Slot slot, Gender gender, Predicate<RatedItem> wanted,
                                      Map<String, Signal> rated, CatalogueSnapshot snapshot) {
        ServableModel model = served.model();
        ServedScores scores = served.scores(user, liked, knownUser);
        LikedItems closest = LikedItems.of(model, rated, snapshot);
        List<Recommendation> items = new ArrayList<>(k);
        for (int row : served.topRows(scores, k, wanted, snapshot, slot, gender)) {
            items.add(new Recommendation(ItemView.of(snapshot.find(model.itemId(row)).orElseThrow()),
                    (float) scores.score(row), closest.reason(model.itemVector(row))));
        }
        return items;
    }
}
