package io.stylegraph.training.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.model.FoldIn;

/**
 * A trained embedding model as the service serves it, loaded from its {@link ModelArtifact}: it carries its own user
 * and item id maps, scores every item for a user's trained row or for a vector folded in from opinions, and knows the
 * content weights its training run chose. Plain code, safe for concurrent readers: {@link #forgetUser} is the only
 * change after loading.
 */
public final class ServableModel {
    private final ModelArtifact artifact;
    private final Map<String, Integer> userRows;
    private final Map<String, Integer> itemRows;
    /** The item embeddings dimension-major ({@code [k * items + row]}), for {@link #scoreAll}. */
    private final float[] itemsByDimension;
    private final ThreadLocal<float[]> scoreBuffers;
    private final OptionalDouble knownUserContentWeight;
    private final OptionalDouble foldInContentWeight;
    private final double knownUserWalkWeight;
    private final double foldInWalkWeight;
    private final double knownUserWalkExponent;
    private final double foldInWalkExponent;
    private final ThreadLocal<float[]> walkBuffers;
    private final int walkBudget;

    public ServableModel(ModelArtifact artifact) {
        this.artifact = artifact;
        this.userRows = rows(artifact.userIds());
        this.itemRows = rows(artifact.itemIds());
        this.itemsByDimension = transpose(artifact.itemEmbeddings(), artifact.itemIds().size(), artifact.dimension());
        this.scoreBuffers = ThreadLocal.withInitial(() -> new float[artifact.itemIds().size()]);
        this.knownUserContentWeight = chosenWeight(artifact, "knownUserWeight");
        this.foldInContentWeight = chosenWeight(artifact, "foldInUserWeight");
        this.knownUserWalkWeight = artifact.itemWalk() == null ? 0
                : chosenWeight(artifact, RetrainingJob.ITEM_WALK, "knownUserWeight").orElse(0);
        this.foldInWalkWeight = artifact.itemWalk() == null ? 0
                : chosenWeight(artifact, RetrainingJob.ITEM_WALK, "foldInUserWeight").orElse(0);
        this.knownUserWalkExponent = walkExponent(artifact, "knownUserExponent");
        this.foldInWalkExponent = walkExponent(artifact, "foldInUserExponent");
        this.walkBuffers = ThreadLocal.withInitial(() -> new float[artifact.itemIds().size()]);
        this.walkBudget = walkBudget(artifact);
    }

    /**
     * The walk entries a user's scores read at most, as the run chose its blend with them; unbounded for a model
     * whose run named none (trained before runs had a budget, and validated without one).
     */
    private static int walkBudget(ModelArtifact artifact) {
        if (artifact.metadata().get(RetrainingJob.ITEM_WALK) instanceof Map<?, ?> blend
                && blend.get("budget") instanceof Number budget && budget.longValue() >= 1
                && budget.longValue() < io.stylegraph.training.model.ItemNeighbourTable.UNBOUNDED) {
            return budget.intValue();
        }
        return io.stylegraph.training.model.ItemNeighbourTable.UNBOUNDED;
    }

    /** Walk entries a user's scores read at most ({@link io.stylegraph.training.model.ItemNeighbourTable#depth}). */
    public int walkBudget() {
        return walkBudget;
    }

    /** Reads the artifact in {@code directory} (see {@link ModelArtifact#read}). */
    public static ServableModel read(Path directory) throws IOException {
        return new ServableModel(ModelArtifact.read(directory));
    }

    private static float[] transpose(float[] rowMajor, int rows, int d) {
        float[] byDimension = new float[rowMajor.length];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < d; k++) {
                byDimension[k * rows + row] = rowMajor[row * d + k];
            }
        }
        return byDimension;
    }

    private static Map<String, Integer> rows(List<String> ids) {
        Map<String, Integer> rows = new ConcurrentHashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            rows.put(ids.get(i), i);
        }
        return rows;
    }

    /** The power of the walk's scores the run chose, 1 where it names none (or names one out of range). */
    private static double walkExponent(ModelArtifact artifact, String key) {
        double exponent = chosenWeight(artifact, RetrainingJob.ITEM_WALK, key).orElse(1);
        return exponent > 0 && exponent <= 1 ? exponent : 1;
    }

    /** One of the run's chosen weights from the artifact's metadata, read once at load. */
    private static OptionalDouble chosenWeight(ModelArtifact artifact, String key) {
        return chosenWeight(artifact, RetrainingJob.CONTENT_BLEND, key);
    }

    private static OptionalDouble chosenWeight(ModelArtifact artifact, String blendKey, String key) {
        if (artifact.metadata().get(blendKey) instanceof Map<?, ?> blend
                && blend.get(key) instanceof Number weight
                && weight.doubleValue() >= 0 && !Double.isInfinite(weight.doubleValue())) {
            return OptionalDouble.of(weight.doubleValue());
        }
        return OptionalDouble.empty();
    }

    /** The artifact this model was loaded from. */
    public ModelArtifact artifact() {
        return artifact;
    }

    /**
     * The weight of the content path in this model's blend for a user the model was trained on ({@code knownUser}
     * true) or one it places by fold-in, as the model's training run chose it on validation; empty for a model whose
     * run chose none (no content vectors, or trained before runs chose one).
     */
    public OptionalDouble contentWeight(boolean knownUser) {
        return knownUser ? knownUserContentWeight : foldInContentWeight;
    }

    /**
     * The weight of the item-walk in this model's scores for a user the model was trained on ({@code knownUser}) or
     * one it places by fold-in, as its run chose it on validation; 0 for a model served alone.
     */
    public double walkWeight(boolean knownUser) {
        return knownUser ? knownUserWalkWeight : foldInWalkWeight;
    }

    public int dimension() {
        return artifact.dimension();
    }

    public int numItems() {
        return artifact.itemIds().size();
    }

    /** The users the model was trained on, in its row order. */
    public List<String> userIds() {
        return artifact.userIds();
    }

    public String itemId(int row) {
        return artifact.itemIds().get(row);
    }

    /** The item's row, or null for an item the model was not trained on. */
    public Integer itemRow(String itemId) {
        return itemRows.get(itemId);
    }

    /**
     * Stops serving the trained row of a user whose data was erased: they are served as a user the model has not
     * seen. The artifact on disk keeps the row until a newer version replaces it. Returns whether there was one.
     */
    public boolean forgetUser(String userId) {
        return userRows.remove(userId) != null;
    }

    /** Whether the model has a trained row for the user. */
    public boolean knowsUser(String userId) {
        return userRows.containsKey(userId);
    }

    /** The trained vector of a user, or null for a user the model has not seen. */
    public float[] userVector(String userId) {
        Integer row = userRows.get(userId);
        return row == null ? null : slice(artifact.userEmbeddings(), row);
    }

    public float[] itemVector(int row) {
        return slice(artifact.itemEmbeddings(), row);
    }

    /**
     * The user placed by {@link FoldIn}: the trained vector (null for a user the model never saw) moved by
     * {@code weight} towards the mean of the liked items the model knows and away from the disliked ones; null when
     * there is neither a trained vector nor a known liked item.
     */
    public float[] foldIn(float[] trained, Map<String, Signal> opinions, double weight) {
        List<float[]> liked = new ArrayList<>();
        List<float[]> disliked = new ArrayList<>();
        for (Map.Entry<String, Signal> opinion : opinions.entrySet()) {
            Integer row = itemRow(opinion.getKey());
            if (row != null) {
                (opinion.getValue() == Signal.LIKE ? liked : disliked).add(itemVector(row));
            }
        }
        return FoldIn.vector(dimension(), trained, liked, disliked, weight);
    }

    /** The dot product of a user vector with an item row. */
    public float score(float[] user, int itemRow) {
        int d = artifact.dimension();
        return Vectors.dot(artifact.itemEmbeddings(), itemRow * d, user, d);
    }

    /**
     * The scores of every item for one user vector, in a buffer owned by the calling thread (valid until its next
     * call). Works over the transposed matrix, four dimensions per pass: {@code scores += u[k..k+3] * columns}, a loop
     * without a reduction that the JIT compiles to SIMD instructions (row-by-row dot products do not vectorize; they
     * were four fifths of a recommendation request's CPU under load). Four columns per pass rather than one keep the
     * score buffer's traffic down: the scan streams the whole matrix and is bound by memory bandwidth.
     */
    public float[] scoreAll(float[] user) {
        int n = numItems();
        int d = artifact.dimension();
        float[] t = itemsByDimension;
        float[] scores = scoreBuffers.get();
        Arrays.fill(scores, 0, n, 0f);
        int k = 0;
        for (; k + 3 < d; k += 4) {
            float w0 = user[k];
            float w1 = user[k + 1];
            float w2 = user[k + 2];
            float w3 = user[k + 3];
            int o0 = k * n;
            int o1 = o0 + n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            for (int row = 0; row < n; row++) {
                scores[row] += w0 * t[o0 + row] + w1 * t[o1 + row] + w2 * t[o2 + row] + w3 * t[o3 + row];
            }
        }
        for (; k < d; k++) {
            float w = user[k];
            int offset = k * n;
            for (int row = 0; row < n; row++) {
                scores[row] += w * t[offset + row];
            }
        }
        return scores;
    }

    /**
     * The scores of every item for a user's trained row (see {@link #scoreAll(float[])} for the buffer), or null for
     * a user the model has no row for.
     */
    public float[] scoreAll(String userId) {
        float[] user = userVector(userId);
        return user == null ? null : scoreAll(user);
    }

    /**
     * The scores of every item as this model serves them to a user: {@link #scoreAll(float[])} for the user's vector,
     * and, where the run chose an item-walk for users like this one ({@link #walkWeight}), both sides standardized
     * over the items and added as model + weight·walk, the walk starting from the user's liked items the model knows
     * (each counting the same, each reading its strongest neighbours within the run's {@link #walkBudget}), its scores
     * raised to the power the run chose. A user none of whose likes leads anywhere in the walk (a like of an item nobody else
     * liked, or new to the model) gets the model's scores alone. Uses the calling thread's buffers, like {@link #scoreAll(float[])}.
     */
    public float[] scoreAll(float[] user, java.util.Collection<String> likedItemIds, boolean knownUser) {
        float[] scores = scoreAll(user);
        double weight = walkWeight(knownUser);
        if (weight <= 0) {
            return scores;
        }
        io.stylegraph.training.model.ItemNeighbourTable table = artifact.itemWalk();
        int[] liked = walkingLikes(likedItemIds);
        if (liked.length == 0) {
            // no liked item walks anywhere (new to the model, or liked by no one else): standardizing the walk's
            // popularity prior alone would rank by popularity, which is not what the run measured
            return scores;
        }
        int n = numItems();
        float[] walk = walkBuffers.get();
        table.score(liked, null, walk, 0, walkBudget);
        io.stylegraph.training.model.ItemNeighbourTable.compress(walk, 0, n, walkExponent(knownUser));
        io.stylegraph.training.model.Standardization modelSpread =
                io.stylegraph.training.model.Standardization.of(scores, 0, n);
        io.stylegraph.training.model.Standardization walkSpread =
                io.stylegraph.training.model.Standardization.of(walk, 0, n);
        for (int row = 0; row < n; row++) {
            scores[row] = (float) (modelSpread.apply(scores[row]) + weight * walkSpread.apply(walk[row]));
        }
        return scores;
    }

    /** The power the run chose for the walk's scores of a user like this one (1: as they are). */
    public double walkExponent(boolean knownUser) {
        return knownUser ? knownUserWalkExponent : foldInWalkExponent;
    }

    /**
     * The rows of the liked items the model knows whose walk leads somewhere (a non-empty row in the item-walk), in the
     * order given: where the walk starts from; empty for a model without an item-walk.
     */
    public int[] walkingLikes(java.util.Collection<String> likedItemIds) {
        io.stylegraph.training.model.ItemNeighbourTable table = artifact.itemWalk();
        if (table == null) {
            return new int[0];
        }
        return likedItemIds.stream().map(itemRows::get).filter(java.util.Objects::nonNull)
                .filter(row -> table.rowStart()[row + 1] > table.rowStart()[row])
                .mapToInt(Integer::intValue).toArray();
    }

    private float[] slice(float[] matrix, int row) {
        int d = artifact.dimension();
        float[] vector = new float[d];
        System.arraycopy(matrix, row * d, vector, 0, d);
        return vector;
    }
}
