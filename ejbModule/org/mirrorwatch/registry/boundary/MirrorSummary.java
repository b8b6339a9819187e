package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import java.util.List;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.ReviewStatus;

/**
 * One mirror as lists, pages and the API show it, read inside the facade's transaction. {@code freshness}
 * is its overall freshness as of its last probe; {@code lastProbed} the date of its newest probe record,
 * null before the first. URLs are null where the mirror has none, as are the reviewer and the date reviewed
 * of a mirror not reviewed yet. {@code tls} is what its newest probe found of its HTTPS certificate, null
 * without an HTTPS URL or before it was checked; {@code families} what it found on each address family, null
 * when it did not check them; {@code trace} what it found of the trace file and the sync marker, null when
 * its distribution has neither or before a probe read them. {@code inconsistentSuites} are the suites it
 * serves with index sizes other than their InRelease promises, by name; empty when none.
 */
public record MirrorSummary(long id, String name, String displayName, String title, String description,
        String distribution, String distributionDisplayName, String owner, String ownerDisplayName,
        String countryCode, String countryName, MirrorContent content, MirrorSpeed speed, MirrorPulseType pulseType,
        String httpBaseUrl, String httpsBaseUrl, String ftpBaseUrl, String rsyncBaseUrl, String baseUrl,
        boolean officialCandidate, boolean enabled, boolean official, ReviewStatus reviewStatus, String reviewer,
        Instant dateReviewed, String whiteboard, boolean countryDnsMirror, MirrorStatus freshness, Instant lastProbed,
        Instant dateCreated, TlsSummary tls, FamiliesSummary families, TraceSummary trace,
        List<InconsistentSuite> inconsistentSuites) {

    public MirrorSummary {
        inconsistentSuites = List.copyOf(inconsistentSuites);
    }

    /** Whether its newest probe found this suite (e.g. "hoary-security") inconsistent. */
    public boolean inconsistent(String suite) {
        return inconsistentSuites.stream().anyMatch(inconsistent -> inconsistent.suite().equals(suite));
    }

    /** Reads the mirror and the entities it refers to; call it inside the transaction that loaded them. */
    static MirrorSummary of(DistributionMirror mirror, Instant lastProbed, List<InconsistentSuite> inconsistentSuites) {
        return new MirrorSummary(mirror.getId(), mirror.getName(), mirror.getDisplayName(), mirror.getTitle(),
                mirror.getDescription(), mirror.getDistribution().getName(),
                mirror.getDistribution().getDisplayName(), mirror.getOwner().getName(),
                mirror.getOwner().getDisplayName(), mirror.getCountry().getIsoCode(), mirror.getCountry().getName(),
                mirror.getContent(), mirror.getSpeed(), mirror.getPulseType(),
                mirror.getHttpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getHttpsBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getFtpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getRsyncBaseUrl().map(MirrorUrl::value).orElse(null), mirror.getBaseUrl().value(),
                mirror.isOfficialCandidate(), mirror.isEnabled(), mirror.isOfficial(), mirror.getReviewStatus(),
                mirror.getReviewer().map(Person::getName).orElse(null), mirror.getDateReviewed().orElse(null),
                mirror.getWhiteboard(), mirror.isCountryDnsMirror(), mirror.getProbedFreshness(), lastProbed,
                mirror.getDateCreated(), mirror.getTls().map(TlsSummary::of).orElse(null),
                mirror.getFamilies().map(FamiliesSummary::of).orElse(null),
                TraceSummary.of(mirror.getTrace(), mirror.getProbedFreshness()), inconsistentSuites);
    }
}
