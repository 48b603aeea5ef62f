package io.stylegraph.api.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.VectorIndexSchema;
import io.stylegraph.graph.repository.CatalogueRepository;
import io.stylegraph.graph.repository.ItemContent;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.graph.repository.VectorWrite;
import io.stylegraph.models.ImageEncoder;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.training.retrieval.ItemEmbedder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every item's {@code visual} and {@code text} vectors current, in the background: after an import, at start-up
 * and when the graph's item or vector counts move (another replica, the CLI). A run prepares the Neo4j vector indexes
 * and the serving indexes for the current encoders, loads vectors other processes stored, then embeds the stale items
 * in batches, storing each batch and adding it to the serving indexes at once, so search covers more as it goes.
 * Requests during a run are coalesced into one more run.
 */
@Singleton
public class EmbeddingJob {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingJob.class);
    private static final int LOAD_PAGE = 2_000;

    private final ItemVectorRepository repository;
    private final CatalogueRepository catalogue;
    private final ItemEmbedder embedder;
    private final ActiveEncoders encoders;
    private final SearchIndexes indexes;
    private final GraphDatabase graph;
    private final SearchConfiguration config;
    private final ExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final EmbeddingProgress progress = new EmbeddingProgress();
    private volatile String settledFingerprint;

    public EmbeddingJob(ItemVectorRepository repository, CatalogueRepository catalogue, ItemEmbedder embedder,
                        ActiveEncoders encoders, SearchIndexes indexes, GraphDatabase graph, SearchConfiguration config,
                        @Named("embeddings") ExecutorService executor) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.embedder = embedder;
        this.encoders = encoders;
        this.indexes = indexes;
        this.graph = graph;
        this.config = config;
        this.executor = executor;
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
        Map<String, Integer> indexed = new LinkedHashMap<>();
        Map<String, Boolean> approximate = new LinkedHashMap<>();
        Map<String, String> graphs = new LinkedHashMap<>();
        String visualModel = null;
        String textModel = null;
        for (Modality modality : Modality.values()) {
            VectorIndex index = indexes.index(modality).orElse(null);
            indexed.put(modality.wireName(), index == null ? 0 : index.size());
            approximate.put(modality.wireName(), index != null && index.approximate());
            if (index != null) {
                index.graphSource().ifPresent(source -> graphs.put(modality.wireName(), source));
            }
            if (index != null && modality == Modality.VISUAL) {
                visualModel = index.modelId();
            } else if (index != null) {
                textModel = index.modelId();
            }
        }
        return progress.snapshot(visualModel, textModel, encoders.sharedSpace(), indexed, approximate, graphs,
                queued.get());
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
        ImageEncoder image = encoders.image();
        TextEncoder text = encoders.text();
        VectorIndexSchema.ensure(graph, Modality.VISUAL, image.dimension());
        VectorIndexSchema.ensure(graph, Modality.TEXT, text.dimension());
        indexes.prepare(Modality.VISUAL, image.modelId(), image.dimension());
        indexes.prepare(Modality.TEXT, text.modelId(), text.dimension());

        List<String> stale = new ArrayList<>();
        Map<Modality, List<String>> storedElsewhere = new EnumMap<>(Modality.class);
        for (Modality modality : Modality.values()) {
            storedElsewhere.put(modality, new ArrayList<>());
        }
        repository.forEachContent(item -> {
            boolean visualStale = embedder.stale(item, Modality.VISUAL);
            boolean textStale = embedder.stale(item, Modality.TEXT);
            if (visualStale || textStale) {
                stale.add(item.id());
            }
            for (Modality modality : Modality.values()) {
                boolean modalityStale = modality == Modality.VISUAL ? visualStale : textStale;
                if (!modalityStale && item.hasVector(modality) && !indexes.index(modality)
                        .map(index -> index.holds(item.id(), item.slot(), item.gender())).orElse(true)) {
                    storedElsewhere.get(modality).add(item.id());
                }
            }
        });
        loadStoredVectors(storedElsewhere, Map.of(Modality.VISUAL, image.modelId(), Modality.TEXT, text.modelId()));

        progress.embedding(stale.size());
        if (!stale.isEmpty()) {
            LOG.info("Embedding {} items with {} and {}", stale.size(), image.modelId(), text.modelId());
        }
        int batchSize = Math.max(1, config.getEmbedBatchSize());
        for (int from = 0; from < stale.size(); from += batchSize) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("Embedding stopped after {} of {} items (shutting down)", from, stale.size());
                progress.failed("stopped at shutdown");
                return;
            }
            List<ItemContent> items = repository.findContent(stale.subList(from, Math.min(from + batchSize,
                    stale.size())));
            ItemEmbedder.EmbeddedBatch batch = embedder.embed(items);
            repository.store(batch.writes());
            addToIndexes(items, batch.writes());
            progress.advance(Math.min(batchSize, stale.size() - from), batch.unreadableImages(), LOG);
        }
        progress.done();
        settledFingerprint = fingerprint();
        indexes.saveGraphs();
        if (!stale.isEmpty()) {
            LOG.info("Embedding done: {} items in {} s ({} without a readable image)", stale.size(),
                    progress.elapsed().toSeconds(), progress.unreadableImages());
        }
    }

    private void loadStoredVectors(Map<Modality, List<String>> ids, Map<Modality, String> models) {
        ids.forEach((modality, list) -> {
            for (int from = 0; from < list.size(); from += LOAD_PAGE) {
                List<String> page = list.subList(from, Math.min(from + LOAD_PAGE, list.size()));
                indexes.upsert(modality, models.get(modality),
                        repository.findVectors(modality, models.get(modality), page));
            }
            if (!list.isEmpty()) {
                LOG.info("Search index {}: {} vectors stored by another process loaded", modality.wireName(),
                        list.size());
            }
        });
    }

    private void addToIndexes(List<ItemContent> items, List<VectorWrite> writes) {
        Map<String, ItemContent> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        for (Modality modality : Modality.values()) {
            List<ItemVector> vectors = new ArrayList<>();
            String modelId = null;
            for (VectorWrite write : writes) {
                if (write.modality() == modality && write.vector() != null) {
                    ItemContent item = byId.get(write.itemId());
                    vectors.add(new ItemVector(write.itemId(), item.slot(), item.gender(), write.vector()));
                    modelId = write.modelId();
                }
            }
            if (modelId != null) {
                indexes.upsert(modality, modelId, vectors);
            }
        }
    }
}
