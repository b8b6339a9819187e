package org.mirrorwatch.api;

import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;

/**
 * The fields of a mirror its owner may change, as {@code PUT} takes them (every one, null for none) and
 * {@code PATCH} merges them (RFC 7396: a field left out keeps its value, null clears it). GET shows each.
 */
public record MirrorChanges(String name, String displayName, String description, MirrorSpeed speed, String country,
        MirrorContent content, MirrorPulseType pulseType, String httpBaseUrl, String httpsBaseUrl, String ftpBaseUrl,
        String rsyncBaseUrl, Boolean officialCandidate) {

    /** The mirror's current values, which a patch starts from. */
    static MirrorChanges of(MirrorSummary mirror) {
        return new MirrorChanges(mirror.name(), mirror.displayName(), mirror.description(), mirror.speed(),
                mirror.countryCode(), mirror.content(), mirror.pulseType(), mirror.httpBaseUrl(),
                mirror.httpsBaseUrl(), mirror.ftpBaseUrl(), mirror.rsyncBaseUrl(), mirror.officialCandidate());
    }

    MirrorForm form() {
        return new MirrorForm(name, displayName, description, speed, country, content, pulseType, httpBaseUrl,
                httpsBaseUrl, ftpBaseUrl, rsyncBaseUrl, Boolean.TRUE.equals(officialCandidate));
    }
}
