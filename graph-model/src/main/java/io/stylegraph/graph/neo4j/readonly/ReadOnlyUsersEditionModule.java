package io.stylegraph.graph.neo4j.readonly;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.graphdb.factory.module.GlobalModule;
import org.neo4j.graphdb.factory.module.edition.CommunityEditionModule;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.provider.SecurityProvider;

/**
 * Neo4j Community with its usual authentication, except that the named users may only read. Community has no roles
 * or privileges; this puts the restriction where Enterprise's privileges take effect, in the security context every
 * transaction of the user runs under, so the kernel refuses the writes itself.
 */
final class ReadOnlyUsersEditionModule extends CommunityEditionModule {
    private final Set<String> readOnlyUsers;
    private final AtomicBoolean loginsOpen;

    ReadOnlyUsersEditionModule(GlobalModule globalModule, Set<String> readOnlyUsers, AtomicBoolean loginsOpen) {
        super(globalModule);
        this.readOnlyUsers = readOnlyUsers;
        this.loginsOpen = loginsOpen;
    }

    @Override
    public void createSecurityModule(GlobalModule globalModule) {
        super.createSecurityModule(globalModule);
        SecurityProvider community = getSecurityProvider();
        AuthManager readOnly = new ReadOnlyUsersAuthManager(community.authManager(), readOnlyUsers, loginsOpen);
        setSecurityProvider(new SecurityProvider() {
            @Override
            public AuthManager authManager() {
                return readOnly;
            }

            @Override
            public AuthManager inClusterAuthManager() {
                return community.inClusterAuthManager();
            }

            @Override
            public AuthManager loopbackAuthManager() {
                return community.loopbackAuthManager();
            }
        });
    }
}
