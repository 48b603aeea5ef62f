package io.stylegraph.api.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;

/** Counters of the embedding run in progress (or the last one), with a throttled progress log. */
final class EmbeddingProgress {
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(2);

    private String state = "idle";
    private long items;
    private long embedded;
    private long unreadableImages;
    private long startNanos;
    private long embedStartNanos;
    private long lastLogNanos;
    private Instant startedAt;
    private Instant finishedAt;
    private String error;

    synchronized void scanning() {
        state = "scanning";
        items = 0;
        embedded = 0;
        unreadableImages = 0;
        error = null;
        finishedAt = null;
        startedAt = Instant.now();
        startNanos = System.nanoTime();
    }

    synchronized void embedding(long total) {
        state = "embedding";
        items = total;
        embedStartNanos = System.nanoTime();
        lastLogNanos = embedStartNanos;
    }

    synchronized void advance(long done, long unreadable, Logger log) {
        embedded += done;
        unreadableImages += unreadable;
        long now = System.nanoTime();
        if (now - lastLogNanos >= LOG_INTERVAL.toNanos() || embedded == items) {
            lastLogNanos = now;
            Long eta = etaSeconds();
            log.info(String.format(Locale.ROOT, "Embedding items: %,d/%,d (%.1f items/s%s)", embedded, items,
                    itemsPerSecond(), eta == null ? "" : ", ETA " + formatDuration(eta)));
        }
    }

    synchronized void done() {
        state = "done";
        finishedAt = Instant.now();
    }

    synchronized void failed(String message) {
        state = "failed";
        error = message;
        finishedAt = Instant.now();
    }

    synchronized String state() {
        return state;
    }

    synchronized Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    synchronized long embedded() {
        return embedded;
    }

    synchronized long unreadableImages() {
        return unreadableImages;
    }

    /** @param runQueued whether another run waits; a finished run then reports {@code queued} */
    synchronized EmbeddingStatus snapshot(String visualModel, String textModel, boolean sharedSpace,
                                          Map<String, Integer> indexed, Map<String, Boolean> approximate,
                                          Map<String, String> graphs, boolean runQueued) {
        boolean running = "scanning".equals(state) || "embedding".equals(state);
        return new EmbeddingStatus(runQueued && !running ? "queued" : state, visualModel, textModel, sharedSpace,
                items, embedded, Math.round(itemsPerSecond() * 10) / 10.0,
                "embedding".equals(state) ? etaSeconds() : null, unreadableImages, indexed, approximate, graphs, startedAt, finishedAt, error);
    }

    private double itemsPerSecond() {
        double seconds = (System.nanoTime() - embedStartNanos) / 1e9;
        return embedStartNanos == 0 || seconds <= 0 ? 0 : embedded / seconds;
    }

    private Long etaSeconds() {
        double rate = itemsPerSecond();
        return rate <= 0 ? null : Math.round((items - embedded) / rate);
    }

    static String formatDuration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : seconds + "s";
    }
}
