package io.stylegraph.training.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-user chronological split: of a user's n likes in time order, the last ceil(n·testFraction) are test, the
 * ceil(n·validFraction) before them are valid, the rest train. Users with fewer than three likes cannot have a train,
 * a valid and a test item, so all their likes stay in train. Repeated likes of one item count once (the first).
 * Dislikes given after a user's last train like are left out: they happened in the valid/test period, and training on
 * them would let the model see the future.
 */
public final class ChronologicalSplitter {

    private final double validFraction;
    private final double testFraction;

    public ChronologicalSplitter(double validFraction, double testFraction) {
        if (validFraction <= 0 || testFraction <= 0 || validFraction + testFraction >= 1) {
            throw new IllegalArgumentException("fractions must be positive and leave room for train");
        }
        this.validFraction = validFraction;
        this.testFraction = testFraction;
    }

    /** The 8:1:1 split. */
    public static ChronologicalSplitter eightOneOne() {
        return new ChronologicalSplitter(0.1, 0.1);
    }

    public Dataset split(String name, List<TimedInteraction> likes, List<TimedInteraction> dislikes) {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        Map<Integer, List<TimedInteraction>> byUser = new LinkedHashMap<>();
        for (TimedInteraction like : likes) {
            int user = users.intern(like.userId());
            items.intern(like.itemId());
            byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(like);
        }
        for (TimedInteraction dislike : dislikes) {
            users.intern(dislike.userId());
            items.intern(dislike.itemId());
        }
        int numUsers = users.size();
        int numItems = items.size();
        InteractionMatrix.Builder train = InteractionMatrix.builder(numUsers, numItems);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(numUsers, numItems);
        InteractionMatrix.Builder test = InteractionMatrix.builder(numUsers, numItems);
        Map<Integer, Long> trainCutoff = new HashMap<>();
        for (Map.Entry<Integer, List<TimedInteraction>> entry : byUser.entrySet()) {
            int user = entry.getKey();
            List<TimedInteraction> timed = distinctInTimeOrder(entry.getValue(), items);
            List<Integer> ordered = timed.stream().map(like -> items.find(like.itemId()).orElseThrow()).toList();
            int n = ordered.size();
            int numTest = n < 3 ? 0 : (int) Math.ceil(n * testFraction);
            int numValid = n < 3 ? 0 : (int) Math.ceil(n * validFraction);
            if (n - numTest - numValid < 1) {
                numTest = 1;
                numValid = 1;
            }
            for (int k = 0; k < n; k++) {
                InteractionMatrix.Builder target = k >= n - numTest ? test : k >= n - numTest - numValid ? valid : train;
                target.add(user, ordered.get(k));
            }
            trainCutoff.put(user, timed.get(n - numTest - numValid - 1).time());
        }
        InteractionMatrix.Builder disliked = InteractionMatrix.builder(numUsers, numItems);
        for (TimedInteraction dislike : dislikes) {
            int user = users.find(dislike.userId()).orElseThrow();
            Long cutoff = trainCutoff.get(user);
            if (cutoff == null || dislike.time() <= cutoff) {
                disliked.add(user, items.find(dislike.itemId()).orElseThrow());
            }
        }
        return new Dataset(name, users, items, new Split(train.build(), valid.build(), test.build()), disliked.build());
    }

    private static List<TimedInteraction> distinctInTimeOrder(List<TimedInteraction> likes, IdIndex items) {
        List<TimedInteraction> sorted = new ArrayList<>(likes);
        sorted.sort(Comparator.comparingLong(TimedInteraction::time)); // stable: ties keep input order
        List<TimedInteraction> ordered = new ArrayList<>(sorted.size());
        Set<Integer> seen = new HashSet<>();
        for (TimedInteraction like : sorted) {
            if (seen.add(items.find(like.itemId()).orElseThrow())) {
                ordered.add(like);
            }
        }
        return ordered;
    }
}
