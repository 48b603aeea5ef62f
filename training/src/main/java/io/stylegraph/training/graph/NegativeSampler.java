package io.stylegraph.training.graph;

import io.stylegraph.training.data.InteractionMatrix;

import java.util.Random;

/**
 * Draws a negative item for a user: with probability {@code hardNegativeRatio}, and if the user disliked anything, one
 * of the user's dislikes; otherwise an item drawn uniformly among those the user did not like in train.
 */
public final class NegativeSampler {

    private final InteractionMatrix likes;
    private final InteractionMatrix dislikes;
    private final double hardNegativeRatio;

    public NegativeSampler(InteractionMatrix likes, InteractionMatrix dislikes, double hardNegativeRatio) {
        if (hardNegativeRatio < 0 || hardNegativeRatio > 1) {
            throw new IllegalArgumentException("hard negative ratio must be in [0, 1]");
        }
        if (likes.degree(0) >= likes.numItems() && likes.numUsers() > 0) {
            throw new IllegalArgumentException("user 0 liked every item: no negative exists");
        }
        this.likes = likes;
        this.dislikes = dislikes;
        this.hardNegativeRatio = hardNegativeRatio;
    }

    public int sample(int user, Random random) {
        int disliked = dislikes.degree(user);
        if (disliked > 0 && hardNegativeRatio > 0 && random.nextDouble() < hardNegativeRatio) {
            return dislikes.columns()[dislikes.rowStart(user) + random.nextInt(disliked)];
        }
        if (likes.degree(user) >= likes.numItems()) {
            throw new IllegalStateException("user " + user + " liked every item: no negative exists");
        }
        int numItems = likes.numItems();
        while (true) {
            int item = random.nextInt(numItems);
            if (!likes.contains(user, item)) {
                return item;
            }
        }
    }
}
