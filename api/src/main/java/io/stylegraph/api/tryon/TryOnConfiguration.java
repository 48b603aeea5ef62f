package io.stylegraph.api.tryon;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Virtual try-on: {@code stylegraph.tryon.*}. */
@ConfigurationProperties("stylegraph.tryon")
public class TryOnConfiguration {
    private String engine = "warp";
    private boolean workerEnabled = true;
    private int workers = 2;
    private Duration attemptTimeout = Duration.ofSeconds(120);
    private int maxAttempts = 3;
    private Duration retryBackoff = Duration.ofSeconds(5);
    private Duration maxRetryWait = Duration.ofMinutes(5);
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration retention = Duration.ofHours(24);
    private String fashnBaseUrl = "https://api.fashn.ai/v1";
    private String fashnApiKey;
    private String fashnModel = "tryon-v1.6";
    private Duration fashnPollInterval = Duration.ofSeconds(2);
    private String geminiBaseUrl = "https://generativelanguage.googleapis.com";
    private String geminiApiKey;
    private String geminiModel = "gemini-2.5-flash-image";
    private Duration providerRequestTimeout = Duration.ofSeconds(60);

    /** {@code warp} (built-in, offline), {@code fashn} or {@code gemini}. */
    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    /** Whether this process runs try-on jobs (API replicas may leave it to dedicated workers). */
    public boolean isWorkerEnabled() {
        return workerEnabled;
    }

    public void setWorkerEnabled(boolean workerEnabled) {
        this.workerEnabled = workerEnabled;
    }

    /** Jobs run at once by this process. */
    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    /** One attempt is abandoned (and retried) after this long. */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Wait before the second attempt; doubles for each further one. A provider's Retry-After wins when longer. */
    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Duration getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Duration maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    /** How often an idle worker looks for claimable jobs (new submissions wake it at once). */
    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** Person photos, results and job rows are deleted this long after submission. */
    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public String getFashnBaseUrl() {
        return fashnBaseUrl;
    }

    public void setFashnBaseUrl(String fashnBaseUrl) {
        this.fashnBaseUrl = fashnBaseUrl;
    }

    public String getFashnApiKey() {
        return fashnApiKey;
    }

    public void setFashnApiKey(String fashnApiKey) {
        this.fashnApiKey = fashnApiKey;
    }

    public String getFashnModel() {
        return fashnModel;
    }

    public void setFashnModel(String fashnModel) {
        this.fashnModel = fashnModel;
    }

    public Duration getFashnPollInterval() {
        return fashnPollInterval;
    }

    public void setFashnPollInterval(Duration fashnPollInterval) {
        this.fashnPollInterval = fashnPollInterval;
    }

    public String getGeminiBaseUrl() {
        return geminiBaseUrl;
    }

    public void setGeminiBaseUrl(String geminiBaseUrl) {
        this.geminiBaseUrl = geminiBaseUrl;
    }

    public String getGeminiApiKey() {
        return geminiApiKey;
    }

    public void setGeminiApiKey(String geminiApiKey) {
        this.geminiApiKey = geminiApiKey;
    }

    public String getGeminiModel() {
        return geminiModel;
    }

    public void setGeminiModel(String geminiModel) {
        this.geminiModel = geminiModel;
    }

    /** One HTTP request to a hosted provider is abandoned after this long. */
    public Duration getProviderRequestTimeout() {
        return providerRequestTimeout;
    }

    public void setProviderRequestTimeout(Duration providerRequestTimeout) {
        this.providerRequestTimeout = providerRequestTimeout;
    }
}
