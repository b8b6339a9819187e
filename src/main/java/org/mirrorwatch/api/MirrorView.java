package org.mirrorwatch.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.mirrorwatch.registry.boundary.MirrorSummary;

/**
 * A mirror as the API shows it. {@code freshness} is its overall freshness as of its last probe. Empty fields
 * are shown as null, so a client sees every field it may change.
 */
@JsonbNillable
public record MirrorView(String name, String displayName, String description, String distribution, String owner,
        String country, String content, String speed, String pulseType, String httpBaseUrl, String httpsBaseUrl,
        String ftpBaseUrl, String rsyncBaseUrl, boolean officialCandidate, boolean enabled, boolean official,
        String reviewStatus, boolean countryDnsMirror, String freshness, Instant lastProbed, Instant dateCreated) {

    static MirrorView of(MirrorSummary mirror) {
        return new MirrorView(mirror.name(), mirror.displayName(), mirror.description(), mirror.distribution(),
                mirror.owner(), mirror.countryCode(), mirror.content().name(), mirror.speed().name(),
                mirror.pulseType().name(), mirror.httpBaseUrl(), mirror.httpsBaseUrl(), mirror.ftpBaseUrl(),
                mirror.rsyncBaseUrl(), mirror.officialCandidate(), mirror.enabled(), mirror.official(),
                mirror.reviewStatus().name(), mirror.countryDnsMirror(), mirror.freshness().name(),
                mirror.lastProbed(), mirror.dateCreated());
    }
}
