package io.stylegraph.api.security;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Demo mode: {@code stylegraph.demo.*}. {@code ./stylegraph serve} on the embedded stores turns it on. */
@ConfigurationProperties("stylegraph.demo")
public class DemoConfiguration {
    public static final String ENABLED = "stylegraph.demo.enabled";

    private boolean enabled;
    private Duration sessionTtl = Duration.ofHours(24);
    private Duration tokenTtl = Duration.ofDays(7);
    private String user = "demo-user";

    /** Whether anonymous callers may open demo sessions ({@code POST /v1/demo/sessions}). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How long a demo session's app token is valid. */
    public Duration getSessionTtl() {
        return sessionTtl;
    }

    public void setSessionTtl(Duration sessionTtl) {
        this.sessionTtl = sessionTtl;
    }

    /** How long the tokens printed at start-up are valid. */
    public Duration getTokenTtl() {
        return tokenTtl;
    }

    public void setTokenTtl(Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
    }

    /** The user the printed app token acts for. */
    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }
}
