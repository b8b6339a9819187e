package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.PersonFacade;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.ReviewStatus;

/**
 * One mirror: read it, register, edit and delete it, and the owner's and administrators' actions on it.
 * The facades decide who may do what; this class only translates.
 */
@Path("v1/mirrors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MirrorResource {

    @Inject
    MirrorFacade mirrors;

    @Inject
    DistributionFacade distributions;

    @Inject
    PersonFacade people;

    @Inject
    AccountFacade accounts;

    @Context
    UriInfo uri;

    /** The body of a review. */
    public record ReviewRequest(ReviewStatus status, String whiteboard) {
    }

    /** The body of an owner change. */
    public record OwnerRequest(String owner) {
    }

    /** The body that turns a mirror on or off. */
    public record EnabledRequest(Boolean enabled) {
    }

    /** A probe of the mirror, with the path of its log (readable by the owner and administrators). */
    public record ProbeRecordView(long id, Instant dateCreated, String log) {
    }

    @POST
    public Response register(MirrorRequest request) {
        MirrorRequest body = require(request);
        if (body.distribution() == null || body.distribution().isBlank()) {
            throw new InvalidInputException("distribution", "Name the distribution the mirror serves, e.g. ubuntu.");
        }
        long distributionId = distributions.findDistributionByName(body.distribution().strip())
                .orElseThrow(() -> new InvalidInputException("distribution",
                        "There is no distribution called \"" + body.distribution() + "\"."))
                .getId();
        long ownerId = body.owner() == null || body.owner().isBlank() ? accounts.me().getId()
                : people.findByName(body.owner().strip()).orElseThrow(() -> new InvalidInputException("owner",
                        "Nobody is called \"" + body.owner() + "\". Enter an account name.")).getId();
        DistributionMirror mirror = distributions.newMirror(distributionId, ownerId, body.form());
        return Response.created(uri.getBaseUriBuilder().path("v1/mirrors/{name}").build(mirror.getName()))
                .entity(MirrorView.of(mirror)).build();
    }

    @GET
    @Path("{name}")
    public MirrorView get(@PathParam("name") String name) {
        return MirrorView.of(mirrors.getMirrorByName(name));
    }

    @PUT
    @Path("{name}")
    public MirrorView edit(@PathParam("name") String name, MirrorRequest request) {
        return MirrorView.of(mirrors.edit(idOf(name), require(request).form()));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        mirrors.delete(idOf(name));
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/resubmission")
    public MirrorView resubmit(@PathParam("name") String name) {
        return MirrorView.of(mirrors.resubmitForReview(idOf(name)));
    }

    @PUT
    @Path("{name}/review")
    public MirrorView review(@PathParam("name") String name, ReviewRequest request) {
        ReviewRequest body = require(request);
        return MirrorView.of(mirrors.review(idOf(name), body.status(), body.whiteboard()));
    }

    @PUT
    @Path("{name}/owner")
    public MirrorView changeOwner(@PathParam("name") String name, OwnerRequest request) {
        return MirrorView.of(mirrors.reassignOwner(idOf(name), require(request).owner()));
    }

    @PUT
    @Path("{name}/enabled")
    public MirrorView enable(@PathParam("name") String name, EnabledRequest request) {
        Boolean enabled = require(request).enabled();
        if (enabled == null) {
            throw new InvalidInputException("enabled", "Send {\"enabled\": true} or {\"enabled\": false}.");
        }
        long id = idOf(name);
        return MirrorView.of(enabled ? mirrors.enable(id) : mirrors.disable(id));
    }

    @PUT
    @Path("{name}/country-dns-mirror")
    public MirrorView designateCountryDnsMirror(@PathParam("name") String name) {
        return MirrorView.of(mirrors.designateCountryDnsMirror(idOf(name)));
    }

    @DELETE
    @Path("{name}/country-dns-mirror")
    public MirrorView removeCountryDnsMirror(@PathParam("name") String name) {
        return MirrorView.of(mirrors.removeCountryDnsMirror(idOf(name)));
    }

    @GET
    @Path("{name}/probes")
    public List<ProbeRecordView> probes(@PathParam("name") String name) {
        return mirrors.probeRecords(idOf(name), 50).stream()
                .map(record -> new ProbeRecordView(record.getId(), record.getDateCreated(),
                        record.getLogFile().getDownloadPath()))
                .toList();
    }

    private long idOf(String name) {
        return mirrors.getMirrorByName(name).getId();
    }

    /** A missing body is a client error like any other field error, not a NullPointerException. */
    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "Send a JSON body; see the API documentation.");
        }
        return body;
    }
}
