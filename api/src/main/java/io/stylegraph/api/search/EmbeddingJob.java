package io.stylegraph.api.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.repository.CatalogueRepository;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.training.retrieval.CatalogueEmbedding;
import io.stylegraph.training.retrieval.EmbeddingProgress;
import io.stylegraph.training.retrieval.ItemEmbedder;
import io.stylegraph.training.search.ServingIndexes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every item's {@code visual} and {@code text} vectors current, in the background: after an import, at start-up
 * and when the graph's item or vector counts move (another replica, the CLI). A run is a {@link CatalogueEmbedding};
 * afterwards the HNSW graphs that changed are saved. Requests during a run are coalesced into one more run.
 */
@Singleton
public class EmbeddingJob {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingJob.class);

    private final ItemVectorRepository repository;
    private final CatalogueRepository catalogue;
    private final ActiveEncoders encoders;
    private final SearchIndexes indexes;
    private final SearchConfiguration config;
    private final ExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final EmbeddingProgress progress = new EmbeddingProgress();
    private final CatalogueEmbedding embedding;
    private volatile String settledFingerprint;

    public EmbeddingJob(ItemVectorRepository repository, CatalogueRepository catalogue, ItemEmbedder embedder,
                        ActiveEncoders encoders, SearchIndexes indexes, GraphDatabase graph, SearchConfiguration config,
                        @Named("embeddings") ExecutorService executor) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.encoders = encoders;
        this.indexes = indexes;
        this.config = config;
        this.executor = executor;
        this.embedding = new CatalogueEmbedding(repository, graph, embedder, encoders, indexes, progress);
    }

    /** Called once the service is up: embeds what is stale unless {@code stylegraph.search.embed-on-startup=false}. */
    public void onStartup() {
        if (config.isEmbedOnStartup()) {
            requestRun();
        } else {
            LOG.info("Embedding at start-up is off (stylegraph.search.embed-on-startup=false)");
        }
    }

    /** Queues a run unless one is already queued; returns at once. */
    public void requestRun() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(this::runQueued);
        }
    }

    public EmbeddingStatus status() {
        ServingIndexes.State held = indexes.state();
        boolean runQueued = queued.get();
        EmbeddingProgress.Reading run = progress.reading();
        // a finished run reports queued when another waits
        return new EmbeddingStatus(runQueued && !run.running() ? "queued" : run.state(), held.visualModel(),
                held.textModel(), encoders.sharedSpace(), run.items(), run.embedded(), run.itemsPerSecond(),
                run.etaSeconds(), run.unreadableImages(), held.indexed(), held.approximate(), held.graphs(),
                run.startedAt(), run.finishedAt(), run.error());
    }

    @Scheduled(fixedDelay = "${stylegraph.search.refresh-interval:60s}",
            initialDelay = "${stylegraph.search.refresh-interval:60s}")
    void refreshPeriodically() {
        if (queued.get() || (!config.isEmbedOnStartup() && settledFingerprint == null)) {
            return;
        }
        try {
            if (!fingerprint().equals(settledFingerprint)) {
                requestRun();
            }
        } catch (RuntimeException e) {
            LOG.debug("Embedding freshness check skipped: {}", e.getMessage());
        }
    }

    /** Item count and stored vector counts of the current models: when unchanged, nothing is left to do. */
    private String fingerprint() {
        return catalogue.countItems() + ":" + repository.countVectors(Modality.VISUAL, encoders.image().modelId())
                + ":" + repository.countVectors(Modality.TEXT, encoders.text().modelId());
    }

    private void runQueued() {
        // in this order, a status read in between never shows the previous run as the latest word
        progress.scanning();
        queued.set(false);
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Embedding run failed after {} items: {}", progress.embedded(), e.getMessage(), e);
            progress.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void run() {
        if (!embedding.run(Math.max(1, config.getEmbedBatchSize()))) {
            return;
        }
        settledFingerprint = fingerprint();
        indexes.saveGraphs();
        if (progress.reading().items() > 0) {
            LOG.info("Embedding done: {} items in {} s ({} without a readable image)", progress.reading().items(),
                    progress.elapsed().toSeconds(), progress.unreadableImages());
        }
    }
}
