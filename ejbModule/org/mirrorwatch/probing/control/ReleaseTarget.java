package org.mirrorwatch.probing.control;

import java.util.List;

/** A release mirror as a probe sees it: every (series, flavour) it should carry. */
public record ReleaseTarget(long mirrorId, String name, String baseUrl, List<ImagePair> pairs) implements ProbeTarget {

    @Override
    public ReleaseProbeOutcome crashed(String log) {
        return new ReleaseProbeOutcome(this, List.of(), log, true);
    }
}
