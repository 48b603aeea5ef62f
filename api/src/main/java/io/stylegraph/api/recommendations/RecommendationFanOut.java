package io.stylegraph.api.recommendations;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The threads that take one side of a blended recommendation (the content search) while the request's thread takes
 * the other (the model's item graph), so that one request uses two cores ({@link SideWork}). At 230k items the two
 * sides each took about a third of a median shopper's request. {@code stylegraph.recommendations.fan-out-threads}
 * (default: the machine's cores) sets how many; 0 keeps every request on its own thread. A side the threads cannot
 * take at once (all busy, queue full) is done by the request's thread, so the pool never holds a request up.
 */
@Singleton
public class RecommendationFanOut {
    /** Sides waiting for a thread at most; beyond them the request's thread does its own side. */
    static final int QUEUE = 64;

    private final ExecutorService executor;

    public RecommendationFanOut(@Value("${stylegraph.recommendations.fan-out-threads:-1}") int threads) {
        int count = threads < 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (count == 0) {
            this.executor = null;
            return;
        }
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(count, count, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "recommendation-side-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Where sides are offered; null when fan-out is off. */
    @Nullable
    ExecutorService executor() {
        return executor;
    }

    @PreDestroy
    void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
