package io.stylegraph.training.retrieval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * batches, storing each batch and adding it to the serving indexes at once, so search covers more as it goes. Its
 * counters go to an {@link EmbeddingProgress}.
 */
public final class CatalogueEmbedding {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueEmbedding.class);
    private static final int LOAD_PAGE = 2_000;

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
        for (int from = 0; from < stale.size(); from += batchSize) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("Embedding stopped after {} of {} items (shutting down)", from, stale.size());
                progress.failed("stopped at shutdown");
                return false;
            }
            List<ItemContent> items = repository.findContent(stale.subList(from, Math.min(from + batchSize,
                    stale.size())));
            ItemEmbedder.EmbeddedBatch batch = embedder.embed(items);
            repository.store(batch.writes());
            addToIndexes(items, batch.writes());
            progress.advance(Math.min(batchSize, stale.size() - from), batch.unreadableImages(), LOG);
        }
        progress.done();
        return true;
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
