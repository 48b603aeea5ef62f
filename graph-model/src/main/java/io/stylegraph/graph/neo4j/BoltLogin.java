package io.stylegraph.graph.neo4j;

import java.util.Objects;

/** A user name and password for Bolt. {@link #toString()} leaves the password out, so logging one is safe. */
public record BoltLogin(String username, String password) {
    public BoltLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "BoltLogin[" + username + "]";
    }
}
