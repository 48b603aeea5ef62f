package io.stylegraph.api.recommendations;

import java.util.HashMap;
import java.util.Map;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.job.ModelArtifact;

/** The embeddings of the active model version, in memory for scoring, with id lookups. */
public final class ServedModel {
    private final long version;
    private final ModelArtifact artifact;
    private final Map<String, Integer> userRows;
    private final Map<String, Integer> itemRows;
    private volatile RowsFor rowsFor;
    /** The item embeddings dimension-major ({@code [k * items + row]}), for {@link #scoreAll}. */
    private final float[] itemsByDimension;
    private final ThreadLocal<float[]> scoreBuffers;
    private final java.util.OptionalDouble knownUserContentWeight;
    private final java.util.OptionalDouble foldInContentWeight;

    public ServedModel(long version, ModelArtifact artifact) {
        this.version = version;
        this.artifact = artifact;
        this.userRows = rows(artifact.userIds());
        this.itemRows = rows(artifact.itemIds());
        this.itemsByDimension = transpose(artifact.itemEmbeddings(), artifact.itemIds().size(), artifact.dimension());
        this.scoreBuffers = ThreadLocal.withInitial(() -> new float[artifact.itemIds().size()]);
        this.knownUserContentWeight = chosenWeight(artifact, "knownUserWeight");
        this.foldInContentWeight = chosenWeight(artifact, "foldInUserWeight");
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

    private static Map<String, Integer> rows(java.util.List<String> ids) {
        Map<String, Integer> rows = new java.util.concurrent.ConcurrentHashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            rows.put(ids.get(i), i);
        }
        return rows;
    }

    /**
     * The weight of the content path in this model's blend for a user the model was trained on ({@code knownUser}
     * true) or one it places by fold-in, as the model's training run chose it on validation; empty for a model whose
     * run chose none (no content vectors, or trained before runs chose one).
     */
    public java.util.OptionalDouble contentWeight(boolean knownUser) {
        return knownUser ? knownUserContentWeight : foldInContentWeight;
    }

    /** One of the run's chosen weights from the artifact's metadata, read once at load. */
    private static java.util.OptionalDouble chosenWeight(ModelArtifact artifact, String key) {
        if (artifact.metadata().get(io.stylegraph.training.job.RetrainingJob.CONTENT_BLEND) instanceof Map<?, ?> blend
                && blend.get(key) instanceof Number weight
                && weight.doubleValue() >= 0 && !Double.isInfinite(weight.doubleValue())) {
            return java.util.OptionalDouble.of(weight.doubleValue());
        }
        return java.util.OptionalDouble.empty();
    }

    public long version() {
        return version;
    }

    public int dimension() {
        return artifact.dimension();
    }

    public int numItems() {
        return artifact.itemIds().size();
    }

    /** The users the model was trained on, in its row order. */
    public java.util.List<String> userIds() {
        return artifact.userIds();
    }

    public String itemId(int row) {
        return artifact.itemIds().get(row);
    }

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
        java.util.Arrays.fill(scores, 0, n, 0f);
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
     * For each item row, the item's index in the catalogue snapshot, or -1 when the catalogue no longer has it. Worked
     * out once per snapshot, so ranking looks items up by index instead of hashing ids on every request.
     */
    public int[] catalogueRows(CatalogueSnapshot snapshot) {
        RowsFor cached = rowsFor;
        if (cached != null && cached.snapshot() == snapshot) {
            return cached.rows();
        }
        int[] rows = new int[numItems()];
        for (int row = 0; row < rows.length; row++) {
            Integer index = snapshot.indexOf(itemId(row));
            rows[row] = index == null ? -1 : index;
        }
        rowsFor = new RowsFor(snapshot, rows);
        return rows;
    }

    private record RowsFor(CatalogueSnapshot snapshot, int[] rows) {
    }

    private float[] slice(float[] matrix, int row) {
        int d = artifact.dimension();
        float[] vector = new float[d];
        System.arraycopy(matrix, row * d, vector, 0, d);
        return vector;
    }
}
