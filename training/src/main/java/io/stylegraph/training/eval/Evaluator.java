package io.stylegraph.training.eval;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.index.TopK;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Full-ranking evaluation with the MMRec protocol: every item is ranked, only the items in {@code exclude} (the user's
 * train likes) are masked, every user with at least one target counts, and metrics are averaged over those users.
 * Scores come from the model's {@link Scorer} a block of users at a time; top-k selection runs in Java.
 */
public final class Evaluator implements AutoCloseable {

    public static final int[] STANDARD_CUTOFFS = {10, 20, 50};
    private static final int BLOCK = 512;
    /** Scores held at once: 512 users' scores of 1 M items would be 2 GiB, so large catalogues take fewer users. */
    private static final long MAX_BLOCK_SCORES = 1L << 26;
    private static final String[] PER_USER = {"Recall", "NDCG", "Precision", "MRR", "HitRate"};

    private final int[] cutoffs;
    private final int maxCutoff;
    private final ForkJoinPool pool;

    public Evaluator(int[] cutoffs, int threads) {
        if (cutoffs.length == 0) {
            throw new IllegalArgumentException("no cutoffs");
        }
        this.cutoffs = cutoffs.clone();
        this.maxCutoff = Arrays.stream(cutoffs).max().getAsInt();
        this.pool = new ForkJoinPool(Math.max(1, threads));
    }

    public static Evaluator standard(int threads) {
        return new Evaluator(STANDARD_CUTOFFS, threads);
    }

    public EvaluationResult evaluate(Scorer scorer, InteractionMatrix exclude, InteractionMatrix targets) {
        return evaluate(scorer, exclude, targets, IntStream.range(0, targets.numUsers())
                .filter(u -> targets.degree(u) > 0).toArray());
    }

    /**
     * As {@link #evaluate(Scorer, InteractionMatrix, InteractionMatrix)}, on at most {@code maxUsers} of the users
     * with targets, drawn uniformly without replacement with the seed (all of them when there are no more): ranking
     * every item for every user costs users × items, about 10^14 operations at 1 M items and as many users, so at
     * that size the metrics are means over a stated sample. The result's {@code users} is the sample's size.
     */
    public EvaluationResult evaluateSample(Scorer scorer, InteractionMatrix exclude, InteractionMatrix targets,
                                           int maxUsers, long seed) {
        int[] users = EvaluationSample.users(targets, maxUsers, seed);
        return evaluate(scorer, exclude, targets, users);
    }

    private EvaluationResult evaluate(Scorer scorer, InteractionMatrix exclude, InteractionMatrix targets,
                                      int[] users) {
        long start = System.nanoTime();
        int numItems = targets.numItems();
        int perUser = PER_USER.length * cutoffs.length;
        double[] values = new double[users.length * perUser];
        boolean[][] recommended = new boolean[cutoffs.length][numItems];
        int blockUsers = (int) Math.max(1, Math.min(BLOCK, MAX_BLOCK_SCORES / Math.max(1, numItems)));
        float[] scores = new float[Math.min(blockUsers, Math.max(1, users.length)) * numItems];
        for (int from = 0; from < users.length; from += blockUsers) {
            int to = Math.min(users.length, from + blockUsers);
            int[] block = Arrays.copyOfRange(users, from, to);
            scorer.score(block, scores);
            int blockStart = from;
            pool.submit(() -> IntStream.range(0, block.length).parallel().forEach(b -> {
                int user = block[b];
                int offset = b * numItems;
                for (int k = exclude.rowStart(user); k < exclude.rowEnd(user); k++) {
                    scores[offset + exclude.columns()[k]] = Float.NEGATIVE_INFINITY;
                }
                int[] ranked = new int[maxCutoff];
                int found = TopK.select(scores, offset, numItems, ranked);
                boolean[] relevant = new boolean[found];
                for (int r = 0; r < found; r++) {
                    relevant[r] = targets.contains(user, ranked[r]);
                }
                int numTargets = targets.degree(user);
                int at = (blockStart + b) * perUser;
                for (int c = 0; c < cutoffs.length; c++) {
                    int cutoff = cutoffs[c];
                    values[at++] = RankingMetrics.recall(relevant, cutoff, numTargets);
                    values[at++] = RankingMetrics.ndcg(relevant, cutoff, numTargets);
                    values[at++] = RankingMetrics.precision(relevant, cutoff);
                    values[at++] = RankingMetrics.reciprocalRank(relevant, cutoff);
                    values[at++] = RankingMetrics.hitRate(relevant, cutoff);
                    for (int r = 0; r < Math.min(cutoff, found); r++) {
                        recommended[c][ranked[r]] = true;
                    }
                }
            })).join();
        }
        double[] sums = new double[perUser];
        for (int u = 0; u < users.length; u++) {
            for (int m = 0; m < perUser; m++) {
                sums[m] += values[u * perUser + m];
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int c = 0; c < cutoffs.length; c++) {
            for (int m = 0; m < PER_USER.length; m++) {
                double mean = users.length == 0 ? 0 : sums[c * PER_USER.length + m] / users.length;
                metrics.put(PER_USER[m] + "@" + cutoffs[c], mean);
            }
        }
        for (int c = 0; c < cutoffs.length; c++) {
            int covered = 0;
            for (boolean r : recommended[c]) {
                covered += r ? 1 : 0;
            }
            metrics.put("Coverage@" + cutoffs[c], numItems == 0 ? 0 : (double) covered / numItems);
        }
        return new EvaluationResult(users.length, metrics, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
