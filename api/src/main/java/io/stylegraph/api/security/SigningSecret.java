package io.stylegraph.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.micronaut.core.value.PropertyResolver;

/**
 * The HS256 secret that tokens are signed and checked with, read from the same configuration key Micronaut's JWT
 * module reads ({@code STYLEGRAPH_JWT_SECRET} feeds it in application.yml), and whether JWKS URLs are configured
 * instead.
 */
public final class SigningSecret {
    public static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final String BASE64_PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.base64";
    static final String JWKS_PREFIX = "micronaut.security.token.jwt.signatures.jwks";
    static final String STATIC_JWKS_PREFIX = "micronaut.security.token.jwt.signatures.jwks-static";
    /** HS256 needs a key of at least 256 bits; shorter keys are refused by the JWT library. */
    public static final int MIN_BYTES = 32;

    private SigningSecret() {
    }

    /** The configured secret's bytes, or empty when none (or a blank one) is configured. */
    public static Optional<byte[]> configured(PropertyResolver properties) {
        Optional<String> secret = properties.get(PROPERTY, String.class).map(String::strip).filter(s -> !s.isEmpty());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        boolean base64 = properties.get(BASE64_PROPERTY, Boolean.class).orElse(false);
        return Optional.of(base64 ? Base64.getDecoder().decode(secret.get())
                : secret.get().getBytes(StandardCharsets.UTF_8));
    }

    public static boolean jwksConfigured(PropertyResolver properties) {
        return !properties.getProperties(JWKS_PREFIX).isEmpty() || !properties.getProperties(STATIC_JWKS_PREFIX).isEmpty();
    }

    /**
     * Why no token can be checked with this configuration, or empty when a usable key is configured: a secret of at
     * least {@link #MIN_BYTES} bytes or a JWKS.
     */
    public static Optional<String> problem(PropertyResolver properties) {
        Optional<byte[]> secret = configured(properties);
        if (secret.isPresent() && secret.get().length < MIN_BYTES) {
            return Optional.of("The JWT signing secret (STYLEGRAPH_JWT_SECRET) has " + secret.get().length
                    + " bytes; HS256 needs at least " + MIN_BYTES + " (e.g. `openssl rand -base64 32`).");
        }
        if (secret.isEmpty() && !jwksConfigured(properties)) {
            return Optional.of("No JWT signing key is configured: set STYLEGRAPH_JWT_SECRET (at least " + MIN_BYTES
                    + " characters, e.g. `openssl rand -base64 32`) or a JWKS URL "
                    + "(micronaut.security.token.jwt.signatures.jwks.<name>.url). The service never runs open. "
                    + "(Demo mode, `./stylegraph serve` on the embedded stores without --no-demo, creates one in its data "
                    + "directory.)");
        }
        return Optional.empty();
    }
}
