package io.stylegraph.training.data;

import java.util.Arrays;

/**
 * Binary users × items matrix in CSR form: the items of user {@code u} are {@code items[rowStart[u] .. rowStart[u+1])},
 * sorted ascending and without duplicates.
 */
public final class InteractionMatrix {

    private final int numUsers;
    private final int numItems;
    private final int[] rowStart;
    private final int[] items;

    private InteractionMatrix(int numUsers, int numItems, int[] rowStart, int[] items) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.rowStart = rowStart;
        this.items = items;
    }

    public static InteractionMatrix empty(int numUsers, int numItems) {
        return new InteractionMatrix(numUsers, numItems, new int[numUsers + 1], new int[0]);
    }

    /** Builds the matrix from parallel (user, item) arrays; repeated pairs count once. */
    public static InteractionMatrix fromPairs(int numUsers, int numItems, int[] users, int[] itemIds, int count) {
        int[] rowStart = new int[numUsers + 1];
        for (int k = 0; k < count; k++) {
            checkIndex(users[k], numUsers, "user");
            checkIndex(itemIds[k], numItems, "item");
            rowStart[users[k] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        int[] fill = Arrays.copyOf(rowStart, numUsers);
        int[] cols = new int[count];
        for (int k = 0; k < count; k++) {
            cols[fill[users[k]]++] = itemIds[k];
        }
        // sort each row and drop repeats
        int[] compactStart = new int[numUsers + 1];
        int write = 0;
        for (int u = 0; u < numUsers; u++) {
            int from = rowStart[u];
            int to = rowStart[u + 1];
            Arrays.sort(cols, from, to);
            compactStart[u] = write;
            for (int k = from; k < to; k++) {
                if (k == from || cols[k] != cols[k - 1]) {
                    cols[write++] = cols[k];
                }
            }
        }
        compactStart[numUsers] = write;
        return new InteractionMatrix(numUsers, numItems, compactStart, Arrays.copyOf(cols, write));
    }

    public static Builder builder(int numUsers, int numItems) {
        return new Builder(numUsers, numItems);
    }

    private static void checkIndex(int value, int bound, String what) {
        if (value < 0 || value >= bound) {
            throw new IllegalArgumentException(what + " id " + value + " outside [0, " + bound + ")");
        }
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    public int nnz() {
        return items.length;
    }

    public int degree(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    public int rowStart(int user) {
        return rowStart[user];
    }

    public int rowEnd(int user) {
        return rowStart[user + 1];
    }

    /** The raw column array; entries of user {@code u} sit in {@code [rowStart(u), rowEnd(u))}. Do not modify. */
    public int[] columns() {
        return items;
    }

    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(items, rowStart[user], rowStart[user + 1]);
    }

    public boolean contains(int user, int item) {
        return Arrays.binarySearch(items, rowStart[user], rowStart[user + 1], item) >= 0;
    }

    public int[] itemDegrees() {
        int[] degrees = new int[numItems];
        for (int item : items) {
            degrees[item]++;
        }
        return degrees;
    }

    /** The user of every stored entry, parallel to {@link #columns()}. */
    public int[] rowOfEntries() {
        int[] rows = new int[items.length];
        for (int u = 0; u < numUsers; u++) {
            Arrays.fill(rows, rowStart[u], rowStart[u + 1], u);
        }
        return rows;
    }

    public int usersWithInteractions() {
        int count = 0;
        for (int u = 0; u < numUsers; u++) {
            if (degree(u) > 0) {
                count++;
            }
        }
        return count;
    }

    /** Accumulates (user, item) pairs; repeated pairs count once. */
    public static final class Builder {
        private final int numUsers;
        private final int numItems;
        private int[] users = new int[16];
        private int[] items = new int[16];
        private int count;

        private Builder(int numUsers, int numItems) {
            this.numUsers = numUsers;
            this.numItems = numItems;
        }

        public Builder add(int user, int item) {
            if (count == users.length) {
                users = Arrays.copyOf(users, count * 2);
                items = Arrays.copyOf(items, count * 2);
            }
            users[count] = user;
            items[count] = item;
            count++;
            return this;
        }

        public InteractionMatrix build() {
            return fromPairs(numUsers, numItems, users, items, count);
        }
    }
}
