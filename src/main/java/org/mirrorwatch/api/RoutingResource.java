package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.mirrorwatch.routing.boundary.RoutingSnapshotFacade;
import org.mirrorwatch.routing.boundary.RoutingSnapshotFacade.SnapshotStatus;

/**
 * The snapshot the mirror lists and the redirector answer from: when it was read and what it holds.
 * Administrators can have it read again at once.
 */
@Path("v1/routing")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    /** The snapshot as JSON: times as ISO-8601, the build time in milliseconds. */
    public record SnapshotView(String builtAt, long buildMillis, int distributions, int mirrors) {

        static SnapshotView of(SnapshotStatus status) {
            return new SnapshotView(status.builtAt().toString(), status.buildTime().toMillis(), status.distributions(),
                    status.mirrors());
        }
    }

    @Inject
    RoutingSnapshotFacade snapshots;

    @GET
    @Path("snapshot")
    public SnapshotView snapshot() {
        return SnapshotView.of(snapshots.status());
    }

    @POST
    @Path("snapshot")
    public SnapshotView rebuild() {
        return SnapshotView.of(snapshots.rebuild());
    }
}
