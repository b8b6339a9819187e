package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.Country;

import java.util.Objects;

/** A mirror's details once every rule has passed: what {@link Distribution#newMirror} needs. */
public record MirrorRegistration(MirrorName name, String displayName, String description, MirrorSpeed speed,
        Country country, MirrorContent content, MirrorPulseType pulseType, MirrorUrls urls,
        boolean officialCandidate) {

    public MirrorRegistration {
        Objects.requireNonNull(name);
        Objects.requireNonNull(speed);
        Objects.requireNonNull(country);
        Objects.requireNonNull(content);
        Objects.requireNonNull(pulseType);
        Objects.requireNonNull(urls);
    }
}
