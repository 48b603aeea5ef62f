package io.stylegraph.api.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

/**
 * Signs HS256 bearer tokens with the configured secret: the demo tokens printed at start-up, demo sessions and the
 * {@code token} command. Tokens carry {@code sub}, {@code roles}, {@code iat}, {@code exp}, a {@code jti}, and the
 * issuer and audience the service checks when those are configured. With only a JWKS configured (tokens come from an
 * identity provider) this service issues nothing.
 */
@Singleton
public class TokenIssuer {
    static final String ISSUER_PROPERTY = "micronaut.security.token.jwt.claims-validators.issuer";
    static final String AUDIENCE_PROPERTY = "micronaut.security.token.jwt.claims-validators.audience";

    private final byte[] secret;
    private final String issuer;
    private final String audience;

    public TokenIssuer(PropertyResolver properties) {
        this.secret = SigningSecret.configured(properties).orElse(null);
        this.issuer = nonBlank(properties, ISSUER_PROPERTY).orElse(null);
        this.audience = nonBlank(properties, AUDIENCE_PROPERTY).orElse(null);
    }

    private static Optional<String> nonBlank(PropertyResolver properties, String key) {
        return properties.get(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Whether a secret to sign with is configured. */
    public boolean canIssue() {
        return secret != null && secret.length >= SigningSecret.MIN_BYTES;
    }

    /** A token for {@code subject} holding {@code roles}, valid for {@code ttl} from now. */
    public IssuedToken issue(String subject, List<String> roles, Duration ttl) {
        if (!canIssue()) {
            throw new IllegalStateException("No signing secret of at least " + SigningSecret.MIN_BYTES
                    + " bytes is configured (STYLEGRAPH_JWT_SECRET); tokens cannot be issued here");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token: " + e.getMessage(), e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }
}
