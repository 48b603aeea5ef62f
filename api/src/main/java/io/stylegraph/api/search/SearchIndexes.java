package io.stylegraph.api.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.stylegraph.api.search.index.VectorIndex;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.graph.repository.ItemVectorRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The serving indexes, one per modality, each holding the vectors of the current encoder. */
@Singleton
public class SearchIndexes implements IndexLookup {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexes.class);
    private static final int LOAD_PAGE = 2_000;

    private final ItemVectorRepository repository;
    private final SearchConfiguration config;
    private final ExecutorService hnswBuilder;
    private final Map<Modality, VectorIndex> indexes = new ConcurrentHashMap<>();

    public SearchIndexes(ItemVectorRepository repository, SearchConfiguration config,
                         @Named("search-index") ExecutorService hnswBuilder) {
        this.repository = repository;
        this.config = config;
        this.hnswBuilder = hnswBuilder;
    }

    /** The modality's index, once the embedding job has prepared it. */
    @Override
    public Optional<VectorIndex> index(Modality modality) {
        return Optional.ofNullable(indexes.get(modality));
    }

    /**
     * Makes the modality's index hold this model's vectors. An index of another model (or none) is replaced by an
     * empty one at once, then filled from the graph page by page, so searches answer over what is loaded so far.
     */
    public void prepare(Modality modality, String modelId, int dimension) {
        VectorIndex fresh;
        synchronized (this) {
            VectorIndex current = indexes.get(modality);
            if (current != null && current.modelId().equals(modelId) && current.dimension() == dimension) {
                return;
            }
            fresh = new VectorIndex(modality, modelId, dimension, config.hnsw(), hnswBuilder, config.dba());
            indexes.put(modality, fresh);
        }
        long started = System.nanoTime();
        List<ItemVector> page = new ArrayList<>(LOAD_PAGE);
        repository.forEachVector(modality, modelId, vector -> {
            page.add(vector);
            if (page.size() == LOAD_PAGE) {
                fresh.upsert(page);
                page.clear();
            }
        });
        fresh.upsert(page);
        LOG.info("Search index {} ({}): {} stored vectors loaded in {} ms", modality.wireName(), modelId, fresh.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Adds or replaces vectors in the modality's index; ignored when the index holds another model's vectors. */
    public void upsert(Modality modality, String modelId, List<ItemVector> vectors) {
        index(modality).filter(index -> index.modelId().equals(modelId)).ifPresent(index -> index.upsert(vectors));
    }
}
