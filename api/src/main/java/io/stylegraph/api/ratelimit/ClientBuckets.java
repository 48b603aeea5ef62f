package io.stylegraph.api.ratelimit;

/**
 * One client's token buckets. Every request takes a token from the general bucket; an expensive one also takes one
 * from the expensive bucket, and only when both have one, so a refused request costs nothing.
 */
final class ClientBuckets {
    private final Bucket general;
    private final Bucket expensive;

    ClientBuckets(RateLimitConfiguration configuration, long nowNanos) {
        this.general = new Bucket(configuration.getRequestsPerSecond(), configuration.getBurst(), nowNanos);
        this.expensive = new Bucket(configuration.getExpensiveRequestsPerSecond(), configuration.getExpensiveBurst(),
                nowNanos);
    }

    /** Takes the tokens a request needs and returns 0, or takes nothing and returns the nanoseconds to wait. */
    synchronized long take(boolean isExpensive, long nowNanos) {
        general.refill(nowNanos);
        long wait = general.nanosUntilToken();
        if (isExpensive) {
            expensive.refill(nowNanos);
            wait = Math.max(wait, expensive.nanosUntilToken());
        }
        if (wait > 0) {
            return wait;
        }
        general.tokens -= 1;
        if (isExpensive) {
            expensive.tokens -= 1;
        }
        return 0;
    }

    private static final class Bucket {
        private final double tokensPerNano;
        private final double capacity;
        private double tokens;
        private long refilledAt;

        Bucket(double perSecond, int capacity, long nowNanos) {
            this.tokensPerNano = perSecond / 1e9;
            this.capacity = Math.max(1, capacity);
            this.tokens = this.capacity;
            this.refilledAt = nowNanos;
        }

        void refill(long nowNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) * tokensPerNano);
            refilledAt = nowNanos;
        }

        long nanosUntilToken() {
            if (tokens >= 1) {
                return 0;
            }
            return tokensPerNano <= 0 ? Long.MAX_VALUE : (long) Math.ceil((1 - tokens) / tokensPerNano);
        }
    }
}
