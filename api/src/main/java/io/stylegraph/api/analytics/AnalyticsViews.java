package io.stylegraph.api.analytics;

import java.util.List;

import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.graph.analytics.CategoryOpinions;
import io.stylegraph.graph.analytics.CategoryPair;
import io.stylegraph.graph.analytics.CoLikedPair;
import io.stylegraph.graph.analytics.ItemNeighbourhood;
import io.stylegraph.graph.analytics.ItemSummary;

/** The JSON answers of the analytics GET endpoints; the graph-model records they hold are serialised as they are. */
@SerdeImport(ItemSummary.class)
@SerdeImport(CoLikedPair.class)
@SerdeImport(CategoryPair.class)
@SerdeImport(CategoryOpinions.class)
@SerdeImport(ItemNeighbourhood.class)
@SerdeImport(ItemNeighbourhood.Similar.class)
@SerdeImport(ItemNeighbourhood.Paired.class)
@SerdeImport(ItemNeighbourhood.CoLiked.class)
@SerdeImport(ItemNeighbourhood.OutfitCompanion.class)
final class AnalyticsViews {
    private AnalyticsViews() {
    }

    /** Item pairs liked by the most users in common. */
    @Serdeable
    record CoLikedPairs(List<CoLikedPair> pairs) {
    }

    /**
     * The category pair matrix, sparse: {@code categories} names the rows and columns, {@code pairs} holds the cells
     * with any evidence.
     */
    @Serdeable
    record CategoryPairs(List<String> categories, List<CategoryPair> pairs) {
    }

    @Serdeable
    record CategoryOpinionList(List<CategoryOpinions> categories) {
    }
}
