package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.entity.MirrorContent;

/** Probe rounds: administrators start one; anyone can follow a round and read the history. */
@Path("v1/probe-rounds")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeRoundResource {

    @Inject
    ProbeRounds rounds;

    @Context
    UriInfo uri;

    /** What to probe: the mirrors of one content type that are due (ARCHIVE when not given). */
    public record StartRequest(MirrorContent content) {
    }

    /**
     * Starts a round. It runs in the background; the answer is 202 with the round's address to follow it,
     * or 409 when a round of that content type is running already.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(StartRequest request) {
        MirrorContent content = request == null || request.content() == null ? MirrorContent.ARCHIVE
                : request.content();
        ProbeRunSummary run = rounds.startRound(content, RunTrigger.MANUAL);
        return Response.accepted(ProbeRunView.of(run))
                .location(uri.getBaseUriBuilder().path("v1/probe-rounds/{id}").build(run.id())).build();
    }

    @GET
    @Path("{id}")
    public ProbeRunView get(@PathParam("id") long id) {
        return ProbeRunView.of(rounds.getRun(id));
    }

    @GET
    public List<ProbeRunView> recent(@QueryParam("limit") String limitText) {
        int limit = QueryValues.intValue(limitText, "limit", 20, 1, 200);
        return rounds.recentRuns(limit).stream().map(ProbeRunView::of).toList();
    }
}
