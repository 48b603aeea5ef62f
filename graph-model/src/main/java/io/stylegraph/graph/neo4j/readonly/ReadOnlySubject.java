package io.stylegraph.graph.neo4j.readonly;

import org.neo4j.common.Subject;
import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;

/**
 * A read-only user as the kernel sees them, except that they own nothing. Community Neo4j lets a user list and end
 * their own transactions and connections ({@code SHOW TRANSACTIONS}, {@code TERMINATE TRANSACTIONS},
 * {@code dbms.killConnection}) by asking {@link #hasUsername}; every analyst logs in as the same user, so "their own"
 * would include every other analyst's queries (over Bolt and over HTTP). Answering no sends those commands to the
 * administration check, which a read-only user fails.
 */
final class ReadOnlySubject implements AuthSubject {
    private final AuthSubject subject;

    private ReadOnlySubject(AuthSubject subject) {
        this.subject = subject;
    }

    static AuthSubject of(AuthSubject subject) {
        return subject instanceof ReadOnlySubject ? subject : new ReadOnlySubject(subject);
    }

    @Override
    public AuthenticationResult getAuthenticationResult() {
        return subject.getAuthenticationResult();
    }

    @Override
    public boolean hasUsername(String username) {
        return false;
    }

    @Override
    public String executingUser() {
        return subject.executingUser();
    }

    @Override
    public String authenticatedUser() {
        return subject.authenticatedUser();
    }

    @Override
    public boolean nativelyAuthenticated() {
        return subject.nativelyAuthenticated();
    }

    @Override
    public Subject userSubject() {
        return subject.userSubject();
    }
}
