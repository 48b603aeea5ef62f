package io.stylegraph.training.job;

import java.util.PriorityQueue;
import java.util.function.IntPredicate;

import io.stylegraph.training.model.Standardization;

/** Served scores by a scan of every item: the reference the ANN path is measured against. */
public final class ExactScores implements ServedScores {
    private final float[] scores;
    private final int count;
    private Standardization spread;

    /** The first {@code count} entries of {@code scores} (a {@link ServableModel#scoreAll} buffer), not copied. */
    public ExactScores(float[] scores, int count) {
        this.scores = scores;
        this.count = count;
    }

    /** The model's scores for the user: {@link ServableModel#scoreAll(float[], java.util.Collection, boolean)}. */
    public static ExactScores of(ServableModel model, float[] user, java.util.Collection<String> liked,
                                 boolean knownUser) {
        return new ExactScores(model.scoreAll(user, liked, knownUser), model.numItems());
    }

    @Override
    public double score(int row) {
        return scores[row];
    }

    @Override
    public Standardization spread() {
        if (spread == null) {
            spread = Standardization.of(scores, 0, count);
        }
        return spread;
    }

    @Override
    public int[] top(int k, IntPredicate wanted) {
        return top(scores, count, k, wanted);
    }

    @Override
    public int[] top(int k, IntPredicate wanted, int[] among) {
        if (among == null) {
            return top(k, wanted);
        }
        if (k <= 0) {
            return new int[0];
        }
        io.stylegraph.training.index.TopK best = new io.stylegraph.training.index.TopK(k);
        for (int row : among) {
            if (row < count && scores[row] >= best.threshold() && wanted.test(row)) {
                best.offer(row, scores[row]);
            }
        }
        return best.drain().rows();
    }

    @Override
    public boolean approximate() {
        return false;
    }

    /** The k best of the first {@code count} scores that {@code wanted} accepts, best first. */
    static int[] top(float[] scores, int count, int k, IntPredicate wanted) {
        if (k <= 0) {
            return new int[0];
        }
        record Scored(int row, float score) {
        }
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.score(), b.score()));
        float threshold = Float.NEGATIVE_INFINITY;
        for (int row = 0; row < count; row++) {
            float score = scores[row];
            if (score <= threshold || !wanted.test(row)) {
                continue;
            }
            best.add(new Scored(row, score));
            if (best.size() > k) {
                best.poll();
            }
            if (best.size() == k) {
                threshold = best.peek().score();
            }
        }
        int[] rows = new int[best.size()];
        for (int at = rows.length - 1; at >= 0; at--) {
            rows[at] = best.poll().row();
        }
        return rows;
    }
}
