package io.stylegraph.training.search;

import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;

/**
 * How queries are ranked and the serving indexes built.
 *
 * @param shortlist          candidates each part of a multi-part query (hybrid, composed, DBA) pools
 * @param hybridVisualWeight the visual share of a hybrid similarity (the rest is text); also the content path's
 * @param composedTextWeight the words' share of an image search composed with words
 * @param aqeDepth           top results averaged into the query under average query expansion
 * @param hnsw               when and how an index switches from the exact scan to an HNSW graph
 * @param dba                database-side augmentation's neighbours and cache
 */
public record SearchSettings(int shortlist, double hybridVisualWeight, double composedTextWeight, int aqeDepth,
                             HnswSettings hnsw, DbaSettings dba) {
    public static final SearchSettings DEFAULT = new SearchSettings(50, 0.5, 0.5, 5, HnswSettings.DEFAULT,
            DbaSettings.DEFAULT);
}
