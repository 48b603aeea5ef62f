package io.stylegraph.training.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.model.ContentProfileModel;
import io.stylegraph.training.model.ContentProfileTrainer;
import io.stylegraph.training.model.EmbeddingModel;
import io.stylegraph.training.model.HybridModel;
import io.stylegraph.training.model.RecommenderModel;
import io.stylegraph.training.model.TrainingData;
import io.stylegraph.training.model.WeightedSumModel;

/**
 * Chooses, for one trained model, the weight with which the service blends its content path into the model's scores,
 * on that run's own validation split: a weak model (few likes per user) leans on content, a strong one on itself.
 * <p>
 * The content path is rebuilt as the service scores it: per modality the mean of the liked items' unit vectors, an
 * item's score the weighted sum of its cosines ({@link WeightedSumModel} over {@link ContentProfileModel}s); the blend
 * is {@link HybridModel}'s (both sides standardized per user). Two weights are chosen, each the grid value with the
 * best validation Recall@20 (ties to the smaller weight):
 * <ul>
 *   <li>{@code known}: for users the model was trained on, scored by their trained vectors;</li>
 *   <li>{@code foldIn}: for users the model never saw, simulated by placing every user from their train likes alone
 *       ({@link EmbeddingModel#withUsersFrom}), as the service places a newcomer.</li>
 * </ul>
 * The model alone (weight 0) is evaluated beside the grid for reference but not chosen: a served weight of 0 would
 * leave items the model never saw without a way into a list. Dislikes do not enter the profiles here (the service
 * subtracts them at half weight), so the validation figures are of the likes-only path.
 */
public final class ContentBlendSelection {

    /** Blend weights tried by default: from "almost the model alone" to "mostly content". */
    public static final List<Double> DEFAULT_GRID = List.of(0.05, 0.25, 1.0, 4.0);

    /** Validation users evaluated at most, by default: a seeded sample keeps a large catalogue's run short. */
    public static final int DEFAULT_MAX_USERS = 3000;

    private final Map<String, Double> modalityWeights;
    private final List<Double> grid;
    private final int maxUsers;

    /**
     * @param modalityWeights the service's content modalities and their weights (for example visual 0.5, text 0.5);
     *                        modalities the data lacks are left out and the rest renormalized
     * @param grid            positive blend weights to choose among
     */
    public ContentBlendSelection(Map<String, Double> modalityWeights, List<Double> grid) {
        this(modalityWeights, grid, DEFAULT_MAX_USERS);
    }

    /**
     * @param maxUsers validation users evaluated at most: above it, a sample of that many (seeded, so a rerun on the
     *                 same data samples the same users); each trial scores every item for each of them
     */
    public ContentBlendSelection(Map<String, Double> modalityWeights, List<Double> grid, int maxUsers) {
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers must be positive: " + maxUsers);
        }
        this.maxUsers = maxUsers;
        if (grid.isEmpty() || grid.stream().anyMatch(w -> !(w > 0) || w.isInfinite())) {
            throw new IllegalArgumentException("blend weights must be positive and finite: " + grid);
        }
        if (modalityWeights.values().stream().anyMatch(w -> !(w >= 0) || w.isInfinite())) {
            throw new IllegalArgumentException("modality weights must be non-negative and finite: " + modalityWeights);
        }
        this.modalityWeights = Map.copyOf(modalityWeights);
        this.grid = List.copyOf(grid);
    }

    /** One evaluated setting: whose users, the weight (0: the model alone) and the validation figures. */
    public record Trial(String users, double weight, double recall20, double ndcg20) {
        /** The trial as stored in an artifact's metadata. */
        public Map<String, Object> toMetadata() {
            Map<String, Object> trial = new LinkedHashMap<>();
            trial.put("users", users);
            trial.put("weight", weight);
            trial.put("Recall@20", recall20);
            trial.put("NDCG@20", ndcg20);
            return trial;
        }
    }

    /**
     * The chosen weights, the content modalities they were chosen with, the validation users they were chosen on,
     * and every trial.
     */
    public record Choice(double knownWeight, double foldInWeight, Map<String, Double> modalities,
                         int validationUsers, List<Trial> trials) {
        /** The form stored in the artifact's metadata and read back by the service. */
        public Map<String, Object> toMetadata() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("knownUserWeight", knownWeight);
            out.put("foldInUserWeight", foldInWeight);
            out.put("modalities", modalities);
            out.put("chosenOn", "validation Recall@20");
            out.put("validationUsers", validationUsers);
            out.put("trials", trials.stream().map(Trial::toMetadata).toList());
            return out;
        }
    }

    /**
     * The weights for {@code model}, trained on {@code data} (its likes are the train split, its validation the
     * split's validation likes); empty when the data has none of the content modalities or no validation likes.
     */
    public Optional<Choice> choose(EmbeddingModel model, TrainingData data, Evaluator evaluator,
                                   Consumer<String> progress) {
        return choose(model, model.withUsersFrom(data.likes()), data, evaluator, progress);
    }

    /**
     * The weights for a served scoring that is not one embedding model alone (for example the model with an
     * item-walk blended in): {@code known} scores users by their trained vectors, {@code foldIn} places every user
     * from their train likes alone.
     */
    public Optional<Choice> choose(RecommenderModel known, RecommenderModel foldIn, TrainingData data,
                                   Evaluator evaluator, Consumer<String> progress) {
        if (data.validation().isEmpty() || data.validation().get().nnz() == 0) {
            return Optional.empty();
        }
        Optional<WeightedSumModel> content = content(data);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        InteractionMatrix train = data.likes();
        InteractionMatrix valid = sample(data.validation().get(), maxUsers);
        Map<String, Double> modalities = new LinkedHashMap<>();
        for (WeightedSumModel.Part part : content.get().parts()) {
            modalities.put(part.model().provenance().parameters().getOrDefault("modality", "?"), part.weight());
        }
        List<Trial> trials = new ArrayList<>();
        double knownWeight = best("known", known, content.get(), train, valid, evaluator, trials, progress);
        double foldInWeight = best("fold-in", foldIn, content.get(), train, valid, evaluator, trials, progress);
        return Optional.of(new Choice(knownWeight, foldInWeight, modalities, valid.usersWithInteractions(),
                List.copyOf(trials)));
    }

    private double best(String users, RecommenderModel model, RecommenderModel content, InteractionMatrix train,
                        InteractionMatrix valid, Evaluator evaluator, List<Trial> trials, Consumer<String> progress) {
        trials.add(trial(users, 0, model.scorer(), train, valid, evaluator, progress));
        double bestWeight = grid.get(0);
        double bestRecall = Double.NEGATIVE_INFINITY;
        for (double weight : grid.stream().sorted().toList()) {
            Trial trial = trial(users, weight, new HybridModel(model, content, weight).scorer(), train, valid,
                    evaluator, progress);
            trials.add(trial);
            if (trial.recall20() > bestRecall) {
                bestRecall = trial.recall20();
                bestWeight = weight;
            }
        }
        progress.accept(String.format(Locale.ROOT, "content blend for %s users: weight %s chosen", users,
                bestWeight));
        return bestWeight;
    }

    private static Trial trial(String users, double weight, io.stylegraph.training.eval.Scorer scorer,
                               InteractionMatrix train, InteractionMatrix valid, Evaluator evaluator,
                               Consumer<String> progress) {
        return trial("content", users, weight, scorer, train, valid, evaluator, progress);
    }

    /** One validation evaluation of a blend, reported as one progress line. */
    static Trial trial(String partner, String users, double weight, io.stylegraph.training.eval.Scorer scorer,
                       InteractionMatrix train, InteractionMatrix valid, Evaluator evaluator,
                       Consumer<String> progress) {
        EvaluationResult result = evaluator.evaluate(scorer, train, valid);
        Trial trial = new Trial(users, weight, result.get("Recall@20"), result.get("NDCG@20"));
        progress.accept(String.format(Locale.ROOT, "%s blend for %s users, weight %s: valid Recall@20 %.4f "
                        + "NDCG@20 %.4f", partner, users, weight == 0 ? "0 (model alone)" : weight, trial.recall20(),
                trial.ndcg20()));
        return trial;
    }

    /** The likes of at most {@code maxUsers} of the users who have any, a seeded sample when there are more. */
    static InteractionMatrix sample(InteractionMatrix likes, int maxUsers) {
        if (likes.usersWithInteractions() <= maxUsers) {
            return likes;
        }
        List<Integer> users = new ArrayList<>();
        for (int user = 0; user < likes.numUsers(); user++) {
            if (likes.degree(user) > 0) {
                users.add(user);
            }
        }
        java.util.Collections.shuffle(users, new java.util.Random(SAMPLE_SEED));
        InteractionMatrix.Builder sampled = InteractionMatrix.builder(likes.numUsers(), likes.numItems());
        for (int user : users.subList(0, maxUsers)) {
            for (int item : likes.itemsOf(user)) {
                sampled.add(user, item);
            }
        }
        return sampled.build();
    }

    private static final long SAMPLE_SEED = 20261206L;

    /** The service's content path over the data's modalities, weights renormalized over those present. */
    Optional<WeightedSumModel> content(TrainingData data) {
        ContentProfileTrainer trainer = new ContentProfileTrainer();
        List<WeightedSumModel.Part> parts = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> modality : new java.util.TreeMap<>(modalityWeights).entrySet()) {
            if (modality.getValue() <= 0) {
                continue;
            }
            Optional<ContentProfileModel> model = trainer.train(data, modality.getKey());
            if (model.isPresent()) {
                parts.add(new WeightedSumModel.Part(model.get(), modality.getValue()));
                total += modality.getValue();
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        double sum = total;
        return Optional.of(new WeightedSumModel(parts.stream()
                .map(part -> new WeightedSumModel.Part(part.model(), part.weight() / sum)).toList()));
    }
}
