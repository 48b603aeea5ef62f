package io.stylegraph.api.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Per-client request rates: {@code stylegraph.rate-limit.*}. */
@ConfigurationProperties("stylegraph.rate-limit")
public class RateLimitConfiguration {
    private boolean enabled = true;
    private double requestsPerSecond = 20;
    private int burst = 40;
    private double expensiveRequestsPerSecond = 0.5;
    private int expensiveBurst = 5;
    private int maxClients = 100_000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Sustained requests per second of one client (token subject, else remote address). */
    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    /** Requests one client may send at once after being idle. */
    public int getBurst() {
        return burst;
    }

    public void setBurst(int burst) {
        this.burst = burst;
    }

    /** Sustained rate of expensive requests (uploads, try-on), counted on top of the general rate. */
    public double getExpensiveRequestsPerSecond() {
        return expensiveRequestsPerSecond;
    }

    public void setExpensiveRequestsPerSecond(double expensiveRequestsPerSecond) {
        this.expensiveRequestsPerSecond = expensiveRequestsPerSecond;
    }

    public int getExpensiveBurst() {
        return expensiveBurst;
    }

    public void setExpensiveBurst(int expensiveBurst) {
        this.expensiveBurst = expensiveBurst;
    }

    /** Clients tracked at once; the least recently seen are forgotten beyond it (and start with a full bucket). */
    public int getMaxClients() {
        return maxClients;
    }

    public void setMaxClients(int maxClients) {
        this.maxClients = maxClients;
    }
}
