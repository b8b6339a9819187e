package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.entity.DistributionMirror;

/** A distribution's mirror lists for administrators, named as Launchpad names them. */
@Path("v1/distributions/{distribution}")
@Produces(MediaType.APPLICATION_JSON)
public class DistributionResource {

    @Inject
    DistributionFacade distributions;

    @GET
    @Path("disabled-mirrors")
    public List<MirrorView> disabledMirrors(@PathParam("distribution") String distribution) {
        return views(distributions.disabledMirrors(idOf(distribution)));
    }

    @GET
    @Path("pending-review-mirrors")
    public List<MirrorView> pendingReviewMirrors(@PathParam("distribution") String distribution) {
        return views(distributions.pendingReviewMirrors(idOf(distribution)));
    }

    @GET
    @Path("unofficial-mirrors")
    public List<MirrorView> unofficialMirrors(@PathParam("distribution") String distribution) {
        return views(distributions.unofficialMirrors(idOf(distribution)));
    }

    private long idOf(String name) {
        return distributions.findDistributionByName(name)
                .orElseThrow(() -> new NotFoundException("distribution", name)).getId();
    }

    private static List<MirrorView> views(List<DistributionMirror> mirrors) {
        return mirrors.stream().map(MirrorView::of).toList();
    }
}
