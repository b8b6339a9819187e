package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mirrorwatch.reference.boundary.ReferenceViews.ArchSeriesView;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionView;
import org.mirrorwatch.reference.boundary.ReferenceViews.SeriesView;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.registry.boundary.CdImageManifestFacade;
import org.mirrorwatch.routing.boundary.MirrorRouting;
import org.mirrorwatch.routing.boundary.RoutingAnswer;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.reference.boundary.DistributionForm;
import org.mirrorwatch.reference.boundary.TraceForm;
import org.mirrorwatch.reference.boundary.ReferenceDataFacade;
import org.mirrorwatch.reference.boundary.ReferenceReads;
import org.mirrorwatch.reference.boundary.SeriesForm;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.web.ClientAddresses;

/**
 * Distributions with their series and architectures, the administrators' mirror lists and CD-image
 * manifest, and the client mirror lists that users' machines fetch.
 */
@Path("v1/distributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DistributionResource {

    /** What a client mirror list is served as: plain text, never HTML. */
    static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    @Inject
    DistributionFacade distributions;

    @Inject
    ReferenceDataFacade reference;

    @Inject
    ReferenceReads reads;

    @Inject
    CdImageManifestFacade manifests;

    @Inject
    MirrorRouting routing;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    /** The body that creates an architecture series or changes whether it is official. */
    public record ArchSeriesRequest(String architecture, Boolean official) {
    }

    @GET
    public List<DistributionView> list() {
        return reads.distributions();
    }

    @POST
    public Response create(DistributionForm form) {
        DistributionView created = reference.createDistribution(MirrorResource.require(form));
        return Response.created(uri.getBaseUriBuilder().path("v1/distributions/{name}").build(created.name()))
                .entity(created).build();
    }

    @GET
    @Path("{distribution}")
    public DistributionView get(@PathParam("distribution") String distribution) {
        return reads.distribution(distribution);
    }

    @PUT
    @Path("{distribution}")
    public DistributionView update(@PathParam("distribution") String distribution, DistributionForm form) {
        return reference.updateDistribution(distribution, MirrorResource.require(form));
    }

    /**
     * Where the distribution's mirrors keep their trace file and in which format, and the marker a running
     * sync leaves: {@code {"format":"DEBIAN","path":"project/trace/ftp-master.debian.org",
     * "syncMarker":"Archive-Update-in-Progress-{host}"}}. The distribution shows it as {@code trace}.
     */
    @PUT
    @Path("{distribution}/trace")
    public DistributionView configureTrace(@PathParam("distribution") String distribution, TraceForm form) {
        return reference.configureTrace(distribution, MirrorResource.require(form));
    }

    @GET
    @Path("{distribution}/series")
    public List<SeriesView> series(@PathParam("distribution") String distribution) {
        return reads.series(distribution);
    }

    @POST
    @Path("{distribution}/series")
    public Response createSeries(@PathParam("distribution") String distribution, SeriesForm form) {
        SeriesView created = reference.createSeries(distribution, MirrorResource.require(form));
        return Response.created(uri.getBaseUriBuilder().path("v1/distributions/{d}/series/{s}")
                .build(distribution, created.name())).entity(created).build();
    }

    @GET
    @Path("{distribution}/series/{series}")
    public SeriesView getSeries(@PathParam("distribution") String distribution, @PathParam("series") String series) {
        return reads.series(distribution, series);
    }

    @PUT
    @Path("{distribution}/series/{series}")
    public SeriesView updateSeries(@PathParam("distribution") String distribution, @PathParam("series") String series,
            SeriesForm form) {
        return reference.updateSeries(distribution, series, MirrorResource.require(form));
    }

    @POST
    @Path("{distribution}/series/{series}/architectures")
    public Response createArchSeries(@PathParam("distribution") String distribution,
            @PathParam("series") String series, ArchSeriesRequest body) {
        ArchSeriesRequest valid = MirrorResource.require(body);
        ArchSeriesView created = reference.createArchSeries(distribution, series,
                valid.architecture(), !Boolean.FALSE.equals(valid.official()));
        return Response.created(uri.getBaseUriBuilder().path("v1/distributions/{d}/series/{s}/architectures/{a}")
                .build(distribution, series, created.architecture())).entity(created).build();
    }

    @PUT
    @Path("{distribution}/series/{series}/architectures/{architecture}")
    public ArchSeriesView updateArchSeries(@PathParam("distribution") String distribution,
            @PathParam("series") String series, @PathParam("architecture") String architecture, ArchSeriesRequest body) {
        Boolean official = MirrorResource.require(body).official();
        if (official == null) {
            throw new InvalidInputException("official", "Send {\"official\": true} or {\"official\": false}.");
        }
        return reference.updateArchSeries(distribution, series, architecture, official);
    }

    @GET
    @Path("{distribution}/disabled-mirrors")
    public List<MirrorView> disabledMirrors(@PathParam("distribution") String distribution) {
        return views(distributions.disabledMirrors(idOf(distribution)));
    }

    @GET
    @Path("{distribution}/pending-review-mirrors")
    public List<MirrorView> pendingReviewMirrors(@PathParam("distribution") String distribution) {
        return views(distributions.pendingReviewMirrors(idOf(distribution)));
    }

    @GET
    @Path("{distribution}/unofficial-mirrors")
    public List<MirrorView> unofficialMirrors(@PathParam("distribution") String distribution) {
        return views(distributions.unofficialMirrors(idOf(distribution)));
    }

    /** The CD-image manifest as stored, one {@code flavour<TAB>series<TAB>path<TAB>size} line per file. */
    @GET
    @Path("{distribution}/cd-image-manifest")
    @Produces(TEXT_UTF8)
    public Response manifest(@PathParam("distribution") String distribution) {
        return Response.ok(manifests.readManifest(idOf(distribution)))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The body of a stored manifest's answer. */
    public record ManifestSummary(int files) {
    }

    /** Replaces the manifest. A manifest with any bad line is refused whole, each bad line reported. */
    @BodyLimit(bytes = 1024 * 1024)
    @PUT
    @Path("{distribution}/cd-image-manifest")
    @Consumes(MediaType.TEXT_PLAIN)
    public ManifestSummary replaceManifest(@PathParam("distribution") String distribution, String text) {
        return new ManifestSummary(manifests.storeManifest(idOf(distribution), text == null ? "" : text).size());
    }

    /**
     * The mirrors a user's machine should try for the archive or the release images, one URL per line,
     * best first; the last line is the distribution's own. The country is the {@code country} parameter,
     * else the one the configured lookup finds for the client's address.
     */
    @GET
    @Path("{distribution}/country-mirrors/{content}")
    @Produces(TEXT_UTF8)
    public Response countryMirrors(@PathParam("distribution") String distribution,
            @PathParam("content") String content, @QueryParam("country") String country) {
        MirrorContent kind = switch (content.toLowerCase(Locale.ROOT)) {
            case "archive" -> MirrorContent.ARCHIVE;
            case "release" -> MirrorContent.RELEASE;
            default -> throw new InvalidInputException("content", "Ask for country-mirrors/archive or"
                    + " country-mirrors/release.");
        };
        Optional<String> countryCode = country != null && !country.isBlank() ? Optional.of(country)
                : Optional.empty();
        RoutingAnswer list = routing.list(distribution, kind, clientAddresses.clientOf(request), countryCode);
        StringBuilder text = new StringBuilder();
        list.choices().forEach(choice -> text.append(choice.url()).append('\n'));
        return Response.ok(text.toString())
                .header("X-Generated-For-Country", list.client().country().orElse("unknown"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    private long idOf(String name) {
        return reference.distributionId(name);
    }

    private static List<MirrorView> views(List<MirrorSummary> mirrors) {
        return mirrors.stream().map(MirrorView::of).toList();
    }
}
