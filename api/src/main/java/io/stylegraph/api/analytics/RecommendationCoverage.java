package io.stylegraph.api.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.recommendations.Recommendation;
import io.stylegraph.api.recommendations.RecommendationPage;
import io.stylegraph.api.recommendations.RecommendationService;
import io.stylegraph.api.recommendations.ServedModel;
import io.stylegraph.api.recommendations.ServedModelHolder;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.RatedItem;
import jakarta.inject.Singleton;

/**
 * How much of the catalogue the active recommender shows shoppers: the share of catalogue items that appear in the
 * top {@code k} of a sample of the model's users. Each list is the one the recommendations endpoint would answer now
 * (the same service: fresh feedback folded in, rated items left out, the gender the likes imply), without filters.
 */
@Singleton
public class RecommendationCoverage {
    /** How many of the most often recommended items the answer lists. */
    static final int MOST_RECOMMENDED = 10;

    private final ServedModelHolder models;
    private final RecommendationService recommendations;
    private final CatalogueCache catalogue;

    public RecommendationCoverage(ServedModelHolder models, RecommendationService recommendations,
                                  CatalogueCache catalogue) {
        this.models = models;
        this.recommendations = recommendations;
        this.catalogue = catalogue;
    }

    /**
     * @param k     list length per user
     * @param users how many of the model's users to sample (all when it has fewer)
     * @param seed  the sample is the model's users shuffled with this seed, so a repeat sees the same users
     */
    public Coverage measure(int k, int users, long seed) {
        ServedModel model = models.current().orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                "no-active-model", null, "No recommender model is active: train one (POST /v1/training/runs) or "
                + "promote one first"));
        List<String> userIds = new ArrayList<>(model.model().userIds());
        Collections.shuffle(userIds, new Random(seed));
        List<String> sample = userIds.subList(0, Math.min(users, userIds.size()));

        Map<String, Integer> timesRecommended = new HashMap<>();
        Map<String, ItemView> items = new HashMap<>();
        Map<String, Integer> strategies = new TreeMap<>();
        for (String userId : sample) {
            RecommendationPage page = recommendations.recommend(userId, k, null, null, null, Set.of());
            strategies.merge(page.strategy(), 1, Integer::sum);
            for (Recommendation recommendation : page.items()) {
                timesRecommended.merge(recommendation.item().id(), 1, Integer::sum);
                items.putIfAbsent(recommendation.item().id(), recommendation.item());
            }
        }

        CatalogueSnapshot snapshot = catalogue.snapshot();
        Map<Slot, int[]> bySlot = new EnumMap<>(Slot.class);
        Set<String> recommendedInCatalogue = new HashSet<>();
        for (RatedItem rated : snapshot.items()) {
            int[] counts = bySlot.computeIfAbsent(rated.item().slot(), slot -> new int[2]);
            counts[0]++;
            if (timesRecommended.containsKey(rated.item().id())) {
                counts[1]++;
                recommendedInCatalogue.add(rated.item().id());
            }
        }
        List<SlotCoverage> slots = new ArrayList<>();
        bySlot.forEach((slot, counts) -> slots.add(new SlotCoverage(slot.wireName(), counts[0], counts[1],
                share(counts[1], counts[0]))));
        List<MostRecommended> most = timesRecommended.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MOST_RECOMMENDED)
                .map(entry -> new MostRecommended(entry.getKey(), items.get(entry.getKey()).title(),
                        items.get(entry.getKey()).slot(), entry.getValue()))
                .toList();
        return new Coverage(model.version(), k, sample.size(), seed, snapshot.size(), recommendedInCatalogue.size(),
                share(recommendedInCatalogue.size(), snapshot.size()), strategies, slots, most);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * {@code coverage}: {@code recommendedItems} / {@code catalogueItems}. {@code strategies}: how many sampled users
     * got each kind of list ({@code model}, {@code model+fold-in}, ...).
     */
    @Serdeable
    public record Coverage(long modelVersion, int k, int sampledUsers, long seed, int catalogueItems,
                           int recommendedItems, double coverage, Map<String, Integer> strategies,
                           List<SlotCoverage> slots, List<MostRecommended> mostRecommended) {
    }

    @Serdeable
    public record SlotCoverage(String slot, int catalogueItems, int recommendedItems, double coverage) {
    }

    /** An item and in how many of the sampled users' lists it appeared. */
    @Serdeable
    public record MostRecommended(String itemId, @Nullable String title, String slot, int users) {
    }
}
