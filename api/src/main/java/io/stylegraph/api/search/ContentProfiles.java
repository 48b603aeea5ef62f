package io.stylegraph.api.search;

import io.micronaut.context.annotation.Value;
import io.stylegraph.training.search.ContentSearch;
import io.stylegraph.training.search.IndexLookup;
import jakarta.inject.Singleton;

/**
 * The content path of recommendations over the serving indexes ({@link ContentSearch}), with
 * {@code stylegraph.recommendations.content.dislike-weight} and {@code .stats-sample}.
 */
@Singleton
public class ContentProfiles extends ContentSearch {

    public ContentProfiles(IndexLookup indexes, SearchConfiguration search,
                           @Value("${stylegraph.recommendations.content.dislike-weight:0.5}") double dislikeWeight,
                           @Value("${stylegraph.recommendations.content.stats-sample:1000}") int statsSample) {
        super(indexes, search.settings(), dislikeWeight, statsSample);
    }
}
