package io.stylegraph.api.training;

import java.time.Duration;

/**
 * Published when a run of this process ends: {@code result} is {@code promoted}, {@code rejected} (by the promotion
 * gate) or {@code failed}.
 */
public record TrainingRunFinished(TrainingRun run, String result) {
    public static final String PROMOTED = "promoted";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";

    public Duration duration() {
        if (run.startedAt() == null || run.finishedAt() == null) {
            return Duration.ZERO;
        }
        return Duration.between(run.startedAt(), run.finishedAt());
    }
}
