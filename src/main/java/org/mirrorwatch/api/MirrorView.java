package org.mirrorwatch.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.registry.boundary.InconsistentSuite;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.boundary.TlsSummary;

/**
 * A mirror as the API shows it. {@code freshness} is its overall freshness as of its last probe, {@code tls}
 * what that probe found of its HTTPS certificate (null without an HTTPS URL or before a probe checked it).
 * {@code inconsistentSuites} are the suites its newest probe found inconsistent (index sizes other than their
 * InRelease promises: apt fails there), empty when none; clients are not sent to it for those suites.
 * Empty fields are shown as null, so a client sees every field it may change.
 */
@JsonbNillable
public record MirrorView(String name, String displayName, String description, String distribution, String owner,
        String country, String content, String speed, String pulseType, String httpBaseUrl, String httpsBaseUrl,
        String ftpBaseUrl, String rsyncBaseUrl, boolean officialCandidate, boolean enabled, boolean official,
        String reviewStatus, boolean countryDnsMirror, String freshness, Instant lastProbed, Instant dateCreated,
        TlsView tls, List<SuiteView> inconsistentSuites) {

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
                mirror.inconsistentSuites().stream().map(SuiteView::of).toList());
    }
}
