/**
 * The service's search as plain code over the vector indexes of {@code training.index}: a query is one or more
 * {@link io.stylegraph.training.search.QueryPart}s ranked by {@link io.stylegraph.training.search.Ranker} (late
 * fusion, AQE and DBA as {@link io.stylegraph.training.search.Reranking}); similar items, text and image search in
 * {@link io.stylegraph.training.search.SimilaritySearch}; the content path of recommendations (the likes' profile and
 * the items nearest it) in {@link io.stylegraph.training.search.ContentSearch}; shop the look in
 * {@link io.stylegraph.training.search.LookSearch}. The settings are a
 * {@link io.stylegraph.training.search.SearchSettings}; the indexes are found through an
 * {@link io.stylegraph.training.search.IndexLookup}. The service's beans ({@code api.search.SimilarityService},
 * {@code ContentProfiles}) are these classes with its configuration.
 */
package io.stylegraph.training.search;
