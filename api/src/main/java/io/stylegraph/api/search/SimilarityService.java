package io.stylegraph.api.search;

import java.util.List;

import io.micronaut.http.HttpStatus;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.search.IndexLookup;
import io.stylegraph.training.search.NotEmbeddedException;
import io.stylegraph.training.search.Reranking;
import io.stylegraph.training.search.SearchModality;
import io.stylegraph.training.search.SimilaritySearch;
import jakarta.inject.Singleton;

/**
 * The service's {@link SimilaritySearch} over its serving indexes, with {@code stylegraph.search}'s settings; an item
 * without the vector asked for is a 409 problem, {@code not-embedded}.
 */
@Singleton
public class SimilarityService extends SimilaritySearch {

    public SimilarityService(IndexLookup indexes, ActiveEncoders encoders, SearchConfiguration config) {
        super(indexes, encoders, config.settings());
    }

    @Override
    public List<ScoredItem> similar(String itemId, SearchModality modality, SearchFilter filter, int k,
                                    Reranking reranking) {
        try {
            return super.similar(itemId, modality, filter, k, reranking);
        } catch (NotEmbeddedException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-embedded", "itemId", e.getMessage());
        }
    }
}
