package io.stylegraph.training.search;

/**
 * Re-ranking steps from image retrieval practice, switchable per request.
 *
 * @param aqe average query expansion: the query is averaged with its top results and searched again
 * @param dba database-side augmentation: item vectors are averaged with their nearest neighbours before scoring
 */
public record Reranking(boolean aqe, boolean dba) {
    public static final Reranking NONE = new Reranking(false, false);
}
