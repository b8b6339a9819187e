package org.mirrorwatch.probing.control;

import java.util.List;

/** A mirror as a probe sees it: where it is and every index it should carry. */
public record MirrorTarget(long mirrorId, String name, String baseUrl, List<IndexCheck> checks)
        implements ProbeTarget {

    @Override
    public MirrorProbeOutcome crashed(String log) {
        return new MirrorProbeOutcome(this, List.of(), log, true);
    }
}
