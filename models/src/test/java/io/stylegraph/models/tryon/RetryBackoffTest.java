package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void shouldDoubleTheWaitWithEveryFailedAttemptUpToTheCap() {
        assertEquals(Duration.ofSeconds(2), backoff.after(1, null));
        assertEquals(Duration.ofSeconds(4), backoff.after(2, null));
        assertEquals(Duration.ofSeconds(16), backoff.after(4, null));
        assertEquals(Duration.ofSeconds(30), backoff.after(5, null));
        assertEquals(Duration.ofSeconds(30), backoff.after(200, null));
    }

    @Test
    void shouldWaitAsLongAsTheProviderAsksWhenThatIsLongerButNotPastTheCap() {
        assertEquals(Duration.ofSeconds(9), backoff.after(1, Duration.ofSeconds(9)));
        assertEquals(Duration.ofSeconds(4), backoff.after(2, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(30), backoff.after(1, Duration.ofMinutes(5)));
    }
}
