package io.stylegraph.graph.neo4j.readonly;

import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;

/** A read-only user's Bolt login: authorizes as the user normally would, then restricts the result to reading. */
final class ReadOnlyLoginContext extends LoginContext {
    private final LoginContext login;

    ReadOnlyLoginContext(LoginContext login) {
        super(login.subject(), login.connectionInfo());
        this.login = login;
    }

    @Override
    public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference dbReference,
                                     AbstractSecurityLog securityLog) {
        return ReadOnlySecurityContext.of(login.authorize(idLookup, dbReference, securityLog));
    }
}
