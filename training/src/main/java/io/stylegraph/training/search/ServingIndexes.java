package io.stylegraph.training.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.graph.repository.ItemVectorRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving indexes, one per modality, each holding the vectors of the current encoder as the graph stores them;
 * their HNSW graphs saved under a folder when one is given.
 */
public class ServingIndexes implements IndexLookup {
    private static final Logger LOG = LoggerFactory.getLogger(ServingIndexes.class);
    private static final int LOAD_PAGE = 2_000;

    private final ItemVectorRepository repository;
    private final SearchSettings settings;
    private final Path indexDir;
    private final ExecutorService hnswBuilder;
    private final Map<Modality, VectorIndex> indexes = new ConcurrentHashMap<>();

    /**
     * @param indexDir    the folder of the saved HNSW graphs; null not to save them
     * @param hnswBuilder builds the HNSW graphs in the background
     */
    public ServingIndexes(ItemVectorRepository repository, SearchSettings settings, Path indexDir,
                          ExecutorService hnswBuilder) {
        this.repository = repository;
        this.settings = settings;
        this.indexDir = indexDir;
        this.hnswBuilder = hnswBuilder;
    }

    /** The modality's index, once the embedding job has prepared it. */
    @Override
    public Optional<VectorIndex> index(Modality modality) {
        return Optional.ofNullable(indexes.get(modality));
    }

    /**
     * Makes the modality's index hold this model's vectors. When the index folder holds this model's saved index
     * (rows and HNSW graph, see {@link VectorIndex#restoreSaved}), it is restored from there in one step; the caller
     * then reads from the graph only the items whose vector changed since it was saved. Otherwise an index of another
     * model (or none) is replaced by an empty one at once, then filled from the graph page by page, so searches answer
     * over what is loaded so far.
     */
    public void prepare(Modality modality, String modelId, int dimension) {
        synchronized (this) {
            if (holdsModel(modality, modelId, dimension)) {
                return;
            }
        }
        long restoreStarted = System.nanoTime();
        VectorIndex restored = newIndex(modality, modelId, dimension);
        if (restored.restoreSaved()) {
            synchronized (this) {
                if (!holdsModel(modality, modelId, dimension)) {
                    indexes.put(modality, restored);
                }
            }
            LOG.info("Search index {} ({}): {} vectors and their HNSW graph restored from {} in {} ms",
                    modality.wireName(), modelId, restored.size(), graphFile(modality, modelId),
                    (System.nanoTime() - restoreStarted) / 1_000_000);
            return;
        }
        VectorIndex fresh;
        synchronized (this) {
            if (holdsModel(modality, modelId, dimension)) {
                return;
            }
            fresh = newIndex(modality, modelId, dimension);
            fresh.deferGraph();
            indexes.put(modality, fresh);
        }
        long started = System.nanoTime();
        List<ItemVector> page = new ArrayList<>(LOAD_PAGE);
        try {
            repository.forEachVector(modality, modelId, vector -> {
                page.add(vector);
                if (page.size() == LOAD_PAGE) {
                    fresh.upsert(page);
                    page.clear();
                }
            });
            fresh.upsert(page);
        } finally {
            fresh.resumeGraph();
        }
        LOG.info("Search index {} ({}): {} stored vectors loaded in {} ms", modality.wireName(), modelId, fresh.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean holdsModel(Modality modality, String modelId, int dimension) {
        VectorIndex current = indexes.get(modality);
        return current != null && current.modelId().equals(modelId) && current.dimension() == dimension;
    }

    private VectorIndex newIndex(Modality modality, String modelId, int dimension) {
        return new VectorIndex(modality, modelId, dimension, settings.hnsw(), hnswBuilder, settings.dba(),
                graphFile(modality, modelId));
    }

    /**
     * What the indexes hold now, by modality wire name.
     *
     * @param indexed     vectors per index (0 for one not prepared yet)
     * @param approximate whether the index answers through its HNSW graph
     * @param graphs      how each graph came to be ({@code built} or {@code loaded}); modalities without one left out
     * @param visualModel the visual index's model, null before it is prepared
     * @param textModel   the text index's model, null before it is prepared
     */
    public record State(Map<String, Integer> indexed, Map<String, Boolean> approximate, Map<String, String> graphs,
                        String visualModel, String textModel) {
    }

    public State state() {
        Map<String, Integer> indexed = new LinkedHashMap<>();
        Map<String, Boolean> approximate = new LinkedHashMap<>();
        Map<String, String> graphs = new LinkedHashMap<>();
        for (Modality modality : Modality.values()) {
            VectorIndex index = indexes.get(modality);
            indexed.put(modality.wireName(), index == null ? 0 : index.size());
            approximate.put(modality.wireName(), index != null && index.approximate());
            if (index != null) {
                index.graphSource().ifPresent(source -> graphs.put(modality.wireName(), source));
            }
        }
        VectorIndex visual = indexes.get(Modality.VISUAL);
        VectorIndex text = indexes.get(Modality.TEXT);
        return new State(indexed, approximate, graphs, visual == null ? null : visual.modelId(),
                text == null ? null : text.modelId());
    }

    /** Saves each index's HNSW graph that changed since it was last saved (see {@link VectorIndex#saveGraph}). */
    public void saveGraphs() {
        indexes.values().forEach(VectorIndex::saveGraph);
    }

    /**
     * The file of the modality's graph for this model under the index folder: the model id made
     * safe for a file name, with a hash of it so that two ids made alike still get two files.
     */
    private Path graphFile(Modality modality, String modelId) {
        if (indexDir == null) {
            return null;
        }
        String safe = modelId.replaceAll("[^A-Za-z0-9._-]", "_");
        return indexDir.resolve(modality.wireName() + "-" + safe + "-" + Integer.toHexString(modelId.hashCode())
                + ".hnsw");
    }

    /** Adds or replaces vectors in the modality's index; ignored when the index holds another model's vectors. */
    public void upsert(Modality modality, String modelId, List<ItemVector> vectors) {
        index(modality).filter(index -> index.modelId().equals(modelId)).ifPresent(index -> index.upsert(vectors));
    }
}
