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
import io.stylegraph.training.model.ItemNeighbourTable;
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

    /** Powers of the walk's per-user scores tried by default ({@link ItemKnnModel#withExponent}). */
    public static final List<Double> DEFAULT_EXPONENTS = List.of(1.0, 0.5, 0.25);

    /** Neighbours kept per item by default: 200 measured the same as 1,000 on amazon-clothing, 50 a little lower. */
    public static final int DEFAULT_K = 200;

    /**
     * Lookalikes an item no walk reaches takes its walk scores from by default ({@link ItemKnnModel#withLookalikes}):
     * on amazon-clothing's validation split, 10 by the FREEDOM model's item embeddings kept the blend's Recall@20
     * (0.0744 against 0.0745 without) and brought the items nobody had liked back from 0 to the model's own 0.0287.
     */
    public static final int DEFAULT_LOOKALIKES = 10;

    /**
     * Walk entries a user's scores read at most by default ({@link ItemNeighbourTable#depth}): 200 likes of full rows
     * of {@link #DEFAULT_K}. Every amazon-clothing shopper (136 likes at most) walks as without it; at 230k items a
     * shopper with 2,000 likes reads each like's 20 strongest neighbours instead of walking to 100,000 items on every
     * request.
     */
    public static final int DEFAULT_BUDGET = 40_000;

    private final int k;
    private final int lookalikes;
    private final int budget;
    private final List<Double> grid;
    private final List<Double> exponents;
    private final int maxUsers;

    public WalkBlendSelection(int k, List<Double> grid) {
        this(k, grid, List.of(1.0), ContentBlendSelection.DEFAULT_MAX_USERS);
    }

    public WalkBlendSelection(int k, List<Double> grid, List<Double> exponents) {
        this(k, grid, exponents, ContentBlendSelection.DEFAULT_MAX_USERS);
    }

    /**
     * @param k         neighbours kept per item by the walk
     * @param grid      positive walk weights to choose among (beside 0, the model alone)
     * @param exponents powers in (0, 1] of the walk's per-user scores, each tried with each weight
     * @param maxUsers  validation users evaluated at most (a seeded sample above it)
     */
    public WalkBlendSelection(int k, List<Double> grid, List<Double> exponents, int maxUsers) {
        this(k, grid, exponents, maxUsers, DEFAULT_LOOKALIKES, DEFAULT_BUDGET);
    }

    private WalkBlendSelection(int k, List<Double> grid, List<Double> exponents, int maxUsers, int lookalikes,
                               int budget) {
        if (k < 1 || maxUsers < 1) {
            throw new IllegalArgumentException("k and maxUsers must be positive: " + k + ", " + maxUsers);
        }
        if (grid.isEmpty() || grid.stream().anyMatch(w -> !(w > 0) || w.isInfinite())) {
            throw new IllegalArgumentException("walk weights must be positive and finite: " + grid);
        }
        if (exponents.isEmpty()) {
            throw new IllegalArgumentException("at least one exponent is needed");
        }
        exponents.forEach(ItemNeighbourTable::checkExponent);
        this.k = k;
        this.grid = grid.stream().sorted().toList();
        this.exponents = List.copyOf(exponents);
        this.maxUsers = maxUsers;
        this.lookalikes = lookalikes;
        this.budget = budget;
    }

    /**
     * Each item no walk reaches (nobody liked it together with another item, as a new arrival) takes its walk scores
     * from its {@code count} nearest reached items by the trained model's item embeddings; 0 leaves such items to the
     * walk's prior, which a blend ranks below everything the walk reaches.
     */
    public WalkBlendSelection withLookalikes(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("lookalikes must be 0 or more: " + count);
        }
        return new WalkBlendSelection(k, grid, exponents, maxUsers, count, budget);
    }

    /**
     * Each user's walk reads at most {@code entries} neighbours over all their likes, each like's strongest ({@link
     * ItemNeighbourTable#depth}), in the choice as in the service; {@link ItemNeighbourTable#UNBOUNDED} reads all.
     */
    public WalkBlendSelection withBudget(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("walk budget must be positive: " + entries);
        }
        return new WalkBlendSelection(k, grid, exponents, maxUsers, lookalikes, entries);
    }

    /** One choice for one kind of user: the walk's weight (0: the model alone) and the power of its scores. */
    public record Setting(double weight, double exponent) {
    }

    /** The chosen settings, the walk they were chosen for, and every trial. */
    public record Choice(ItemKnnModel walk, Setting knownUsers, Setting foldInUsers, int validationUsers,
                         List<Trial> trials) {

        public double knownWeight() {
            return knownUsers.weight();
        }

        public double foldInWeight() {
            return foldInUsers.weight();
        }

        /** Whether any kind of user is served the walk. */
        public boolean used() {
            return knownWeight() > 0 || foldInWeight() > 0;
        }

        /** The model as served to users it was trained on: with the walk at its weight, or alone. */
        public RecommenderModel known(EmbeddingModel model) {
            return knownWeight() > 0
                    ? new HybridModel(model, walk.withExponent(knownUsers.exponent()), knownWeight()) : model;
        }

        /** The model as served to users it places by fold-in from {@code likes}. */
        public RecommenderModel foldIn(EmbeddingModel model, InteractionMatrix likes) {
            EmbeddingModel placed = model.withUsersFrom(likes);
            return foldInWeight() > 0
                    ? new HybridModel(placed, walk.withExponent(foldInUsers.exponent()), foldInWeight()) : placed;
        }

        /** The form stored in the artifact's metadata and read back by the service. */
        public Map<String, Object> toMetadata() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("knownUserWeight", knownUsers.weight());
            out.put("knownUserExponent", knownUsers.exponent());
            out.put("foldInUserWeight", foldInUsers.weight());
            out.put("foldInUserExponent", foldInUsers.exponent());
            out.put("budget", walk.budget());
            out.put("parameters", walk.provenance().parameters());
            out.put("neighbours", walk.table().size());
            out.put("chosenOn", "validation Recall@20");
            out.put("validationUsers", validationUsers);
            out.put("trials", trials.stream().map(Trial::toMetadata).toList());
            return out;
        }
    }

    /** The weights for {@code model}, trained on {@code data}; empty when the data has no validation likes. */
    public Optional<Choice> choose(EmbeddingModel model, TrainingData data, Evaluator evaluator,
                                   Consumer<String> progress) {
        if (data.validation().isEmpty() || data.validation().get().nnz() == 0) {
            return Optional.empty();
        }
        ItemKnnModel walk = new ItemWalkTrainer(k, 0).train(data).withBudget(budget);
        progress.accept(String.format(Locale.ROOT, "item-walk: %d neighbours over %d items (at most %d each, %s"
                        + " read per user)", walk.table().size(), walk.numItems(), k,
                budget == ItemNeighbourTable.UNBOUNDED ? "all" : "at most " + budget));
        if (lookalikes > 0) {
            walk = walk.withLookalikes(model.itemEmbeddings(), model.dimension(), lookalikes);
            progress.accept("item-walk: " + walk.provenance().parameters().get("lookalikes")
                    + " by the model's item embeddings");
        }
        InteractionMatrix train = data.likes();
        InteractionMatrix valid = ContentBlendSelection.sample(data.validation().get(), maxUsers);
        List<Trial> trials = new ArrayList<>();
        Setting known = best("known", model, walk, train, valid, evaluator, trials, progress);
        Setting foldIn = best("fold-in", model.withUsersFrom(train), walk, train, valid, evaluator, trials,
                progress);
        return Optional.of(new Choice(walk, known, foldIn, valid.usersWithInteractions(), List.copyOf(trials)));
    }

    /** One evaluated setting on validation; weight 0 is the model alone. */
    public record Trial(String users, double weight, double exponent, double recall20, double ndcg20) {
        /** The trial as stored in an artifact's metadata: a content-blend trial's fields and the exponent. */
        public Map<String, Object> toMetadata() {
            Map<String, Object> trial = new ContentBlendSelection.Trial(users, weight, recall20, ndcg20).toMetadata();
            trial.put("exponent", exponent);
            return trial;
        }
    }

    private Setting best(String users, RecommenderModel model, ItemKnnModel walk, InteractionMatrix train,
                         InteractionMatrix valid, Evaluator evaluator, List<Trial> trials,
                         Consumer<String> progress) {
        ContentBlendSelection.Trial alone = ContentBlendSelection.trial("item-walk", users, 0, model.scorer(), train,
                valid, evaluator, progress);
        trials.add(new Trial(users, 0, 1, alone.recall20(), alone.ndcg20()));
        Setting best = new Setting(0, 1);
        double bestRecall = alone.recall20();
        for (double exponent : exponents) {
            ItemKnnModel shaped = walk.withExponent(exponent);
            for (double weight : grid) {
                ContentBlendSelection.Trial trial = ContentBlendSelection.trial("item-walk^" + exponent, users,
                        weight, new HybridModel(model, shaped, weight).scorer(), train, valid, evaluator, progress);
                trials.add(new Trial(users, weight, exponent, trial.recall20(), trial.ndcg20()));
                if (trial.recall20() > bestRecall) {
                    bestRecall = trial.recall20();
                    best = new Setting(weight, exponent);
                }
            }
        }
        progress.accept(String.format(Locale.ROOT, "item-walk blend for %s users: %s chosen", users,
                best.weight() == 0 ? "weight 0 (model alone)"
                        : "weight " + best.weight() + ", exponent " + best.exponent()));
        return best;
    }
}
