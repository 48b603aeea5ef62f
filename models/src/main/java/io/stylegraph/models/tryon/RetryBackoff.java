package io.stylegraph.models.tryon;

import java.time.Duration;

/**
 * How long a try-on waits before its next attempt: the base wait doubled with every failed attempt, or the
 * provider's own wait ({@link TryOnException#retryAfter()}) when that is longer, never more than the cap.
 */
public record RetryBackoff(Duration base, Duration max) {

    /** {@code base * 2^(attempt-1)}, or {@code retryAfter} when longer (may be null), capped at {@code max}. */
    public Duration after(int attempt, Duration retryAfter) {
        Duration wait = base.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
