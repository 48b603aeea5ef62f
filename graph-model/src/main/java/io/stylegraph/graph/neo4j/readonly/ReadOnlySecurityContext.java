package io.stylegraph.graph.neo4j.readonly;

import java.util.List;

import org.neo4j.graphdb.security.AuthorizationViolationException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.AdminAccessMode;
import org.neo4j.internal.kernel.api.security.AdminActionOnResource;
import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.internal.kernel.api.security.PrivilegeAction;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.internal.kernel.api.security.Segment;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;

/**
 * The security context of a read-only user's transaction, on any database including {@code system}.
 * <p>
 * Community Neo4j grants every authenticated user every administration action; this one denies all but a few that
 * only look (so {@code CREATE USER}, {@code ALTER USER}, {@code DROP USER}, {@code RENAME USER}, {@code SHOW USERS},
 * listing or terminating transactions, including the user's own, which other analysts share, admin procedures all
 * fail). Neo4j derives new contexts from a
 * transaction's context with {@link #withMode} whenever it elevates one, e.g. for a boosted procedure or to write the
 * system graph during {@code ALTER CURRENT USER}; every context derived from this one stays read-only.
 */
final class ReadOnlySecurityContext extends SecurityContext {
    /** The administration actions that only look at something. */
    private static final List<AdminActionOnResource> ALLOWED_ADMIN_ACTIONS = List.of(
            PrivilegeAction.ACCESS, PrivilegeAction.SHOW_INDEX, PrivilegeAction.SHOW_CONSTRAINT,
            PrivilegeAction.SHOW_ALIAS, PrivilegeAction.EXECUTE).stream()
            .map(action -> new AdminActionOnResource(action, AdminActionOnResource.DatabaseScope.ALL, Segment.ALL))
            .toList();

    /** Listing and ending transactions, on any database and for any user. */
    private static final List<AdminActionOnResource> TRANSACTION_ACTIONS = List.of(
            PrivilegeAction.SHOW_TRANSACTION, PrivilegeAction.TERMINATE_TRANSACTION, PrivilegeAction.TRANSACTION_MANAGEMENT)
            .stream().map(action -> new AdminActionOnResource(action, AdminActionOnResource.DatabaseScope.ALL,
                    Segment.ALL)).toList();

    ReadOnlySecurityContext(AuthSubject subject, AccessMode mode, ClientConnectionInfo connectionInfo,
                            String database) {
        super(ReadOnlySubject.of(subject), mode instanceof ReadOnlyAccessMode ? mode : new ReadOnlyAccessMode(mode), connectionInfo,
                database);
    }

    static ReadOnlySecurityContext of(SecurityContext context) {
        return context instanceof ReadOnlySecurityContext readOnly ? readOnly
                : new ReadOnlySecurityContext(context.subject(), context.mode(), context.connectionInfo(),
                context.database());
    }

    @Override
    public SecurityContext withMode(AccessMode mode) {
        return new ReadOnlySecurityContext(subject, mode, connectionInfo(), database());
    }

    @Override
    public SecurityContext withMode(AdminAccessMode adminAccessMode) {
        return this;
    }

    /**
     * @throws AuthorizationViolationException for listing or ending transactions: Community would silently leave out
     *                                         what a user may not see, and an analyst is to be told no instead
     */
    @Override
    public PermissionState allowsAdminAction(AdminActionOnResource action) {
        if (TRANSACTION_ACTIONS.stream().anyMatch(refused -> refused.matches(action))) {
            throw new AuthorizationViolationException("Analysts may not list or end transactions: they would see "
                    + "other sessions' queries and end them",
                    Status.Security.Forbidden);
        }
        for (AdminActionOnResource allowed : ALLOWED_ADMIN_ACTIONS) {
            if (allowed.matches(action)) {
                return PermissionState.EXPLICIT_GRANT;
            }
        }
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowExecuteAdminProcedure(int procedureId) {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference dbReference,
                                     AbstractSecurityLog securityLog) {
        return this;
    }

    @Override
    public String toString() {
        return defaultString("read-only");
    }
}
