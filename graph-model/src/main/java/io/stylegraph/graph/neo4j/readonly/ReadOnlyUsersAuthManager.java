package io.stylegraph.graph.neo4j.readonly;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.server.security.auth.BasicLoginContext;

/**
 * Logs users in through Neo4j's own authentication and marks the logins of the read-only users as such. Until
 * {@code loginsOpen} is set every login fails: Bolt listens before the users are in place, and on a new store Neo4j's
 * initial user with its well-known password exists until then.
 */
final class ReadOnlyUsersAuthManager extends AuthManager {
    private final AuthManager authentication;
    private final Set<String> readOnlyUsers;
    private final AtomicBoolean loginsOpen;

    ReadOnlyUsersAuthManager(AuthManager authentication, Set<String> readOnlyUsers, AtomicBoolean loginsOpen) {
        this.authentication = authentication;
        this.readOnlyUsers = Set.copyOf(readOnlyUsers);
        this.loginsOpen = loginsOpen;
    }

    @Override
    public LoginContext login(Map<String, Object> authToken, ClientConnectionInfo connectionInfo)
            throws InvalidAuthTokenException {
        if (!loginsOpen.get()) {
            AuthToken.clearCredentials(authToken);
            return new BasicLoginContext(null, AuthenticationResult.FAILURE, connectionInfo);
        }
        return restrict(authentication.login(authToken, connectionInfo));
    }

    @Override
    public LoginContext impersonate(LoginContext originalAuth, String userToImpersonate) {
        return restrict(authentication.impersonate(originalAuth, userToImpersonate));
    }

    private LoginContext restrict(LoginContext login) {
        String user = login.subject().executingUser();
        String authenticated = login.subject().authenticatedUser();
        return readOnlyUsers.contains(user) || readOnlyUsers.contains(authenticated)
                ? new ReadOnlyLoginContext(login) : login;
    }

    @Override
    public void init() throws Exception {
        authentication.init();
    }

    @Override
    public void start() throws Exception {
        authentication.start();
    }

    @Override
    public void stop() throws Exception {
        authentication.stop();
    }

    @Override
    public void shutdown() throws Exception {
        authentication.shutdown();
    }
}
