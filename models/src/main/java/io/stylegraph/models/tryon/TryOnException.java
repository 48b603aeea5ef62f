package io.stylegraph.models.tryon;

import java.time.Duration;

/**
 * A try-on that did not render. {@code code} is stable (clients and job rows show it); {@code retryable} says whether
 * the same request may succeed later (rate limit, timeout, provider outage) or never will (bad key, refused input);
 * {@code retryAfter} is the provider's hint, null when it gave none.
 */
public class TryOnException extends Exception {
    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;

    public TryOnException(String code, String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static TryOnException permanent(String code, String message) {
        return new TryOnException(code, message, false, null, null);
    }

    public static TryOnException transientFailure(String code, String message, Duration retryAfter) {
        return new TryOnException(code, message, true, retryAfter, null);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
