package org.mirrorwatch.api;

import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;

/**
 * A mirror as a client sends it to register or edit one. {@code distribution} and {@code owner} count
 * for registration only; the owner defaults to the caller.
 */
public record MirrorRequest(String distribution, String owner, String name, String displayName, String description,
        MirrorSpeed speed, String country, MirrorContent content, MirrorPulseType pulseType, String httpBaseUrl,
        String httpsBaseUrl, String ftpBaseUrl, String rsyncBaseUrl, Boolean officialCandidate) {

    MirrorForm form() {
        return new MirrorForm(name, displayName, description, speed, country, content, pulseType, httpBaseUrl,
                httpsBaseUrl, ftpBaseUrl, rsyncBaseUrl, Boolean.TRUE.equals(officialCandidate));
    }
}
