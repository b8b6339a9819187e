package org.mirrorwatch.routing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.routing.control.RoutingSnapshot;
import org.mirrorwatch.routing.control.RoutingSnapshots;

/** The routing snapshot as operators see it, and a rebuild on demand for administrators. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingSnapshotFacade {

    /** When the snapshot was read, how long that took, and what it holds. */
    public record SnapshotStatus(Instant builtAt, Duration buildTime, int distributions, int mirrors) {
    }

    @Inject
    RoutingSnapshots snapshots;

    @PermitAll
    public SnapshotStatus status() {
        return status(snapshots.current());
    }

    /** Reads the snapshot again now, e.g. after a change this instance cannot see. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public SnapshotStatus rebuild() {
        return status(snapshots.rebuild());
    }

    private static SnapshotStatus status(RoutingSnapshot snapshot) {
        return new SnapshotStatus(snapshot.builtAt(), snapshot.buildTime(), snapshot.distributions().size(),
                snapshot.mirrorCount());
    }
}
