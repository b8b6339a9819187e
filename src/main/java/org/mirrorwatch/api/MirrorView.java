package org.mirrorwatch.api;

import java.time.Instant;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorUrl;

/** A mirror as the API shows it to anyone. {@code freshness} is its overall freshness as of its last probe. */
public record MirrorView(String name, String displayName, String distribution, String owner, String country,
        String content, String speed, String pulseType, String httpBaseUrl, String httpsBaseUrl, String ftpBaseUrl,
        String rsyncBaseUrl, boolean enabled, boolean official, String reviewStatus, boolean countryDnsMirror,
        String freshness, Instant lastProbed, Instant dateCreated) {

    static MirrorView of(DistributionMirror mirror) {
        return new MirrorView(mirror.getName(), mirror.getDisplayName(), mirror.getDistribution().getName(),
                mirror.getOwner().getName(), mirror.getCountry().getIsoCode(), mirror.getContent().name(),
                mirror.getSpeed().name(), mirror.getPulseType().name(),
                mirror.getHttpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getHttpsBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getFtpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getRsyncBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.isEnabled(), mirror.isOfficial(), mirror.getReviewStatus().name(), mirror.isCountryDnsMirror(),
                mirror.getProbedFreshness().name(), mirror.getLastProbed().orElse(null), mirror.getDateCreated());
    }
}
