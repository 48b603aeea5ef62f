package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.Scorer;

/**
 * An item-to-item recommender: a user's score for item j is the sum, over the items they liked, of those items'
 * similarity to j (sparse rows, a few hundred neighbours an item at most), plus a tiny popularity prior that orders
 * items no liked item reaches. The model of {@link ContentKnnTrainer} (similar content) and of {@link ItemWalkTrainer}
 * (liked by the same users). Given per-like weights (for example by recency), each liked item's row counts with its
 * like's weight instead of 1.
 */
public final class ItemKnnModel implements RecommenderModel {

    private final InteractionMatrix likes;
    private final ItemNeighbourTable table;
    /** Per user, the weight of each of {@code likes.itemsOf(user)}; null: every like weighs 1. */
    private final float[][] likeWeights;
    /** Each user's scores are raised to this power (1: as summed). */
    private final double exponent;
    /** Walk entries read per user at most ({@link ItemNeighbourTable#depth}). */
    private final int budget;
    private final ModelProvenance provenance;

    ItemKnnModel(InteractionMatrix likes, int[] rowStart, int[] columns, float[] values, float[] prior,
                    ModelProvenance provenance) {
        this(likes, rowStart, columns, values, prior, null, provenance);
    }

    ItemKnnModel(InteractionMatrix likes, int[] rowStart, int[] columns, float[] values, float[] prior,
                 float[][] likeWeights, ModelProvenance provenance) {
        if (likeWeights != null && likeWeights.length != likes.numUsers()) {
            throw new IllegalArgumentException(likeWeights.length + " weight rows for " + likes.numUsers() + " users");
        }
        this.likeWeights = likeWeights;
        this.likes = likes;
        this.table = new ItemNeighbourTable(rowStart, columns, values, prior);
        this.exponent = 1;
        this.budget = ItemNeighbourTable.UNBOUNDED;
        this.provenance = provenance;
    }

    private ItemKnnModel(ItemKnnModel base, ItemNeighbourTable table, double exponent, int budget, String parameter,
                         String value) {
        this.likes = base.likes;
        this.table = table;
        this.likeWeights = base.likeWeights;
        this.exponent = exponent;
        this.budget = budget;
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>(base.provenance.parameters());
        parameters.put(parameter, value);
        ModelProvenance p = base.provenance;
        this.provenance = new ModelProvenance(p.modelName(), p.trainer(), parameters, p.seed(), p.data(), p.kernel(),
                p.epochsRun(), p.bestEpoch(), p.validationMetrics(), p.trainedAt(), p.trainingSeconds());
    }

    /**
     * The same model, its table also reaching the items it did not, each through its {@code count} nearest reached
     * items by cosine of the item vectors ({@link ItemLookalikes}, {@link ItemNeighbourTable#withLookalikes}).
     *
     * @param itemVectors row-major, {@link #numItems()} rows of {@code dimension}, for example a content-aware
     *                    model's item embeddings
     */
    public ItemKnnModel withLookalikes(float[] itemVectors, int dimension, int count) {
        int[][] lookalikes = ItemLookalikes.nearestReached(itemVectors, dimension, table.reached(), count);
        long items = java.util.Arrays.stream(lookalikes).filter(l -> l != null && l.length > 0).count();
        return new ItemKnnModel(this, table.withLookalikes(lookalikes), exponent, budget, "lookalikes",
                count + " each for " + items + " unreached items");
    }

    /**
     * The same model with each user's scores raised to {@code exponent} in (0, 1] ({@link
     * ItemNeighbourTable#compress}): the order of one user's items is unchanged, but a blend that standardizes the
     * scores sees the few strongest items less far above the rest.
     */
    public ItemKnnModel withExponent(double exponent) {
        ItemNeighbourTable.checkExponent(exponent);
        return new ItemKnnModel(this, table, exponent, budget, "exponent", String.valueOf(exponent));
    }

    public double exponent() {
        return exponent;
    }

    /**
     * The same model reading at most {@code budget} walk entries per user: each like's strongest {@link
     * ItemNeighbourTable#depth} neighbours ({@link ItemNeighbourTable#UNBOUNDED}: all of them).
     */
    public ItemKnnModel withBudget(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("walk budget must be positive: " + budget);
        }
        return new ItemKnnModel(this, table, exponent, budget, "budget",
                budget == ItemNeighbourTable.UNBOUNDED ? "unbounded" : String.valueOf(budget));
    }

    public int budget() {
        return budget;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public int numUsers() {
        return likes.numUsers();
    }

    @Override
    public int numItems() {
        return table.numItems();
    }

    /** The item-to-item rows this model scores with. */
    public ItemNeighbourTable table() {
        return table;
    }

    @Override
    public Scorer scorer() {
        int numItems = table.numItems();
        return (users, out) -> {
            for (int b = 0; b < users.length; b++) {
                table.score(likes.itemsOf(users[b]), likeWeights == null ? null : likeWeights[users[b]], out,
                        b * numItems, budget);
                ItemNeighbourTable.compress(out, b * numItems, numItems, exponent);
            }
        };
    }
}
