package io.stylegraph.training.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.model.EmbeddingModel;
import io.stylegraph.training.model.HybridModel;
import io.stylegraph.training.model.ItemKnnModel;
import io.stylegraph.training.model.ItemWalkTrainer;
import io.stylegraph.training.model.RecommenderModel;
import io.stylegraph.training.model.TrainingData;

/**
 * Chooses, for one trained model, whether and how much of an item-walk ({@link ItemWalkTrainer}: items liked by the
 * same users) the service blends into the model's scores, on that run's own validation split. An embedding model
 * blurs which items were liked together; the walk remembers it, and on amazon-clothing the blend of the two beat
 * either (see {@code reports/evaluate-amazon-clothing.md}). Unlike the content path, the walk is optional: where the
 * model alone validates best, the chosen weight is 0 and the artifact carries no walk.
 * <p>
 * The blend is {@link HybridModel}'s (both sides standardized per user, model + weight·walk); every like counts the
 * same, as the service knows the order of a user's older likes only from the graph. Two weights are chosen as
 * {@link ContentBlendSelection} chooses its own: for users the model was trained on, and for users placed by fold-in.
 */
public final class WalkBlendSelection {

    /** Walk weights tried by default beside the model alone. */
    public static final List<Double> DEFAULT_GRID = List.of(0.05, 0.1, 0.2, 0.4);

    /** Neighbours kept per item by default: 200 measured the same as 1,000 on amazon-clothing, 50 a little lower. */
    public static final int DEFAULT_K = 200;

    private final int k;
    private final List<Double> grid;
    private final int maxUsers;

    public WalkBlendSelection(int k, List<Double> grid) {
        this(k, grid, ContentBlendSelection.DEFAULT_MAX_USERS);
    }

    /**
     * @param k        neighbours kept per item by the walk
     * @param grid     positive walk weights to choose among (beside 0, the model alone)
     * @param maxUsers validation users evaluated at most (a seeded sample above it)
     */
    public WalkBlendSelection(int k, List<Double> grid, int maxUsers) {
        if (k < 1 || maxUsers < 1) {
            throw new IllegalArgumentException("k and maxUsers must be positive: " + k + ", " + maxUsers);
        }
        if (grid.isEmpty() || grid.stream().anyMatch(w -> !(w > 0) || w.isInfinite())) {
            throw new IllegalArgumentException("walk weights must be positive and finite: " + grid);
        }
        this.k = k;
        this.grid = grid.stream().sorted().toList();
        this.maxUsers = maxUsers;
    }

    /** The chosen weights (0: the model alone), the walk they were chosen for, and every trial. */
    public record Choice(ItemKnnModel walk, double knownWeight, double foldInWeight, int validationUsers,
                         List<ContentBlendSelection.Trial> trials) {

        /** Whether any kind of user is served the walk. */
        public boolean used() {
            return knownWeight > 0 || foldInWeight > 0;
        }

        /** The model as served to users it was trained on: with the walk at its weight, or alone. */
        public RecommenderModel known(EmbeddingModel model) {
            return knownWeight > 0 ? new HybridModel(model, walk, knownWeight) : model;
        }

        /** The model as served to users it places by fold-in from {@code likes}. */
        public RecommenderModel foldIn(EmbeddingModel model, InteractionMatrix likes) {
            EmbeddingModel placed = model.withUsersFrom(likes);
            return foldInWeight > 0 ? new HybridModel(placed, walk, foldInWeight) : placed;
        }

        /** The form stored in the artifact's metadata and read back by the service. */
        public Map<String, Object> toMetadata() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("knownUserWeight", knownWeight);
            out.put("foldInUserWeight", foldInWeight);
            out.put("parameters", walk.provenance().parameters());
            out.put("neighbours", walk.table().size());
            out.put("chosenOn", "validation Recall@20");
            out.put("validationUsers", validationUsers);
            out.put("trials", trials.stream().map(t -> {
                Map<String, Object> trial = new LinkedHashMap<>();
                trial.put("users", t.users());
                trial.put("weight", t.weight());
                trial.put("Recall@20", t.recall20());
                trial.put("NDCG@20", t.ndcg20());
                return trial;
            }).toList());
            return out;
        }
    }

    /** The weights for {@code model}, trained on {@code data}; empty when the data has no validation likes. */
    public Optional<Choice> choose(EmbeddingModel model, TrainingData data, Evaluator evaluator,
                                   Consumer<String> progress) {
        if (data.validation().isEmpty() || data.validation().get().nnz() == 0) {
            return Optional.empty();
        }
        ItemKnnModel walk = new ItemWalkTrainer(k, 0).train(data);
        progress.accept(String.format(Locale.ROOT, "item-walk: %d neighbours over %d items (at most %d each)",
                walk.table().size(), walk.numItems(), k));
        InteractionMatrix train = data.likes();
        InteractionMatrix valid = ContentBlendSelection.sample(data.validation().get(), maxUsers);
        List<ContentBlendSelection.Trial> trials = new ArrayList<>();
        double known = best("known", model, walk, train, valid, evaluator, trials, progress);
        double foldIn = best("fold-in", model.withUsersFrom(train), walk, train, valid, evaluator, trials, progress);
        return Optional.of(new Choice(walk, known, foldIn, valid.usersWithInteractions(), List.copyOf(trials)));
    }

    private double best(String users, RecommenderModel model, ItemKnnModel walk, InteractionMatrix train,
                        InteractionMatrix valid, Evaluator evaluator, List<ContentBlendSelection.Trial> trials,
                        Consumer<String> progress) {
        ContentBlendSelection.Trial alone = ContentBlendSelection.trial("item-walk", users, 0, model.scorer(), train,
                valid, evaluator, progress);
        trials.add(alone);
        double bestWeight = 0;
        double bestRecall = alone.recall20();
        for (double weight : grid) {
            ContentBlendSelection.Trial trial = ContentBlendSelection.trial("item-walk", users, weight,
                    new HybridModel(model, walk, weight).scorer(), train, valid, evaluator, progress);
            trials.add(trial);
            if (trial.recall20() > bestRecall) {
                bestRecall = trial.recall20();
                bestWeight = weight;
            }
        }
        progress.accept(String.format(Locale.ROOT, "item-walk blend for %s users: weight %s chosen", users,
                bestWeight == 0 ? "0 (model alone)" : bestWeight));
        return bestWeight;
    }
}
