package io.stylegraph.api.outfits;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
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
 *
 * <p>The edges are written only when their inputs changed: {@link #plan} compares the fingerprint of the model file,
 * the catalogue, the stored outfits' support and {@code pairs-per-item} ({@link PairsFingerprints}) with the one
 * stored beside the edges, and says to keep them when all agree and the graph still holds as many edges as were
 * written; {@link #publish} writes them and their fingerprint otherwise.
 */
@Singleton
class PairsWithWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PairsWithWriter.class);

    private final PairsWithPublisher publisher;

    PairsWithWriter(PairsWithPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * What to do about the edges of one model over one catalogue snapshot.
     *
     * @param action      {@code keep} (the stored edges are those this would write), {@code write}, {@code off}
     *                    ({@code pairs-per-item} 0) or {@code unavailable} (the graph did not answer)
     * @param fingerprint the inputs' fingerprint (null unless {@code keep} or {@code write})
     * @param support     the stored outfits' pair counts the edges carry
     * @param edges       the number of stored edges when {@code keep}
     * @param reason      why, for the log and the status
     */
    record Plan(String action, PairsWithPublisher.Fingerprint fingerprint, Map<String, Long> support, long edges,
                String reason) {
        boolean keep() {
            return "keep".equals(action);
        }

        boolean write() {
            return "write".equals(action);
        }

        /** Logs this plan and gives the status it shows: kept edges are ready at once. */
        OutfitViews.PairsWith announce() {
            switch (action) {
                case "keep" -> {
                    LOG.info("PAIRS_WITH: keeping the {} edges in the graph ({})", edges, reason);
                    return new OutfitViews.PairsWith("ready", edges, true, reason);
                }
                case "write" -> {
                    LOG.info("PAIRS_WITH: edges to be written once the index is built ({})", reason);
                    return new OutfitViews.PairsWith("writing", 0, false, reason);
                }
                case "off" -> {
                    return new OutfitViews.PairsWith("off", 0, false, reason);
                }
                default -> {
                    LOG.warn("PAIRS_WITH edges left as they are: {}", reason);
                    return new OutfitViews.PairsWith("failed: " + reason, 0, false, reason);
                }
            }
        }
    }

    /** Compares the inputs of {@code snapshot}'s edges under the model with digest {@code modelDigest} to the stored. */
    Plan plan(String modelDigest, CatalogueSnapshot snapshot, int perItem) {
        if (perItem <= 0) {
            return new Plan("off", null, Map.of(), 0, "pairs-per-item is 0");
        }
        try {
            Map<String, Long> support = publisher.outfitSupport();
            PairsWithPublisher.Fingerprint current = new PairsWithPublisher.Fingerprint(modelDigest,
                    PairsFingerprints.ofCatalogue(snapshot), PairsFingerprints.ofSupport(support),
                    PairsFingerprints.parameters(perItem));
            Optional<PairsWithPublisher.Stored> stored = publisher.fingerprint();
            if (stored.isEmpty()) {
                return new Plan("write", current, support, 0,
                        "no fingerprint stored with the edges (first start, or the last write did not finish)");
            }
            List<String> changed = current.changedFrom(stored.get().fingerprint());
            if (!changed.isEmpty()) {
                return new Plan("write", current, support, 0, String.join(", ", changed) + " changed");
            }
            long inGraph = publisher.count();
            if (inGraph != stored.get().edges()) {
                return new Plan("write", current, support, 0, "the graph holds " + inGraph + " edges, "
                        + stored.get().edges() + " were written");
            }
            return new Plan("keep", current, support, inGraph,
                    "model, catalogue, outfit support and pairs-per-item unchanged");
        } catch (RuntimeException e) {
            return new Plan("unavailable", null, Map.of(), 0, "graph unavailable: " + e.getMessage());
        }
    }

    /** Computes and writes the pairs of {@code served} with the plan's fingerprint; returns the edges written. */
    long publish(ServedOutfits served, int perItem, Plan plan) {
        if (!plan.write()) {
            throw new IllegalArgumentException("the plan is to " + plan.action() + ", not to write");
        }
        long started = System.nanoTime();
        Map<String, Long> support = plan.support();
        OutfitPairs.Mined mined = OutfitPairs.mine(served.catalogue(), perItem, LogLines.to(LOG),
                OutfitPairs.DEFAULT_MAX_SCORES);
        List<PairsWithPublisher.Pair> pairs = mined.pairs()
                .stream().map(pair -> new PairsWithPublisher.Pair(pair.itemId(), pair.otherId(), pair.score(),
                        support.getOrDefault(PairsWithPublisher.pairKey(pair.itemId(), pair.otherId()), 0L)))
                .toList();
        long written = publisher.replace(pairs, served.modelId(), plan.fingerprint());
        LOG.info("PAIRS_WITH: {} edges written for {} items in {} ms ({} pair scores{})", written,
                OutfitCatalogue.OUTFIT_SLOTS.stream().mapToInt(slot -> served.catalogue().rows(slot).length).sum(),
                (System.nanoTime() - started) / 1_000_000, mined.scores(), mined.sampled() < 1
                        ? String.format(java.util.Locale.ROOT, ", partners from a %.2f%% sample of each slot",
                        100 * mined.sampled()) : "");
        return written;
    }

    /** {@link #publish}, and what the status says of it: ready with the edges written, or failed and why. */
    OutfitViews.PairsWith publishReporting(ServedOutfits served, int perItem, Plan plan) {
        try {
            long written = publish(served, perItem, plan);
            return new OutfitViews.PairsWith("ready", written, false, plan.reason());
        } catch (RuntimeException e) {
            // under the lifecycle's logger, where this line was before it moved here
            LoggerFactory.getLogger(OutfitModelLifecycle.class)
                    .warn("PAIRS_WITH edges not written (graph unavailable?): {}", e.getMessage());
            return new OutfitViews.PairsWith("failed: " + e.getMessage(), 0, false, plan.reason());
        }
    }
}
