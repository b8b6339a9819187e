package org.mirrorwatch.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.registry.boundary.FamiliesSummary;
import org.mirrorwatch.registry.boundary.InconsistentSuite;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.boundary.TlsSummary;
import org.mirrorwatch.registry.boundary.TraceSummary;

/**
 * A mirror as the API shows it. {@code freshness} is its overall freshness as of its last probe, {@code tls}
 * what that probe found of its HTTPS certificate (null without an HTTPS URL or before a probe checked it),
 * {@code families} what it found on each address family (null before a probe checked them), {@code trace}
 * what it found of the trace file and the sync marker. {@code inconsistentSuites} are the suites its newest
 * probe found inconsistent (index sizes other than their InRelease promises: apt fails there), empty when
 * none; clients are not sent to it for those suites.
 * Empty fields are shown as null, so a client sees every field it may change.
 */
@JsonbNillable
public record MirrorView(String name, String displayName, String description, String distribution, String owner,
        String country, String content, String speed, String pulseType, String httpBaseUrl, String httpsBaseUrl,
        String ftpBaseUrl, String rsyncBaseUrl, boolean officialCandidate, boolean enabled, boolean official,
        String reviewStatus, boolean countryDnsMirror, String freshness, Instant lastProbed, Instant dateCreated,
        TlsView tls, FamiliesView families, TraceView trace, List<SuiteView> inconsistentSuites) {

    /**
     * A mirror on each address family as its newest probe found it: {@code ipv4} and {@code ipv6} are
     * REACHABLE, UNREACHABLE (published, but a sample file was not found over it; {@code ipv4Failure} or
     * {@code ipv6Failure} says why) or NOT_PUBLISHED (no A or AAAA record); {@code degraded} whether a
     * published family is unreachable (the mirror stays enabled; that family's clients are sent elsewhere).
     */
    @JsonbNillable
    public record FamiliesView(String ipv4, String ipv4Failure, String ipv6, String ipv6Failure, boolean degraded) {

        static FamiliesView of(FamiliesSummary families) {
            return families == null ? null : new FamiliesView(families.ipv4().name(), families.ipv4Failure(),
                    families.ipv6().name(), families.ipv6Failure(), families.degraded());
        }
    }

    /**
     * A mirror's trace file and sync marker as its newest probe found them, beside the pool files'
     * freshness: {@code state} is FOUND, MISSING, MALFORMED, TOO_LARGE or FAILED (null when the
     * distribution has no trace file); {@code time} when the mirror last synced by its trace, {@code
     * ageSeconds} the trace's age at the probe; {@code partialSync} whether that age and {@code
     * poolFreshness} disagree by more than the configured gap; {@code sync} NOT_SYNCING, SYNCING,
     * STALE_MARKER or UNDATED_MARKER (null when the distribution names no marker).
     */
    @JsonbNillable
    public record TraceView(String state, Instant time, Long ageSeconds, String problem, boolean partialSync,
            String poolFreshness, String sync, Long markerAgeSeconds) {

        static TraceView of(TraceSummary trace) {
            return trace == null ? null : new TraceView(trace.state() == null ? null : trace.state().name(),
                    trace.time(), trace.ageSeconds(), trace.problem(), trace.partialSync(),
                    trace.poolFreshness().name(), trace.sync() == null ? null : trace.sync().name(),
                    trace.markerAgeSeconds());
        }
    }

    /**
     * A suite the mirror serves inconsistently: since when (the first probe of the episode), on how many
     * probes in a row, and which index sizes differ.
     */
    public record SuiteView(String suite, Instant since, int probes, String detail) {

        static SuiteView of(InconsistentSuite suite) {
            return new SuiteView(suite.suite(), suite.since(), suite.probes(), suite.detail());
        }
    }

    /**
     * A mirror's HTTPS certificate as its newest probe found it: {@code state} is VALID, EXPIRING (within 21
     * days), EXPIRED, NAME_MISMATCH, UNTRUSTED or NO_HANDSHAKE; {@code notAfter} the earliest expiry of the
     * chain the server sent; {@code inClientLists} whether the HTTPS URL is handed to clients.
     */
    @JsonbNillable
    public record TlsView(String state, Instant notAfter, String issuer, String protocol, boolean inClientLists) {

        static TlsView of(TlsSummary tls) {
            return tls == null ? null : new TlsView(tls.state().name(), tls.notAfter(), tls.issuer(), tls.protocol(),
                    tls.worksForClients());
        }
    }

    static MirrorView of(MirrorSummary mirror) {
        return new MirrorView(mirror.name(), mirror.displayName(), mirror.description(), mirror.distribution(),
                mirror.owner(), mirror.countryCode(), mirror.content().name(), mirror.speed().name(),
                mirror.pulseType().name(), mirror.httpBaseUrl(), mirror.httpsBaseUrl(), mirror.ftpBaseUrl(),
                mirror.rsyncBaseUrl(), mirror.officialCandidate(), mirror.enabled(), mirror.official(),
                mirror.reviewStatus().name(), mirror.countryDnsMirror(), mirror.freshness().name(),
                mirror.lastProbed(), mirror.dateCreated(), TlsView.of(mirror.tls()),
                FamiliesView.of(mirror.families()), TraceView.of(mirror.trace()),
                mirror.inconsistentSuites().stream().map(SuiteView::of).toList());
    }
}
