package io.stylegraph.api.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.inject.Singleton;

/** Token buckets per client, in memory, at most {@code max-clients} of them (least recently seen dropped first). */
@Singleton
public class RateLimiter {
    private final RateLimitConfiguration configuration;
    private final Ticker ticker;
    private final Cache<String, ClientBuckets> clients;

    public RateLimiter(RateLimitConfiguration configuration) {
        this(configuration, Ticker.systemTicker());
    }

    RateLimiter(RateLimitConfiguration configuration, Ticker ticker) {
        this.configuration = configuration;
        this.ticker = ticker;
        this.clients = Caffeine.newBuilder()
                .maximumSize(configuration.getMaxClients())
                // a bucket left alone this long is full again: forgetting it changes nothing
                .expireAfterAccess(refillTime())
                .ticker(ticker)
                .build();
    }

    private Duration refillTime() {
        double generalSeconds = configuration.getBurst() / Math.max(configuration.getRequestsPerSecond(), 1e-9);
        double expensiveSeconds = configuration.getExpensiveBurst()
                / Math.max(configuration.getExpensiveRequestsPerSecond(), 1e-9);
        double seconds = Math.min(Math.max(generalSeconds, expensiveSeconds), Duration.ofDays(1).toSeconds());
        return Duration.ofSeconds((long) Math.ceil(seconds) + 1);
    }

    /** Zero when {@code client} may go ahead now (its tokens are taken), else how long until it may. */
    public Duration acquire(String client, boolean expensive) {
        long now = ticker.read();
        ClientBuckets buckets = clients.get(client, key -> new ClientBuckets(configuration, now));
        return Duration.ofNanos(buckets.take(expensive, now));
    }
}
