package io.stylegraph.training.data;

import java.util.List;

/**
 * A named recommendation dataset: likes split into train/valid/test, dislikes (hard negatives), and each item's
 * content terms (categories, brand …; an empty list where the data names none, and no list at all for a dataset
 * without content), all on one id space.
 */
public record Dataset(String name, IdIndex users, IdIndex items, Split split, InteractionMatrix dislikes,
                      List<List<String>> itemTerms) {

    public Dataset {
        if (users.size() != split.numUsers() || items.size() != split.numItems()) {
            throw new IllegalArgumentException("id indexes do not match the split's dimensions");
        }
        if (dislikes == null) {
            dislikes = InteractionMatrix.empty(split.numUsers(), split.numItems());
        }
        itemTerms = itemTerms == null ? List.of() : List.copyOf(itemTerms);
        if (!itemTerms.isEmpty() && itemTerms.size() != items.size()) {
            throw new IllegalArgumentException(itemTerms.size() + " term lists for " + items.size() + " items");
        }
    }

    /** A dataset without item content. */
    public Dataset(String name, IdIndex users, IdIndex items, Split split, InteractionMatrix dislikes) {
        this(name, users, items, split, dislikes, List.of());
    }

    public boolean hasItemTerms() {
        return !itemTerms.isEmpty();
    }

    /** The same data on another split of the same likes. */
    public Dataset withSplit(String newName, Split newSplit) {
        return new Dataset(newName, users, items, newSplit, dislikes, itemTerms);
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
