package org.mirrorwatch.registry.boundary;

import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorStatus;

/** A mirror with its overall freshness worked out, for lists that must not load every mirror's records. */
public record MirrorSummary(DistributionMirror mirror, MirrorStatus overallFreshness) {

    public DistributionMirror getMirror() {
        return mirror;
    }

    public MirrorStatus getOverallFreshness() {
        return overallFreshness;
    }
}
