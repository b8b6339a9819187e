package org.mirrorwatch.probing.control;

import java.util.List;

/** The (series, flavour) pairs a release mirror carries completely, out of those it should. */
public record ReleaseProbeOutcome(ReleaseTarget target, List<ImagePair> found, String log, boolean crashed)
        implements ProbeOutcome {

    public boolean lacksAnyPair() {
        return found.size() < target.pairs().size();
    }
}
