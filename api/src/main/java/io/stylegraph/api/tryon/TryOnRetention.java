package io.stylegraph.api.tryon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes try-on jobs, their person photos and results once they are older than {@code stylegraph.tryon.retention}
 * (privacy: nobody's photo is kept longer than that, finished or not). Runs every
 * {@code stylegraph.tryon.cleanup-interval}.
 */
@Singleton
public class TryOnRetention {
    private static final Logger LOG = LoggerFactory.getLogger(TryOnRetention.class);

    private final TryOnStore store;
    private final TryOnWorker worker;
    private final TryOnConfiguration config;

    public TryOnRetention(TryOnStore store, TryOnWorker worker, TryOnConfiguration config) {
        this.store = store;
        this.worker = worker;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${stylegraph.tryon.cleanup-interval:15m}",
            initialDelay = "${stylegraph.tryon.cleanup-interval:15m}")
    void scheduled() {
        try {
            purgeOlderThan(config.getRetention());
        } catch (RuntimeException e) {
            LOG.warn("Try-on retention skipped: {}", e.getMessage());
        }
    }

    /** Deletes jobs submitted more than {@code retention} ago; returns how many went. */
    public int purgeOlderThan(Duration retention) {
        List<String> deleted = store.deleteCreatedBefore(Instant.now().minus(retention));
        deleted.forEach(worker::interrupt);
        if (!deleted.isEmpty()) {
            LOG.info("Try-on retention: {} jobs older than {} deleted with their photos", deleted.size(),
                    retention);
        }
        return deleted.size();
    }
}
