package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;

import io.stylegraph.training.eval.Scorer;
import io.stylegraph.training.kernel.TransposedProduct;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A model that scores user u and item i by the dot product of their embeddings (BPR-MF, LightGCN, FREEDOM). Scoring
 * a block of users is one ND4J product against the item matrix.
 */
public final class EmbeddingModel implements RecommenderModel {

    private final int numUsers;
    private final int numItems;
    private final int dimension;
    private final float[] users;
    private final float[] items;
    private final ModelProvenance provenance;

    public EmbeddingModel(int numUsers, int numItems, int dimension, float[] users, float[] items,
                          ModelProvenance provenance) {
        if (users.length != numUsers * dimension || items.length != numItems * dimension) {
            throw new IllegalArgumentException("embedding arrays do not match " + numUsers + "/" + numItems + " × "
                    + dimension);
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dimension = dimension;
        this.users = users;
        this.items = items;
        this.provenance = provenance;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    EmbeddingModel withProvenance(ModelProvenance newProvenance) {
        return new EmbeddingModel(numUsers, numItems, dimension, users, items, newProvenance);
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    public int dimension() {
        return dimension;
    }

    public float[] userEmbedding(int user) {
        return Arrays.copyOfRange(users, user * dimension, (user + 1) * dimension);
    }

    public float[] itemEmbedding(int item) {
        return Arrays.copyOfRange(items, item * dimension, (item + 1) * dimension);
    }

    /** All user embeddings, row-major numUsers × dimension (a copy). */
    public float[] userEmbeddings() {
        return users.clone();
    }

    /** All item embeddings, row-major numItems × dimension (a copy). */
    public float[] itemEmbeddings() {
        return items.clone();
    }

    public float score(int user, int item) {
        float sum = 0;
        for (int j = 0; j < dimension; j++) {
            sum += users[user * dimension + j] * items[item * dimension + j];
        }
        return sum;
    }

    /**
     * Users placed from the given likes with {@link FoldIn} (weight 1): each user's vector is the mean embedding of
     * the items they liked (zero without likes); the item embeddings are this model's.
     */
    @Override
    public Optional<RecommenderModel> foldIn(InteractionMatrix likes) {
        return Optional.of(withUsersFrom(likes));
    }

    /** {@link #foldIn} with the concrete type: this model with every user's vector placed from the given likes. */
    public EmbeddingModel withUsersFrom(InteractionMatrix likes) {
        if (likes.numUsers() != numUsers || likes.numItems() != numItems) {
            throw new IllegalArgumentException("likes are " + likes.numUsers() + " × " + likes.numItems()
                    + ", the model " + numUsers + " × " + numItems);
        }
        float[] placed = new float[numUsers * dimension];
        for (int user = 0; user < numUsers; user++) {
            int[] liked = likes.itemsOf(user);
            if (liked.length == 0) {
                continue;
            }
            List<float[]> rows = new ArrayList<>(liked.length);
            for (int item : liked) {
                rows.add(itemEmbedding(item));
            }
            float[] vector = FoldIn.vector(dimension, null, rows, List.of(), 1.0);
            System.arraycopy(vector, 0, placed, user * dimension, dimension);
        }
        return new EmbeddingModel(numUsers, numItems, dimension, placed, items, provenance);
    }

    /** A scorer for one thread: user block × item matrix in one ND4J product. */
    @Override
    public Scorer scorer() {
        INDArray itemMatrix = Nd4j.create(items, new long[] {numItems, dimension}, 'c');
        TransposedProduct product = new TransposedProduct();
        return (userBlock, out) -> {
            float[] rows = new float[userBlock.length * dimension];
            for (int b = 0; b < userBlock.length; b++) {
                System.arraycopy(users, userBlock[b] * dimension, rows, b * dimension, dimension);
            }
            product.multiply(Nd4j.create(rows, new long[] {userBlock.length, dimension}, 'c'), itemMatrix, out);
        };
    }
}
