package io.stylegraph.graph.analytics;

import java.util.List;

/**
 * The style neighbourhood of one item: its opinions and photos, the items most similar to it ({@code SIMILAR}, the
 * recommender's frozen multimodal kNN graph), those the compatibility model pairs it with ({@code PAIRS_WITH}, either
 * direction), those liked by the same users, and those that share stored outfits with it.
 */
public record ItemNeighbourhood(ItemSummary item, long likes, long dislikes, long photos, List<Similar> similar,
                                List<Paired> pairsWith, List<CoLiked> coLiked, List<OutfitCompanion> outfitCompanions) {

    public record Similar(ItemSummary item, double score) {
    }

    public record Paired(ItemSummary item, double score, long support) {
    }

    public record CoLiked(ItemSummary item, long users) {
    }

    public record OutfitCompanion(ItemSummary item, long outfits) {
    }
}
