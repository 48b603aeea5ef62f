package io.stylegraph.api.training;

import java.util.HashMap;
import java.util.Map;

import io.stylegraph.training.job.ModelArtifact;

/** The embeddings of the active model version, in memory for scoring, with id lookups. */
public final class ServedModel {
    private final long version;
    private final ModelArtifact artifact;
    private final Map<String, Integer> userRows;
    private final Map<String, Integer> itemRows;

    public ServedModel(long version, ModelArtifact artifact) {
        this.version = version;
        this.artifact = artifact;
        this.userRows = rows(artifact.userIds());
        this.itemRows = rows(artifact.itemIds());
    }

    private static Map<String, Integer> rows(java.util.List<String> ids) {
        Map<String, Integer> rows = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            rows.put(ids.get(i), i);
        }
        return rows;
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

    public String itemId(int row) {
        return artifact.itemIds().get(row);
    }

    public Integer itemRow(String itemId) {
        return itemRows.get(itemId);
    }

    /** The trained vector of a user, or null for a user the model has not seen. */
    public float[] userVector(String userId) {
        Integer row = userRows.get(userId);
        return row == null ? null : slice(artifact.userEmbeddings(), row);
    }

    public float[] itemVector(int row) {
        return slice(artifact.itemEmbeddings(), row);
    }

    public float score(float[] user, int itemRow) {
        float[] items = artifact.itemEmbeddings();
        int d = artifact.dimension();
        int offset = itemRow * d;
        float sum = 0;
        for (int k = 0; k < d; k++) {
            sum += user[k] * items[offset + k];
        }
        return sum;
    }

    private float[] slice(float[] matrix, int row) {
        int d = artifact.dimension();
        float[] vector = new float[d];
        System.arraycopy(matrix, row * d, vector, 0, d);
        return vector;
    }
}
