package io.stylegraph.api.outfits;

import java.util.List;
import java.util.Map;

import io.stylegraph.graph.repository.PairsWithPublisher;
import io.stylegraph.training.outfit.OutfitCatalogue;
import io.stylegraph.training.outfit.OutfitPairs;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the strongest pairs of the served model ({@link OutfitPairs}) as
 * {@code (:Item)-[:PAIRS_WITH {score, support, model}]->(:Item)}: {@code score} is the model's pair score,
 * {@code support} the number of stored outfits holding both items (0 for pairs only the model vouches for). A graph
 * that is down leaves the edges as they were.
 */
@Singleton
class PairsWithWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PairsWithWriter.class);

    private final PairsWithPublisher publisher;

    PairsWithWriter(PairsWithPublisher publisher) {
        this.publisher = publisher;
    }

    /** Computes and writes the pairs of {@code served}; returns the number of edges written. */
    long publish(ServedOutfits served, int perItem) {
        if (perItem <= 0) {
            return 0;
        }
        long started = System.nanoTime();
        Map<String, Long> support;
        try {
            support = publisher.outfitSupport();
        } catch (RuntimeException e) {
            LOG.warn("PAIRS_WITH edges not written (graph unavailable?): {}", e.getMessage());
            return 0;
        }
        List<PairsWithPublisher.Pair> pairs = OutfitPairs.strongest(served.catalogue(), perItem, LogLines.to(LOG))
                .stream().map(pair -> new PairsWithPublisher.Pair(pair.itemId(), pair.otherId(), pair.score(),
                        support.getOrDefault(PairsWithPublisher.pairKey(pair.itemId(), pair.otherId()), 0L)))
                .toList();
        try {
            long written = publisher.replace(pairs, served.modelId());
            LOG.info("PAIRS_WITH: {} edges written for {} items in {} ms", written,
                    OutfitCatalogue.OUTFIT_SLOTS.stream().mapToInt(slot -> served.catalogue().rows(slot).length).sum(),
                    (System.nanoTime() - started) / 1_000_000);
            return written;
        } catch (RuntimeException e) {
            LOG.warn("PAIRS_WITH edges not written (graph unavailable?): {}", e.getMessage());
            return 0;
        }
    }
}
