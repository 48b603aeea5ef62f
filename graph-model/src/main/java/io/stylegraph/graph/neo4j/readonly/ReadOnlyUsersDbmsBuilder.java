package io.stylegraph.graph.neo4j.readonly;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.neo4j.configuration.Config;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.factory.module.GlobalModule;
import org.neo4j.graphdb.factory.module.edition.AbstractEditionModule;

/**
 * Builds an embedded Neo4j Community DBMS whose named users can connect over Bolt but never change anything: not the
 * graph, not the schema, not the users. Used with authentication on; everyone else logs in as usual, once
 * {@link #openLogins()} has been called (set the users up through the embedded API first).
 */
public final class ReadOnlyUsersDbmsBuilder extends DatabaseManagementServiceBuilderImplementation {
    private final Set<String> readOnlyUsers;
    private final AtomicBoolean loginsOpen = new AtomicBoolean();

    public ReadOnlyUsersDbmsBuilder(Path homeDirectory, Set<String> readOnlyUsers) {
        super(homeDirectory);
        this.readOnlyUsers = Set.copyOf(readOnlyUsers);
    }

    @Override
    protected Function<GlobalModule, AbstractEditionModule> getEditionFactory(Config config) {
        return globalModule -> new ReadOnlyUsersEditionModule(globalModule, readOnlyUsers, loginsOpen);
    }

    /** Lets Bolt logins through; until then every one fails. */
    public void openLogins() {
        loginsOpen.set(true);
    }
}
