package io.stylegraph.training.retrieval;

import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How long one kind of query took: percentiles and mean over the query items, in milliseconds. */
public record LatencyRow(String query, int queries, double p50Ms, double p99Ms, double meanMs) {
    /** Untimed calls before the timed ones: class loading and JIT compilation would skew the first. */
    static final int WARM_UP = 100;
    private static final Logger LOG = LoggerFactory.getLogger(LatencyRow.class);

    /**
     * Times {@code query} once per item, after up to {@link #WARM_UP} untimed calls on the last items; figures
     * rounded to the microsecond and logged. What the query answers is ignored.
     */
    public static <T> LatencyRow measure(String name, List<T> items, Function<T, ?> query) {
        for (int i = 0; i < Math.min(WARM_UP, items.size()); i++) {
            query.apply(items.get(items.size() - 1 - i));
        }
        Latencies latencies = new Latencies(items.size());
        for (T item : items) {
            long started = System.nanoTime();
            query.apply(item);
            latencies.add(System.nanoTime() - started);
        }
        LatencyRow row = new LatencyRow(name, latencies.count(), round(latencies.percentileMs(50)),
                round(latencies.percentileMs(99)), round(latencies.meanMs()));
        LOG.info("latency {}: p50 {} ms, p99 {} ms", name, row.p50Ms(), row.p99Ms());
        return row;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
