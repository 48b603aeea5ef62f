package io.stylegraph.api.security;

import java.util.List;

/**
 * The roles a token's {@code roles} claim may hold. Every controller method names the roles it admits with
 * {@code @Secured} built from these constants; {@code docs/security.md} has the whole table.
 */
public final class Roles {
    /** A shopper-facing app acting for exactly one user: its token's subject. */
    public static final String APP = "app";
    /** Reads everything, writes nothing. */
    public static final String ANALYST = "analyst";
    /** Training runs and the model registry, plus catalogue reads. */
    public static final String TRAINER = "trainer";
    /** Everything, including catalogue writes. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(APP, ANALYST, TRAINER, ADMIN);

    private Roles() {
    }
}
