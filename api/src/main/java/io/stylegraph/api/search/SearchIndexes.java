package io.stylegraph.api.search;

import java.util.concurrent.ExecutorService;

import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.training.search.ServingIndexes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The service's {@link ServingIndexes}, with {@code stylegraph.search}'s settings, graphs saved under
 * {@code stylegraph.search.index-dir}.
 */
@Singleton
public class SearchIndexes extends ServingIndexes {

    public SearchIndexes(ItemVectorRepository repository, SearchConfiguration config,
                         @Named("search-index") ExecutorService hnswBuilder) {
        super(repository, config.settings(), config.getIndexDir(), hnswBuilder);
    }
}
