package io.stylegraph.training.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactions as {@link StreamingFolderLoader} reads them: parallel primitive arrays on provisional ids (order of
 * first appearance), and their chronological split.
 */
final class InteractionRows {

    private static final double VALID_FRACTION = 0.1;
    private static final double TEST_FRACTION = 0.1;

    final Map<String, Integer> userIds = new HashMap<>();
    final Map<String, Integer> itemIds = new HashMap<>();
    final List<String> users = new ArrayList<>();
    final List<String> items = new ArrayList<>();
    int[] user = new int[1 << 12];
    int[] item = new int[1 << 12];
    long[] time = new long[1 << 12];
    boolean[] like = new boolean[1 << 12];
    int count;

    void add(String userId, String itemId, long at, boolean isLike) {
        if (count == user.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, count * 2L);
            user = Arrays.copyOf(user, grown);
            item = Arrays.copyOf(item, grown);
            time = Arrays.copyOf(time, grown);
            like = Arrays.copyOf(like, grown);
        }
        user[count] = id(userIds, users, userId);
        item[count] = id(itemIds, items, itemId);
        time[count] = at;
        like[count] = isLike;
        count++;
    }

    private static int id(Map<String, Integer> ids, List<String> names, String name) {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        ids.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /**
     * The split of {@link ChronologicalSplitter}: ids in order of first appearance among the likes, then among the
     * dislikes; per user its likes in time order (ties in file order), an item's first like only.
     */
    Dataset split(String name) {
        InteractionRows rows = this;
        int[] userOf = new int[rows.users.size()];
        int[] itemOf = new int[rows.items.size()];
        Arrays.fill(userOf, -1);
        Arrays.fill(itemOf, -1);
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        for (int pass = 0; pass < 2; pass++) {
            boolean likes = pass == 0;
            for (int k = 0; k < rows.count; k++) {
                if (rows.like[k] == likes) {
                    if (userOf[rows.user[k]] < 0) {
                        userOf[rows.user[k]] = users.intern(rows.users.get(rows.user[k]));
                    }
                    if (itemOf[rows.item[k]] < 0) {
                        itemOf[rows.item[k]] = items.intern(rows.items.get(rows.item[k]));
                    }
                }
            }
        }
        int numUsers = users.size();
        int numItems = items.size();
        // the likes grouped by user, in file order within a user (a stable counting sort)
        int[] start = new int[numUsers + 1];
        int likes = 0;
        for (int k = 0; k < rows.count; k++) {
            if (rows.like[k]) {
                start[userOf[rows.user[k]] + 1]++;
                likes++;
            }
        }
        for (int u = 0; u < numUsers; u++) {
            start[u + 1] += start[u];
        }
        int[] byUser = new int[likes];
        int[] fill = Arrays.copyOf(start, numUsers);
        for (int k = 0; k < rows.count; k++) {
            if (rows.like[k]) {
                byUser[fill[userOf[rows.user[k]]]++] = k;
            }
        }
        InteractionMatrix.Builder train = InteractionMatrix.builder(numUsers, numItems);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(numUsers, numItems);
        InteractionMatrix.Builder test = InteractionMatrix.builder(numUsers, numItems);
        long[] trainCutoff = new long[numUsers];
        boolean[] hasLikes = new boolean[numUsers];
        boolean[] seen = new boolean[numItems];
        int[] ordered = new int[0];
        for (int u = 0; u < numUsers; u++) {
            int from = start[u];
            int to = start[u + 1];
            if (from == to) {
                continue;
            }
            hasLikes[u] = true;
            sortByTime(byUser, from, to, rows.time);
            if (ordered.length < to - from) {
                ordered = new int[to - from];
            }
            int n = 0;
            for (int k = from; k < to; k++) {
                int item = itemOf[rows.item[byUser[k]]];
                if (!seen[item]) {
                    seen[item] = true;
                    ordered[n++] = byUser[k];
                }
            }
            int numTest = n < 3 ? 0 : (int) Math.ceil(n * TEST_FRACTION);
            int numValid = n < 3 ? 0 : (int) Math.ceil(n * VALID_FRACTION);
            if (n - numTest - numValid < 1) {
                numTest = 1;
                numValid = 1;
            }
            for (int k = 0; k < n; k++) {
                int item = itemOf[rows.item[ordered[k]]];
                seen[item] = false;
                (k >= n - numTest ? test : k >= n - numTest - numValid ? valid : train).add(u, item);
            }
            trainCutoff[u] = rows.time[ordered[n - numTest - numValid - 1]];
        }
        InteractionMatrix.Builder disliked = InteractionMatrix.builder(numUsers, numItems);
        for (int k = 0; k < rows.count; k++) {
            if (!rows.like[k]) {
                int u = userOf[rows.user[k]];
                if (!hasLikes[u] || rows.time[k] <= trainCutoff[u]) {
                    disliked.add(u, itemOf[rows.item[k]]);
                }
            }
        }
        return new Dataset(name, users, items, new Split(train.build(), valid.build(), test.build()),
                disliked.build());
    }

    /** Sorts rows[from, to) by their time, stably (a merge sort on ints: no boxing). */
    private static void sortByTime(int[] rows, int from, int to, long[] time) {
        boolean sorted = true;
        for (int k = from + 1; k < to && sorted; k++) {
            sorted = time[rows[k - 1]] <= time[rows[k]];
        }
        if (sorted) {
            return;
        }
        int[] buffer = new int[to - from];
        for (int width = 1; width < to - from; width *= 2) {
            for (int left = from; left < to - width; left += 2 * width) {
                int mid = left + width;
                int right = Math.min(left + 2 * width, to);
                int a = left;
                int b = mid;
                int out = 0;
                while (a < mid && b < right) {
                    buffer[out++] = time[rows[b]] < time[rows[a]] ? rows[b++] : rows[a++];
                }
                while (a < mid) {
                    buffer[out++] = rows[a++];
                }
                while (b < right) {
                    buffer[out++] = rows[b++];
                }
                System.arraycopy(buffer, 0, rows, left, out);
            }
        }
    }
}
