package io.stylegraph.training.eval;

import io.stylegraph.training.data.Dataset;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.Split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A cold-start protocol on a split with sequence order: a seeded sample of users with test likes is taken out of
 * training altogether (their train, validation and test likes leave the warm data), so no model learns anything of
 * them. For each history length n, such a user is then known only by their first n train likes in sequence order,
 * as a new shopper after n likes, and their test likes are what a recommender should find. Only the n known likes
 * are masked when ranking.
 */
public final class ColdUsers {

    /** The cold users known by their first {@code historyLength} likes. */
    public record Slice(int historyLength, InteractionMatrix history, InteractionMatrix test) {
    }

    /**
     * @param warm   the data without the cold users (same id spaces; their rows are empty)
     * @param users  the cold users' ids, ascending
     * @param slices one per history length, in the order asked
     */
    public record HeldOut(Dataset warm, int[] users, List<Slice> slices) {

        public int testLikes() {
            return slices.isEmpty() ? 0 : slices.get(0).test().nnz();
        }
    }

    private ColdUsers() {
    }

    /**
     * @param trainSequences each user's train items in sequence order (as the data's files give them)
     * @param count          how many users to hold out (fewer when fewer qualify)
     * @param historyLengths how many first likes each slice keeps (each at least 1)
     */
    public static HeldOut holdOut(Dataset data, int[][] trainSequences, int count, long seed, int... historyLengths) {
        if (trainSequences.length != data.numUsers()) {
            throw new IllegalArgumentException(trainSequences.length + " train sequences for " + data.numUsers()
                    + " users");
        }
        int longest = 0;
        for (int length : historyLengths) {
            if (length < 1) {
                throw new IllegalArgumentException("a history keeps at least 1 like: " + length);
            }
            longest = Math.max(longest, length);
        }
        Split split = data.split();
        List<Integer> candidates = new ArrayList<>();
        for (int user = 0; user < data.numUsers(); user++) {
            if (split.test().degree(user) > 0 && trainSequences[user].length >= longest) {
                candidates.add(user);
            }
        }
        Random random = new Random(seed);
        for (int k = candidates.size() - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            Integer swap = candidates.get(k);
            candidates.set(k, candidates.get(j));
            candidates.set(j, swap);
        }
        int[] users = candidates.subList(0, Math.min(count, candidates.size())).stream().mapToInt(Integer::intValue)
                .sorted().toArray();
        boolean[] cold = new boolean[data.numUsers()];
        for (int user : users) {
            cold[user] = true;
        }
        Split warmSplit = new Split(without(split.train(), cold), without(split.valid(), cold),
                without(split.test(), cold));
        Dataset warm = new Dataset(data.name(), data.users(), data.items(), warmSplit,
                without(data.dislikes(), cold), data.itemTerms());
        InteractionMatrix.Builder test = InteractionMatrix.builder(data.numUsers(), data.numItems());
        for (int user : users) {
            for (int item : split.test().itemsOf(user)) {
                test.add(user, item);
            }
        }
        InteractionMatrix coldTest = test.build();
        List<Slice> slices = new ArrayList<>();
        for (int length : historyLengths) {
            InteractionMatrix.Builder history = InteractionMatrix.builder(data.numUsers(), data.numItems());
            for (int user : users) {
                for (int item : Arrays.copyOf(trainSequences[user], length)) {
                    history.add(user, item);
                }
            }
            slices.add(new Slice(length, history.build(), coldTest));
        }
        return new HeldOut(warm, users, List.copyOf(slices));
    }

    private static InteractionMatrix without(InteractionMatrix matrix, boolean[] users) {
        InteractionMatrix.Builder kept = InteractionMatrix.builder(matrix.numUsers(), matrix.numItems());
        for (int user = 0; user < matrix.numUsers(); user++) {
            if (!users[user]) {
                for (int item : matrix.itemsOf(user)) {
                    kept.add(user, item);
                }
            }
        }
        return kept.build();
    }
}
