package io.stylegraph.api.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import io.micronaut.context.annotation.Value;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.feedback.FeedbackLog;
import io.stylegraph.api.infra.GraphCircuit;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.FeedbackProjection;
import io.stylegraph.graph.repository.RatedItem;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks the catalogue for a user with the served model. A like given after training moves the user's vector at once
 * (fold-in: the mean of the liked items' embeddings is added, the mean of disliked ones subtracted), so the next list
 * reflects it without waiting for retraining. Rated items are never recommended.
 */
@Singleton
public class RecommendationService {
    private static final Logger LOG = LoggerFactory.getLogger(RecommendationService.class);

    private final ServedModelHolder models;
    private final CatalogueCache catalogue;
    private final FeedbackLog log;
    private final FeedbackProjection graph;
    private final GraphCircuit circuit;
    private final double foldInWeight;

    public RecommendationService(ServedModelHolder models, CatalogueCache catalogue, FeedbackLog log,
                                 FeedbackProjection graph, GraphCircuit circuit,
                                 @Value("${stylegraph.recommendations.fold-in-weight:1.0}") double foldInWeight) {
        this.models = models;
        this.catalogue = catalogue;
        this.log = log;
        this.graph = graph;
        this.circuit = circuit;
        this.foldInWeight = foldInWeight;
    }

    public RecommendationPage recommend(String userId, int k, Slot slot, Gender gender) {
        CatalogueSnapshot snapshot = catalogue.snapshot();
        Map<String, Signal> history = graphOpinions(userId);
        Map<String, Signal> recent = new HashMap<>();
        log.currentOpinions(userId, Integer.MAX_VALUE, 0).forEach(event -> {
            if ("item".equals(event.targetType())) {
                recent.put(event.targetId(), "like".equals(event.signal()) ? Signal.LIKE : Signal.DISLIKE);
            }
        });
        Map<String, Signal> rated = new HashMap<>(history);
        rated.putAll(recent);

        Optional<ServedModel> served = models.current();
        if (served.isPresent()) {
            ServedModel model = served.get();
            float[] trained = model.userVector(userId);
            // a known user's trained vector already reflects what it was trained on: fold in the log's opinions only
            Map<String, Signal> foldIn = trained == null ? rated : recent;
            float[] vector = foldIn(model, trained, foldIn);
            if (vector != null) {
                String strategy = trained == null ? "fold-in" : foldIn.isEmpty() ? "model" : "model+fold-in";
                return new RecommendationPage(userId, model.version(), strategy,
                        rank(model, vector, k, slot, gender, rated, snapshot));
            }
        }
        return new RecommendationPage(userId, served.map(ServedModel::version).orElse(null), "popular",
                popular(snapshot, k, slot, gender, rated));
    }

    private Map<String, Signal> graphOpinions(String userId) {
        if (!circuit.allowsCalls()) {
            return Map.of();
        }
        try {
            Map<String, Signal> opinions = graph.itemOpinions(userId);
            circuit.recordSuccess();
            return opinions;
        } catch (RuntimeException e) {
            circuit.recordFailure();
            LOG.debug("Recommendations for {} without graph history: {}", userId, e.getMessage());
            return Map.of();
        }
    }

    private float[] foldIn(ServedModel model, float[] trained, Map<String, Signal> opinions) {
        int d = model.dimension();
        float[] liked = new float[d];
        float[] disliked = new float[d];
        int likes = 0;
        int dislikes = 0;
        for (Map.Entry<String, Signal> opinion : opinions.entrySet()) {
            Integer row = model.itemRow(opinion.getKey());
            if (row == null) {
                continue;
            }
            float[] item = model.itemVector(row);
            boolean like = opinion.getValue() == Signal.LIKE;
            float[] target = like ? liked : disliked;
            for (int j = 0; j < d; j++) {
                target[j] += item[j];
            }
            if (like) {
                likes++;
            } else {
                dislikes++;
            }
        }
        if (trained == null && likes == 0) {
            return null;
        }
        float[] vector = trained == null ? new float[d] : trained.clone();
        for (int j = 0; j < d; j++) {
            if (likes > 0) {
                vector[j] += (float) (foldInWeight * liked[j] / likes);
            }
            if (dislikes > 0) {
                vector[j] -= (float) (foldInWeight * disliked[j] / dislikes);
            }
        }
        return vector;
    }

    private List<Recommendation> rank(ServedModel model, float[] user, int k, Slot slot, Gender gender,
                                      Map<String, Signal> rated, CatalogueSnapshot snapshot) {
        record Scored(int row, float score) {
        }
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.score(), b.score()));
        for (int row = 0; row < model.numItems(); row++) {
            float score = model.score(user, row);
            if (best.size() == k && score <= best.peek().score()) {
                continue;
            }
            String itemId = model.itemId(row);
            if (rated.containsKey(itemId)) {
                continue;
            }
            Optional<RatedItem> item = snapshot.find(itemId);
            if (item.isEmpty() || !matches(item.get(), slot, gender)) {
                continue;
            }
            best.add(new Scored(row, score));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Recommendation> ranked = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            Scored scored = best.poll();
            ranked.add(0, new Recommendation(ItemView.of(snapshot.find(model.itemId(scored.row())).orElseThrow()),
                    scored.score()));
        }
        return ranked;
    }

    private static List<Recommendation> popular(CatalogueSnapshot snapshot, int k, Slot slot, Gender gender,
                                                Map<String, Signal> rated) {
        List<Recommendation> items = new ArrayList<>(k);
        for (int index : snapshot.byPopularity()) {
            RatedItem item = snapshot.get(index);
            if (!rated.containsKey(item.item().id()) && matches(item, slot, gender)) {
                items.add(new Recommendation(ItemView.of(item), null));
                if (items.size() == k) {
                    break;
                }
            }
        }
        return items;
    }

    private static boolean matches(RatedItem item, Slot slot, Gender gender) {
        return (slot == null || item.item().slot() == slot) && (gender == null || item.item().gender() == gender);
    }
}
