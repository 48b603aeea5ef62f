package io.stylegraph.training.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** Runs disjoint index ranges on a private pool, so training threads never mix with the common pool. */
final class ParallelRanges implements AutoCloseable {

    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    private final ForkJoinPool pool;
    private final int threads;

    ParallelRanges(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : new ForkJoinPool(this.threads);
    }

    int threads() {
        return threads;
    }

    /** Splits [0, size) into about 4 chunks per thread; small ranges run on the caller. */
    void forEach(int size, int minChunk, RangeTask task) {
        int chunks = Math.min(threads * 4, Math.max(1, size / Math.max(1, minChunk)));
        if (pool == null || chunks <= 1) {
            task.run(0, size);
            return;
        }
        int[] bounds = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            bounds[c] = (int) ((long) size * c / chunks);
        }
        runChunks(bounds, task);
    }

    /** Runs precomputed chunk boundaries (for example balanced by non-zeros). */
    void runChunks(int[] bounds, RangeTask task) {
        int chunks = bounds.length - 1;
        if (pool == null || chunks <= 1) {
            task.run(bounds[0], bounds[chunks]);
            return;
        }
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> task.run(bounds[c], bounds[c + 1])))
                .join();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
