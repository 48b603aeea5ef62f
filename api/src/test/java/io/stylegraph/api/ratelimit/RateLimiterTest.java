package io.stylegraph.api.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(double perSecond, int burst, double expensivePerSecond, int expensiveBurst) {
        RateLimitConfiguration configuration = new RateLimitConfiguration();
        configuration.setRequestsPerSecond(perSecond);
        configuration.setBurst(burst);
        configuration.setExpensiveRequestsPerSecond(expensivePerSecond);
        configuration.setExpensiveBurst(expensiveBurst);
        return new RateLimiter(configuration, now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void shouldAllowABurstThenOneRequestPerRefill() {
        RateLimiter limiter = limiter(2, 3, 1, 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("ann", false), "request " + i + " of the burst");
        }
        assertEquals(Duration.ofMillis(500), limiter.acquire("ann", false), "2 per second: the next token in 0.5 s");
        advance(Duration.ofMillis(499));
        assertEquals(Duration.ofMillis(1), limiter.acquire("ann", false));
        advance(Duration.ofMillis(1));
        assertEquals(Duration.ZERO, limiter.acquire("ann", false));
        assertEquals(Duration.ZERO, limiter.acquire("bob", false), "every client has its own bucket");
    }

    @Test
    void shouldRefillNoFurtherThanTheBurst() {
        RateLimiter limiter = limiter(10, 2, 1, 1);
        advance(Duration.ofHours(1));
        assertEquals(Duration.ZERO, limiter.acquire("ann", false));
        assertEquals(Duration.ZERO, limiter.acquire("ann", false));
        assertTrue(limiter.acquire("ann", false).compareTo(Duration.ZERO) > 0);
    }

    @Test
    void shouldCountExpensiveRequestsAgainstBothBucketsAndChargeNothingForARefusal() {
        RateLimiter limiter = limiter(10, 5, 0.1, 1);
        assertEquals(Duration.ZERO, limiter.acquire("ann", true));
        assertEquals(Duration.ofSeconds(10), limiter.acquire("ann", true), "0.1 per second: next in 10 s");
        // the refused upload took no general token: 4 are left of the 5
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("ann", false));
        }
        assertTrue(limiter.acquire("ann", false).compareTo(Duration.ZERO) > 0);
    }
}
