package io.stylegraph.training.data;

/** Train, validation and test likes of the same users and items. */
public record Split(InteractionMatrix train, InteractionMatrix valid, InteractionMatrix test) {

    public Split {
        if (train.numUsers() != valid.numUsers() || train.numUsers() != test.numUsers()
                || train.numItems() != valid.numItems() || train.numItems() != test.numItems()) {
            throw new IllegalArgumentException("train, valid and test must share one user and item id space");
        }
    }

    public int numUsers() {
        return train.numUsers();
    }

    public int numItems() {
        return train.numItems();
    }
}
