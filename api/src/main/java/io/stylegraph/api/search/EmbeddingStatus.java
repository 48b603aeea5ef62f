package io.stylegraph.api.search;

import java.time.Instant;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where item embedding stands: {@code state} is {@code idle} (not run yet), {@code queued}, {@code scanning} (finding
 * stale items), {@code embedding}, {@code done} or {@code failed}. {@code items} counts the items this run embeds,
 * {@code embedded} how many are done; {@code indexed} how many vectors each serving index holds and
 * {@code approximate} whether it answers through its HNSW graph; {@code graphs} how each serving HNSW graph came to
 * be: {@code built} at this start or {@code loaded} from the file a previous start saved (modalities without a graph
 * are left out).
 */
@Serdeable
public record EmbeddingStatus(
        @Schema(type = "string", allowableValues = {"idle", "queued", "scanning", "embedding", "done", "failed"})
        String state,
        @Nullable String visualModel,
        @Nullable String textModel,
        boolean sharedSpace,
        long items,
        long embedded,
        double itemsPerSecond,
        @Nullable Long etaSeconds,
        long unreadableImages,
        Map<String, Integer> indexed,
        Map<String, Boolean> approximate,
        Map<String, String> graphs,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {

    /** True while results may miss items that are still being embedded. */
    public boolean indexing() {
        return switch (state) {
            case "queued", "scanning", "embedding" -> true;
            default -> false;
        };
    }
}
