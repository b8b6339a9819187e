package org.mirrorwatch.registry.boundary;

import java.io.Serializable;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;

/**
 * A mirror as someone typed it: nothing here is checked yet. {@link MirrorFacade} and
 * {@link DistributionFacade} check every field and report all broken rules at once.
 */
public record MirrorForm(String name, String displayName, String description, MirrorSpeed speed, String countryCode,
        MirrorContent content, MirrorPulseType pulseType, String httpBaseUrl, String httpsBaseUrl, String ftpBaseUrl,
        String rsyncBaseUrl, boolean officialCandidate) implements Serializable {

    /** The seed's way of registering a mirror: the required fields and an HTTP URL. */
    public static MirrorForm of(String name, MirrorSpeed speed, String countryCode, MirrorContent content,
            MirrorPulseType pulseType, String httpBaseUrl) {
        return new MirrorForm(name, null, null, speed, countryCode, content, pulseType, httpBaseUrl, null, null, null,
                false);
    }
}
