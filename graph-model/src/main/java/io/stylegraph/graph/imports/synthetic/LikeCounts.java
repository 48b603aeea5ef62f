package io.stylegraph.graph.imports.synthetic;

/** How many likes each synthetic user gets. */
final class LikeCounts {
    private static final double USER_ACTIVITY_EXPONENT = 0.8;

    private LikeCounts() {
    }

    /** Most likes one user gets: {@link SyntheticCatalogue#MAX_LIKES_PER_USER}, or half the items when fewer. */
    static int maxPerUser(long items) {
        return (int) Math.max(1, Math.min(SyntheticCatalogue.MAX_LIKES_PER_USER, items / 2));
    }

    /**
     * Like counts per user: a power law over users (user 0 the most active), capped at {@link #maxPerUser};
     * what the cap takes from the head goes to the others in proportion to their weight, and the counts add up to
     * exactly {@code likes}.
     */
    static int[] perUser(int users, long items, long likes) {
        int cap = maxPerUser(items);
        double[] weight = new double[users];
        for (int u = 0; u < users; u++) {
            weight[u] = Math.pow(u + 1, -USER_ACTIVITY_EXPONENT);
        }
        int[] counts = new int[users];
        boolean[] capped = new boolean[users];
        long remaining = likes;
        // water-filling: give shares by weight; users over the cap get the cap and leave the rest to the others
        while (true) {
            double free = 0;
            for (int u = 0; u < users; u++) {
                if (!capped[u]) {
                    free += weight[u];
                }
            }
            boolean changed = false;
            for (int u = 0; u < users; u++) {
                if (!capped[u] && remaining * weight[u] / free >= cap) {
                    capped[u] = true;
                    counts[u] = cap;
                    remaining -= cap;
                    changed = true;
                }
            }
            if (!changed) {
                long given = 0;
                double[] remainder = new double[users];
                for (int u = 0; u < users; u++) {
                    if (!capped[u]) {
                        double share = remaining * weight[u] / free;
                        counts[u] = (int) Math.floor(share);
                        remainder[u] = share - counts[u];
                        given += counts[u];
                    }
                }
                long left = remaining - given;
                // the leftover (fewer than the number of users) goes one each to the largest remainders; users are
                // in weight order, so ties resolve to the more active
                Integer[] order = new Integer[users];
                for (int u = 0; u < users; u++) {
                    order[u] = u;
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
                for (int k = 0; k < users && left > 0; k++) {
                    if (!capped[order[k]] && counts[order[k]] < cap) {
                        counts[order[k]]++;
                        left--;
                    }
                }
                if (left != 0) {
                    throw new IllegalStateException("like counts do not add up: " + left + " left over");
                }
                return counts;
            }
        }
    }
}
