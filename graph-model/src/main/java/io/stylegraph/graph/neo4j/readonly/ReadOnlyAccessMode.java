package io.stylegraph.graph.neo4j.readonly;

import java.net.InetAddress;
import java.net.URI;

import org.neo4j.graphdb.security.AuthorizationViolationException;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.api.security.RestrictedAccessMode;

/**
 * What a read-only user may do in a transaction: whatever the wrapped mode allows, restricted to reading. The kernel
 * checks this mode before every data write, token creation (new labels, types, property keys), schema change and
 * writing procedure call. Two things reading alone would not grant are allowed back, and two it would grant are taken
 * away:
 * <ul>
 *   <li>{@code SHOW INDEXES} and {@code SHOW CONSTRAINTS} (Neo4j files them under schema rights), so analysts can find
 *   the vector indexes;</li>
 *   <li>no {@code SHOW SETTINGS} (an error rather than an empty list);</li>
 *   <li>no {@code LOAD CSV}: it reads files on the server's disk (the store's credentials live there) and fetches
 *   URLs from inside the network.</li>
 * </ul>
 */
final class ReadOnlyAccessMode extends RestrictedAccessMode {

    ReadOnlyAccessMode(AccessMode original) {
        super(original, Static.READ);
    }

    @Override
    public boolean allowsShowIndex() {
        return original.allowsShowIndex();
    }

    @Override
    public boolean allowsShowConstraint() {
        return original.allowsShowConstraint();
    }

    /**
     * {@code SHOW SETTINGS} reveals the server's configuration (paths, ports, limits). Community lists whatever this
     * allows and silently leaves the rest out; a read-only user is told no instead.
     */
    @Override
    public PermissionState allowsShowSetting(String setting) {
        throw new AuthorizationViolationException("Analysts may not read the server's settings",
                Status.Security.Forbidden);
    }

    @Override
    public PermissionState allowsLoadAllData() {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowsLoadUri(URI url, InetAddress inetAddress) {
        return PermissionState.EXPLICIT_DENY;
    }

    /** A boosted procedure would run with the procedure's own mode; a read-only user's never are. */
    @Override
    public PermissionState shouldBoostProcedure(int procedureId) {
        return PermissionState.NOT_GRANTED;
    }

    @Override
    public PermissionState shouldBoostFunction(int id) {
        return PermissionState.NOT_GRANTED;
    }

    @Override
    public PermissionState shouldBoostAggregatingFunction(int id) {
        return PermissionState.NOT_GRANTED;
    }

    @Override
    public PermissionState allowExecuteAdminProcedures() {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public String name() {
        return "read-only";
    }
}
