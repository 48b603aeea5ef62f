package io.stylegraph.api.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.graph.repository.CatalogueRepository;
import io.stylegraph.graph.repository.RatedItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue held in memory for serving: reads never wait on the graph, and the catalogue stays readable while the
 * graph is down. Reloaded after imports and periodically (to pick up changes other replicas or the CLI made).
 */
@Singleton
public class CatalogueCache {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueCache.class);

    private final CatalogueRepository repository;
    private volatile CatalogueSnapshot snapshot = CatalogueSnapshot.empty();
    private volatile String fingerprint = "";
    private final AtomicInteger importsRunning = new AtomicInteger();

    private final boolean enabled;

    public CatalogueCache(CatalogueRepository repository) {
        this(repository, true);
    }

    /**
     * @param enabled {@code stylegraph.catalogue.load}: false in a process that serves no requests ({@code train}),
     *                which then neither loads the catalogue at start nor refreshes it (1 M items held about a
     *                gigabyte of a training run's heap for nobody)
     */
    @Inject
    public CatalogueCache(CatalogueRepository repository,
                          @Value("${stylegraph.catalogue.load:true}") boolean enabled) {
        this.repository = repository;
        this.enabled = enabled;
    }

    /** Whether this process keeps the catalogue in memory (see the constructor). */
    public boolean enabled() {
        return enabled;
    }

    public CatalogueSnapshot snapshot() {
        return snapshot;
    }

    public Optional<RatedItem> find(String id) {
        return snapshot.find(id);
    }

    /** Reads the whole catalogue from the graph. Returns false (keeping the old snapshot) when the graph is down. */
    public synchronized boolean reload() {
        long started = System.nanoTime();
        try {
            String current = repository.fingerprint();
            List<RatedItem> items = repository.findAll();
            fingerprint = current;
            snapshot = CatalogueSnapshot.of(items);
            LOG.info("Catalogue loaded: {} items in {} ms", items.size(), (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Catalogue not reloaded (graph unavailable: {})", e.getMessage());
            return false;
        }
    }

    /** Adds or replaces one item without reading the whole catalogue again (an item added through the API). */
    public synchronized void put(RatedItem item) {
        List<RatedItem> items = new ArrayList<>(snapshot.items());
        items.removeIf(existing -> existing.item().id().equals(item.item().id()));
        items.add(item);
        items.sort(Comparator.comparing(rated -> rated.item().id()));
        snapshot = CatalogueSnapshot.of(items);
    }

    /**
     * Marks an import in this process as running until the returned handle is closed: the periodic refresh leaves the
     * catalogue alone meanwhile (the import reloads it when done), instead of reading a half-written catalogue.
     */
    public Importing importing() {
        importsRunning.incrementAndGet();
        return importsRunning::decrementAndGet;
    }

    /** An import's hold on the catalogue; closing it lets the periodic refresh run again. */
    @FunctionalInterface
    public interface Importing extends AutoCloseable {
        @Override
        void close();
    }

    @Scheduled(fixedDelay = "${stylegraph.catalogue.refresh-interval:60s}",
            initialDelay = "${stylegraph.catalogue.refresh-interval:60s}")
    void refreshPeriodically() {
        if (!enabled || importsRunning.get() > 0) {
            return;
        }
        try {
            if (!snapshot.isLoaded() || !repository.fingerprint().equals(fingerprint)) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.debug("Catalogue freshness check skipped: {}", e.getMessage());
        }
    }
}
