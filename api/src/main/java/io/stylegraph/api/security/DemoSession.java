package io.stylegraph.api.security;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;

/** A fresh demo shopper and an app token acting for them. */
@Serdeable
public record DemoSession(String userId, String token, Instant expiresAt) {
}
