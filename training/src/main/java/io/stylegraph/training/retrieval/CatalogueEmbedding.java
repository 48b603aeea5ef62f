package io.stylegraph.training.retrieval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.VectorIndexSchema;
import io.stylegraph.graph.repository.ItemContent;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.graph.repository.VectorWrite;
import io.stylegraph.models.ImageEncoder;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.training.search.ServingIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedding run over the graph's items: prepares the Neo4j vector indexes and the serving indexes for the
 * current encoders, loads the vectors other processes stored, then embeds the stale items ({@link ItemEmbedder}) in
 * batches, storing each batch and adding it to the serving indexes at once, so search covers more as it goes. Texts,
 * pictures and the store run on their own threads, overlapping from batch to batch. Its counters go to an
 * {@link EmbeddingProgress}.
 */
public final class CatalogueEmbedding {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueEmbedding.class);
    private static final int LOAD_PAGE = 2_000;
    /** Encoded batches that may wait for the store at once. */
    static final int BATCHES_IN_FLIGHT = 2;

    private final ItemVectorRepository repository;
    private final GraphDatabase graph;
    private final ItemEmbedder embedder;
    private final LazyEncoders encoders;
    private final ServingIndexes indexes;
    private final EmbeddingProgress progress;

    public CatalogueEmbedding(ItemVectorRepository repository, GraphDatabase graph, ItemEmbedder embedder,
                              LazyEncoders encoders, ServingIndexes indexes, EmbeddingProgress progress) {
        this.repository = repository;
        this.graph = graph;
        this.embedder = embedder;
        this.encoders = encoders;
        this.indexes = indexes;
        this.progress = progress;
    }

    /**
     * Runs once, on the calling thread.
     *
     * @param batchSize items embedded and stored together
     * @return true when every stale item was embedded; false when the thread was interrupted between batches (the
     *         progress then says {@code failed})
     */
    public boolean run(int batchSize) {
        ImageEncoder image = encoders.image();
        TextEncoder text = encoders.text();
        VectorIndexSchema.ensure(graph, Modality.VISUAL, image.dimension());
        VectorIndexSchema.ensure(graph, Modality.TEXT, text.dimension());
        prepareSideBySide(image, text);

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
                        .map(index -> index.holds(item.id(), item.slot(), item.gender(), item.input(modality)))
                        .orElse(true)) {
                    storedElsewhere.get(modality).add(item.id());
                }
            }
        });
        loadStoredVectors(storedElsewhere, Map.of(Modality.VISUAL, image.modelId(), Modality.TEXT, text.modelId()));

        progress.embedding(stale.size());
        if (!stale.isEmpty()) {
            LOG.info("Embedding {} items with {} and {}", stale.size(), image.modelId(), text.modelId());
        }
        return embedInPipeline(stale, batchSize);
    }

    /**
     * Embeds the stale items batch by batch, the stages of consecutive batches overlapping so both cores stay busy:
     * this thread reads a batch and encodes its texts while a second thread reads and encodes its pictures, and a third
     * stores the previous batch and adds it to the serving indexes. At most {@link #BATCHES_IN_FLIGHT} encoded batches
     * wait for the store. An interrupt stops after the batches already encoded are stored.
     */
    private boolean embedInPipeline(List<String> stale, int batchSize) {
        ExecutorService pictures = Executors.newSingleThreadExecutor(named("embedding-pictures"));
        ExecutorService store = Executors.newSingleThreadExecutor(named("embedding-store"));
        Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
        AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();
        boolean interrupted = false;
        try {
            for (int from = 0; from < stale.size(); from += batchSize) {
                if (Thread.currentThread().isInterrupted() || storeFailure.get() != null) {
                    interrupted = storeFailure.get() == null;
                    if (interrupted) {
                        LOG.info("Embedding stopped after {} of {} items (shutting down)", from, stale.size());
                    }
                    break;
                }
                List<ItemContent> items = repository.findContent(stale.subList(from, Math.min(from + batchSize,
                        stale.size())));
                Future<ItemEmbedder.Part> pictureVectors = pictures.submit(() -> embedder.embedStalePictures(items));
                ItemEmbedder.Part textVectors = embedder.embedStaleTexts(items);
                ItemEmbedder.EmbeddedBatch batch = ItemEmbedder.EmbeddedBatch.of(textVectors,
                        pictureVectors.get());
                inFlight.acquire();
                int count = Math.min(batchSize, stale.size() - from);
                store.execute(() -> {
                    try {
                        if (storeFailure.get() == null) {
                            repository.store(batch.writes());
                            addToIndexes(items, batch.writes());
                            progress.advance(count, batch.unreadableImages(), LOG);
                        }
                    } catch (RuntimeException e) {
                        storeFailure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
            LOG.info("Embedding stopped (shutting down)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } finally {
            pictures.shutdownNow();
            store.shutdown();
            awaitStored(store);
        }
        if (storeFailure.get() != null) {
            throw storeFailure.get();
        }
        if (interrupted) {
            progress.failed("stopped at shutdown");
            return false;
        }
        progress.done();
        return true;
    }

    /** Waits for the batches handed to the store (a shutdown interrupt is kept for the caller). */
    private static void awaitStored(ExecutorService store) {
        boolean interrupted = Thread.interrupted();
        try {
            while (!store.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("Embedding: waiting for the last batches to be stored");
            }
        } catch (InterruptedException e) {
            interrupted = true;
            store.shutdownNow();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Prepares both serving indexes for the current encoders, loading their stored vectors side by side (on a restart
     * that is every vector of the catalogue, each modality a read of its own).
     */
    private void prepareSideBySide(ImageEncoder image, TextEncoder text) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread visual = new Thread(() -> {
            try {
                indexes.prepare(Modality.VISUAL, image.modelId(), image.dimension());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "embedding-load-visual");
        visual.setDaemon(true);
        visual.start();
        indexes.prepare(Modality.TEXT, text.modelId(), text.dimension());
        try {
            visual.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the stored visual vectors", e);
        }
        if (failure.get() != null) {
            throw failure.get();
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
                LOG.info("Search index {}: {} vectors read from the graph (stored by another process, or changed since "
                        + "the index was saved)", modality.wireName(),
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
                    vectors.add(new ItemVector(write.itemId(), item.slot(), item.gender(), write.vector(),
                            write.input()));
                    modelId = write.modelId();
                }
            }
            if (modelId != null) {
                indexes.upsert(modality, modelId, vectors);
            }
        }
    }
}
