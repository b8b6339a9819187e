package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.registry.boundary.FreshnessFeedEntry;
import org.mirrorwatch.registry.boundary.MirrorFacade;

/**
 * The freshness feed: every mirror with its freshness as of its last probe, in one response, for
 * monitoring systems and mirror selectors that would otherwise page through the list.
 */
@Path("v1/freshness")
@Produces(MediaType.APPLICATION_JSON)
public class FreshnessFeedResource {

    @Inject
    MirrorFacade mirrors;

    @Inject
    Clock clock;

    /**
     * One mirror in the feed. {@code tls} is the state of its HTTPS certificate as of its last probe, and
     * {@code tlsNotAfter} its expiry; both null without an HTTPS URL or before a probe checked it.
     * {@code ipv4} and {@code ipv6} are what that probe found on each address family (REACHABLE,
     * UNREACHABLE, NOT_PUBLISHED), null before a probe checked them. {@code traceAgeSeconds} is its trace
     * file's age at that probe (null without a readable trace), {@code partialSync} whether that age and
     * {@code freshness} disagree by more than the configured gap, {@code syncing} whether its sync marker
     * said a sync was running. {@code inconsistentSuites} names the suites its newest probe found
     * inconsistent, empty when none.
     */
    public record FeedEntryView(String name, String distribution, String content, String country, String url,
            boolean official, String freshness, Instant lastProbed, String tls, Instant tlsNotAfter, String ipv4,
            String ipv6, Long traceAgeSeconds, boolean partialSync, boolean syncing, List<String> inconsistentSuites) {

        static FeedEntryView of(FreshnessFeedEntry entry) {
            return new FeedEntryView(entry.name(), entry.distribution(), entry.content().name(), entry.country(),
                    entry.baseUrl().value(), entry.official(), entry.freshness().name(), entry.lastProbed(),
                    entry.tlsState() == null ? null : entry.tlsState().name(), entry.tlsNotAfter(),
                    entry.ipv4() == null ? null : entry.ipv4().name(), entry.ipv6() == null ? null : entry.ipv6().name(),
                    entry.traceAgeSeconds(), entry.partialSync(), entry.syncing(), entry.inconsistentSuites());
        }
    }

    /** The feed, with the time it was made. */
    public record Feed(Instant generated, List<FeedEntryView> mirrors) {
    }

    @GET
    public Feed feed(@QueryParam("distribution") String distribution) {
        return new Feed(clock.instant(), mirrors.freshnessFeed(distribution).stream().map(FeedEntryView::of).toList());
    }
}
