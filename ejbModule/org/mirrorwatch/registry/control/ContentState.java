package org.mirrorwatch.registry.control;

import java.util.Objects;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * What a probe found for one content record of a mirror: present with a freshness, or absent (freshness
 * null), for the binaries of an architecture series or the sources of a series.
 */
public record ContentState(PublicationKind kind, long targetId, PackagePublishingPocket pocket, long componentId,
        MirrorStatus freshness) {

    public ContentState {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(pocket);
    }

    public boolean present() {
        return freshness != null;
    }
}
