package io.stylegraph.training.eval;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import io.stylegraph.training.data.InteractionMatrix;

/**
 * Which users a full-ranking evaluation ranks every item for. Ranking costs users × items scores, and a training run
 * evaluates on validation every epoch: at amazon-clothing's size (39,387 users × 23,033 items, 9·10^8 scores) every
 * user is cheap, at 1 M items and 400,000 users (4·10^11) it would cost more than the training. Above
 * {@link #MAX_SCORES} a run evaluates a seeded uniform sample of the users with targets instead, as many as the budget
 * buys and never fewer than {@link #MIN_USERS}; the metrics are then means over that stated sample.
 */
public final class EvaluationSample {

    /** Scores (users × items) one evaluation pass may rank before the users are sampled. */
    public static final long MAX_SCORES = 1_000_000_000L;

    /** The smallest sample: Recall@20's standard error over 10,000 users is about 0.003 at its usual 0.05–0.2. */
    public static final int MIN_USERS = 10_000;

    private EvaluationSample() {
    }

    /** How many of {@code users} with targets an evaluation over {@code items} ranks: all of them within the budget. */
    public static int usersFor(int users, int items) {
        return usersFor(users, items, MAX_SCORES, MIN_USERS);
    }

    /** As {@link #usersFor(int, int)} with another budget of scores and floor of users. */
    public static int usersFor(int users, int items, long maxScores, int minUsers) {
        if (users < 0 || items < 0 || maxScores < 1 || minUsers < 1) {
            throw new IllegalArgumentException("negative counts or an empty budget: " + users + " users, " + items
                    + " items, " + maxScores + " scores, at least " + minUsers + " users");
        }
        if ((long) users * items <= maxScores) {
            return users;
        }
        return (int) Math.min(users, Math.max(minUsers, maxScores / items));
    }

    /**
     * At most {@code maxUsers} of the users with targets, drawn uniformly without replacement with the seed, in
     * ascending order; all of them when there are no more.
     */
    public static int[] users(InteractionMatrix targets, int maxUsers, long seed) {
        if (maxUsers < 1) {
            throw new IllegalArgumentException("the sample needs at least one user, not " + maxUsers);
        }
        int[] users = IntStream.range(0, targets.numUsers()).filter(u -> targets.degree(u) > 0).toArray();
        if (users.length <= maxUsers) {
            return users;
        }
        Random random = new Random(seed);
        for (int k = 0; k < maxUsers; k++) {
            int pick = k + random.nextInt(users.length - k);
            int t = users[k];
            users[k] = users[pick];
            users[pick] = t;
        }
        int[] sample = Arrays.copyOf(users, maxUsers);
        Arrays.sort(sample);
        return sample;
    }

    /**
     * The targets of a seeded sample of at most {@code maxUsers} users ({@link #users}); the other users' rows are
     * empty, so any evaluation of the result counts only the sample. The same matrix when no user is left out.
     */
    public static InteractionMatrix restrict(InteractionMatrix targets, int maxUsers, long seed) {
        int[] sample = users(targets, maxUsers, seed);
        if (sample.length == targets.usersWithInteractions()) {
            return targets;
        }
        InteractionMatrix.Builder kept = InteractionMatrix.builder(targets.numUsers(), targets.numItems());
        for (int user : sample) {
            for (int item : targets.itemsOf(user)) {
                kept.add(user, item);
            }
        }
        return kept.build();
    }
}
