package org.mirrorwatch.api;

import org.mirrorwatch.platform.Cursors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mirrorwatch.registry.boundary.FreshnessHistory;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;
import org.mirrorwatch.registry.boundary.MirrorReports;
import org.mirrorwatch.registry.boundary.MirrorPage;
import org.mirrorwatch.registry.boundary.MirrorQuery;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.identity.boundary.PersonFacade;
import org.mirrorwatch.registry.boundary.MirrorSummary;
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

    @Inject
    MirrorReports reports;

    @Inject
    FreshnessHistory history;

    @Inject
    ProbeRounds rounds;

    static final int MAXIMUM_PAGE = 1000;

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

    /** One page of the list: {@code next} is the cursor of the next page, absent on the last. */
    public record MirrorListPage(List<MirrorView> mirrors, String next) {
    }

    /**
     * The mirrors, by name unless {@code sort} says otherwise, a page at a time. Every filter is optional.
     * {@code sort} is name, freshness (the freshest first), speed (the slowest first) or last-probe (the
     * longest ago first, never probed before all), with a leading "-" for the other direction; ties go by
     * name. {@code cursor} is the {@code next} of the previous page, in the same order. Anyone sees enabled
     * mirrors; owners also their own disabled ones; administrators all.
     */
    @GET
    public MirrorListPage list(@QueryParam("distribution") String distribution, @QueryParam("country") String country,
            @QueryParam("content") String content, @QueryParam("enabled") String enabled,
            @QueryParam("official") String official, @QueryParam("freshness") String freshness,
            @QueryParam("speed") String speed, @QueryParam("owner") String owner, @QueryParam("q") String nameContains,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitText) {
        int limit = QueryValues.intValue(limitText, "limit", 100, 1, MAXIMUM_PAGE);
        MirrorPage page = mirrors.list(new MirrorQuery(QueryValues.text(distribution), QueryValues.text(country),
                QueryValues.enumValue(MirrorContent.class, content, "content"),
                QueryValues.booleanValue(enabled, "enabled"), QueryValues.booleanValue(official, "official"),
                QueryValues.enumValue(MirrorStatus.class, freshness, "freshness"),
                QueryValues.enumValue(MirrorSpeed.class, speed, "speed"), QueryValues.text(owner),
                QueryValues.text(nameContains)),
                QueryValues.sort(sort), Cursors.decode(cursor), limit);
        return new MirrorListPage(page.mirrors().stream().map(MirrorView::of).toList(),
                page.nextAfter().map(Cursors::encode).orElse(null));
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
                .id();
        long ownerId = body.owner() == null || body.owner().isBlank() ? accounts.me().id()
                : people.findIdByName(body.owner().strip()).orElseThrow(() -> new InvalidInputException("owner",
                        "Nobody is called \"" + body.owner() + "\". Enter an account name."));
        MirrorSummary mirror = distributions.newMirror(distributionId, ownerId, body.form());
        return Response.created(uri.getBaseUriBuilder().path("v1/mirrors/{name}").build(mirror.name()))
                .entity(MirrorView.of(mirror)).build();
    }

    @GET
    @Path("{name}")
    public MirrorView get(@PathParam("name") String name) {
        return MirrorView.of(mirrors.mirror(name));
    }

    /** Replaces every field a mirror's owner may change; each must be sent (null for none). */
    @PUT
    @Path("{name}")
    public MirrorView replace(@PathParam("name") String name, ObjectNode body) {
        MirrorChanges changes = StrictJson.complete(require(body), MirrorChanges.class);
        return MirrorView.of(mirrors.edit(idOf(name), changes.form()));
    }

    /** Changes the fields the JSON Merge Patch names and keeps the others. */
    @PATCH
    @Path("{name}")
    @Consumes({StrictJsonBodyReader.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public MirrorView patch(@PathParam("name") String name, ObjectNode patch) {
        MirrorSummary mirror = mirrors.mirror(name);
        MirrorChanges changes = StrictJson.merge(MirrorChanges.of(mirror), require(patch));
        return MirrorView.of(mirrors.edit(mirror.id(), changes.form()));
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

    /** A content record of the mirror with its freshness. */
    public record ContentRecordView(String series, String architecture, String pocket, String component,
            String freshness) {

        static ContentRecordView of(MirrorReports.ContentRow row) {
            return new ContentRecordView(row.series(), row.architecture(), row.pocket(), row.component(),
                    row.freshness().name());
        }
    }

    /** A (series, flavour) of CD images the mirror carries completely. */
    public record CdImageView(String series, String flavour) {
    }

    /** What the mirror carries and how fresh it is, as of now. */
    public record MirrorContentView(String mirror, String overallFreshness, List<ContentRecordView> sources,
            List<ContentRecordView> binaries, List<CdImageView> cdImages) {
    }

    @GET
    @Path("{name}/content")
    public MirrorContentView content(@PathParam("name") String name) {
        MirrorReports.ContentReport report = reports.content(name);
        return new MirrorContentView(report.mirror(), report.overallFreshness().name(),
                report.sources().stream().map(ContentRecordView::of).toList(),
                report.binaries().stream().map(ContentRecordView::of).toList(),
                report.cdImages().stream().map(image -> new CdImageView(image.series(), image.flavour())).toList());
    }

    /** The mirror's overall freshness, and how many of its content records are in each status. */
    public record FreshnessView(String mirror, String overallFreshness, Instant lastProbed, Map<String, Long> records) {
    }

    @GET
    @Path("{name}/freshness")
    public FreshnessView freshness(@PathParam("name") String name) {
        MirrorReports.FreshnessSummary summary = reports.freshness(name);
        Map<String, Long> records = new TreeMap<>();
        summary.records().forEach((status, count) -> records.put(status.name(), count));
        return new FreshnessView(summary.mirror(), summary.overallFreshness().name(), summary.lastProbed(), records);
    }

    /** The freshness the mirror's probes found, one entry per probe. */
    public record SnapshotView(Instant date, String overallFreshness, Map<String, Integer> records) {
    }

    @GET
    @Path("{name}/freshness-history")
    public List<SnapshotView> freshnessHistory(@PathParam("name") String name) {
        return history.snapshots(idOf(name)).stream()
                .map(snapshot -> new SnapshotView(snapshot.dateCreated(), snapshot.overall().name(),
                        snapshot.counts().entrySet().stream().collect(Collectors.toMap(
                                entry -> entry.getKey().name(), Map.Entry::getValue, (a, b) -> a, TreeMap::new))))
                .toList();
    }

    /**
     * Probes the mirror now. Its owner may ask once per 15 minutes (429 with Retry-After beyond that);
     * administrators may always. The answer is 202 with the round to follow.
     */
    @POST
    @Path("{name}/probes")
    public Response probe(@PathParam("name") String name) {
        ProbeRunSummary run = rounds.requestProbe(idOf(name));
        return Response.accepted(ProbeRunView.of(run))
                .location(uri.getBaseUriBuilder().path("v1/probe-rounds/{id}").build(run.id())).build();
    }

    @GET
    @Path("{name}/probes")
    public List<ProbeRecordView> probes(@PathParam("name") String name) {
        return mirrors.probeRecords(idOf(name), 50).stream()
                .map(record -> new ProbeRecordView(record.id(), record.dateCreated(), record.log()))
                .toList();
    }

    private long idOf(String name) {
        return mirrors.mirror(name).id();
    }

    /** A missing body is a client error like any other field error, not a NullPointerException. */
    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "Send a JSON body; see the API documentation.");
        }
        return body;
    }
}
