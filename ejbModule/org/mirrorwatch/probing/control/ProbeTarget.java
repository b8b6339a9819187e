package org.mirrorwatch.probing.control;

/** A mirror as a round plans it: an archive mirror's indexes, or a release mirror's image pairs. */
public sealed interface ProbeTarget permits MirrorTarget, ReleaseTarget {

    long mirrorId();

    String name();

    String baseUrl();

    /** The outcome of a probe of this mirror that failed in Mirrorwatch itself, so that it is not recorded. */
    ProbeOutcome crashed(String log);
}
