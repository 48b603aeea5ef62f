package io.stylegraph.training.retrieval;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;

/** Counters of the embedding run in progress (or the last one), with a throttled progress log. */
public final class EmbeddingProgress {
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

    public synchronized void scanning() {
        state = "scanning";
        items = 0;
        embedded = 0;
        unreadableImages = 0;
        error = null;
        finishedAt = null;
        startedAt = Instant.now();
        startNanos = System.nanoTime();
    }

    public synchronized void embedding(long total) {
        state = "embedding";
        items = total;
        embedStartNanos = System.nanoTime();
        lastLogNanos = embedStartNanos;
    }

    public synchronized void advance(long done, long unreadable, Logger log) {
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

    public synchronized void done() {
        state = "done";
        finishedAt = Instant.now();
    }

    public synchronized void failed(String message) {
        state = "failed";
        error = message;
        finishedAt = Instant.now();
    }

    public synchronized String state() {
        return state;
    }

    public synchronized Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public synchronized long embedded() {
        return embedded;
    }

    public synchronized long unreadableImages() {
        return unreadableImages;
    }

    /**
     * Where the run stands: {@code state} is {@code idle} (not run yet), {@code scanning} (finding stale items),
     * {@code embedding}, {@code done} or {@code failed}; {@code etaSeconds} only while embedding and known.
     */
    public record Reading(String state, long items, long embedded, double itemsPerSecond, Long etaSeconds,
                          long unreadableImages, Instant startedAt, Instant finishedAt, String error) {
        /** Whether a run is going on (scanning or embedding). */
        public boolean running() {
            return "scanning".equals(state) || "embedding".equals(state);
        }
    }

    public synchronized Reading reading() {
        return new Reading(state, items, embedded, Math.round(itemsPerSecond() * 10) / 10.0,
                "embedding".equals(state) ? etaSeconds() : null, unreadableImages, startedAt, finishedAt, error);
    }

    private double itemsPerSecond() {
        double seconds = (System.nanoTime() - embedStartNanos) / 1e9;
        return embedStartNanos == 0 || seconds <= 0 ? 0 : embedded / seconds;
    }

    private Long etaSeconds() {
        double rate = itemsPerSecond();
        return rate <= 0 ? null : Math.round((items - embedded) / rate);
    }

    public static String formatDuration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : seconds + "s";
    }
}
