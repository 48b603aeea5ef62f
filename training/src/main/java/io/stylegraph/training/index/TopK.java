package io.stylegraph.training.index;

/**
 * Keeps the {@code k} best-scoring rows seen so far in a min-heap on primitive arrays: no boxing, one comparison per
 * rejected row. Among equal scores the lower row wins, so results do not depend on the order rows are offered in.
 * The one top-k selection of the project: the vector index's scans and the ranking evaluation ({@link #select}).
 */
public final class TopK {
    private final int k;
    private final int[] rows;
    private final float[] scores;
    private int size;

    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.k = k;
        this.rows = new int[k];
        this.scores = new float[k];
    }

    /** The score a row must beat to enter; negative infinity until k rows are held. */
    public float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    public void offer(int row, float score) {
        if (size < k) {
            rows[size] = row;
            scores[size] = score;
            siftUp(size++);
        } else if (score > scores[0] || (score == scores[0] && row < rows[0])) {
            rows[0] = row;
            scores[0] = score;
            siftDown(0);
        }
    }

    public int size() {
        return size;
    }

    /** The rows held, best first (ties: lower row first). Empties the heap. */
    public ScoredRows drain() {
        int n = size;
        int[] outRows = new int[n];
        float[] outScores = new float[n];
        for (int i = n - 1; i >= 0; i--) {
            outRows[i] = rows[0];
            outScores[i] = scores[0];
            size--;
            if (size > 0) {
                rows[0] = rows[size];
                scores[0] = scores[size];
                siftDown(0);
            }
        }
        return new ScoredRows(outRows, outScores);
    }

    /**
     * Fills {@code out} with the indices of the largest scores in {@code scores[offset .. offset+length)}, best first
     * (ties: lower index first), skipping NaN and negative-infinity entries (masked items); returns how many were
     * written.
     */
    public static int select(float[] scores, int offset, int length, int[] out) {
        TopK top = new TopK(out.length);
        float threshold = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < length; j++) {
            float score = scores[offset + j];
            // false for NaN and negative infinity; indices ascend, so a tie with the worst one held loses
            if (score > threshold) {
                top.offer(j, score);
                threshold = top.threshold();
            }
        }
        ScoredRows best = top.drain();
        System.arraycopy(best.rows(), 0, out, 0, best.size());
        return best.size();
    }

    /** Heap order: worst on top; a lower score is worse, and among equal scores the higher row. */
    private boolean worse(int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && rows[a] > rows[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int worst = right < size && worse(right, left) ? right : left;
            if (!worse(worst, i)) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int row = rows[a];
        rows[a] = rows[b];
        rows[b] = row;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
