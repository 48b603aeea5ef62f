package io.stylegraph.training.data;

import java.util.Random;

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

    /**
     * The same likes dealt again at random: each user keeps as many train, valid and test items as here, but which
     * of the user's items go where is drawn with the seed instead of following time. Comparing a model on both tells
     * how much of a chronological split's difficulty is time.
     */
    public Split shuffledPerUser(long seed) {
        Random random = new Random(seed);
        InteractionMatrix.Builder newTrain = InteractionMatrix.builder(numUsers(), numItems());
        InteractionMatrix.Builder newValid = InteractionMatrix.builder(numUsers(), numItems());
        InteractionMatrix.Builder newTest = InteractionMatrix.builder(numUsers(), numItems());
        for (int user = 0; user < numUsers(); user++) {
            int[] trainItems = train.itemsOf(user);
            int[] validItems = valid.itemsOf(user);
            int[] testItems = test.itemsOf(user);
            int[] all = new int[trainItems.length + validItems.length + testItems.length];
            System.arraycopy(trainItems, 0, all, 0, trainItems.length);
            System.arraycopy(validItems, 0, all, trainItems.length, validItems.length);
            System.arraycopy(testItems, 0, all, trainItems.length + validItems.length, testItems.length);
            for (int k = all.length - 1; k > 0; k--) {
                int swap = random.nextInt(k + 1);
                int tmp = all[k];
                all[k] = all[swap];
                all[swap] = tmp;
            }
            for (int k = 0; k < all.length; k++) {
                InteractionMatrix.Builder target = k < trainItems.length ? newTrain
                        : k < trainItems.length + validItems.length ? newValid : newTest;
                target.add(user, all[k]);
            }
        }
        return new Split(newTrain.build(), newValid.build(), newTest.build());
    }
}
