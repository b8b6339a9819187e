package org.mirrorwatch.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.reference.entity.MirrorUrl;

/**
 * A mirror as the API shows it. {@code freshness} is its overall freshness as of its last probe. Empty fields
 * are shown as null, so a client sees every field it may change.
 */
@JsonbNillable
public record MirrorView(String name, String displayName, String description, String distribution, String owner,
        String country, String content, String speed, String pulseType, String httpBaseUrl, String httpsBaseUrl,
        String ftpBaseUrl, String rsyncBaseUrl, boolean officialCandidate, boolean enabled, boolean official,
        String reviewStatus, boolean countryDnsMirror, String freshness, Instant lastProbed, Instant dateCreated) {

    static MirrorView of(DistributionMirror mirror) {
        return new MirrorView(mirror.getName(), mirror.getDisplayName(), mirror.getDescription(),
                mirror.getDistribution().getName(),
                mirror.getOwner().getName(), mirror.getCountry().getIsoCode(), mirror.getContent().name(),
                mirror.getSpeed().name(), mirror.getPulseType().name(),
                mirror.getHttpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getHttpsBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getFtpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getRsyncBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.isOfficialCandidate(), mirror.isEnabled(), mirror.isOfficial(), mirror.getReviewStatus().name(), mirror.isCountryDnsMirror(),
                mirror.getProbedFreshness().name(), mirror.getLastProbed().orElse(null), mirror.getDateCreated());
    }
}
