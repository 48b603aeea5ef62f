package io.stylegraph.training.retrieval;

import java.util.Arrays;

/** Wall-clock durations of repeated calls, summarized as percentiles in milliseconds. */
public final class Latencies {
    private final long[] nanos;
    private int count;

    public Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    public void add(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    public int count() {
        return count;
    }

    /** The nearest-rank percentile, {@code p} in 0..100. */
    public double percentileMs(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    public double meanMs() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return count == 0 ? Double.NaN : sum / 1e6 / count;
    }
}
