package org.mirrorwatch.publishing.entity;

import java.util.Objects;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * What a mirror's content record covers: sources of a series, or binaries of an architecture series, in
 * one pocket and component. {@code targetId} is the series' or the architecture series' id.
 */
public record PublicationKey(PublicationKind kind, long targetId, PackagePublishingPocket pocket, long componentId) {

    public PublicationKey {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(pocket);
    }
}
