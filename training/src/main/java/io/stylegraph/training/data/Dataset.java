package io.stylegraph.training.data;

/**
 * A named recommendation dataset: likes split into train/valid/test, and dislikes (hard negatives), all on one id
 * space.
 */
public record Dataset(String name, IdIndex users, IdIndex items, Split split, InteractionMatrix dislikes) {

    public Dataset {
        if (users.size() != split.numUsers() || items.size() != split.numItems()) {
            throw new IllegalArgumentException("id indexes do not match the split's dimensions");
        }
        if (dislikes == null) {
            dislikes = InteractionMatrix.empty(split.numUsers(), split.numItems());
        }
    }

    public int numUsers() {
        return split.numUsers();
    }

    public int numItems() {
        return split.numItems();
    }

    public int numLikes() {
        return split.train().nnz() + split.valid().nnz() + split.test().nnz();
    }
}
