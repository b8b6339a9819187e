package org.mirrorwatch.api;

import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.reference.entity.MirrorUrl;

/**
 * The fields of a mirror its owner may change, as {@code PUT} takes them (every one, null for none) and
 * {@code PATCH} merges them (RFC 7396: a field left out keeps its value, null clears it). GET shows each.
 */
public record MirrorChanges(String name, String displayName, String description, MirrorSpeed speed, String country,
        MirrorContent content, MirrorPulseType pulseType, String httpBaseUrl, String httpsBaseUrl, String ftpBaseUrl,
        String rsyncBaseUrl, Boolean officialCandidate) {

    /** The mirror's current values, which a patch starts from. */
    static MirrorChanges of(DistributionMirror mirror) {
        return new MirrorChanges(mirror.getName(), mirror.getDisplayName(), mirror.getDescription(), mirror.getSpeed(),
                mirror.getCountry().getIsoCode(), mirror.getContent(), mirror.getPulseType(),
                mirror.getHttpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getHttpsBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getFtpBaseUrl().map(MirrorUrl::value).orElse(null),
                mirror.getRsyncBaseUrl().map(MirrorUrl::value).orElse(null), mirror.isOfficialCandidate());
    }

    MirrorForm form() {
        return new MirrorForm(name, displayName, description, speed, country, content, pulseType, httpBaseUrl,
                httpsBaseUrl, ftpBaseUrl, rsyncBaseUrl, Boolean.TRUE.equals(officialCandidate));
    }
}
