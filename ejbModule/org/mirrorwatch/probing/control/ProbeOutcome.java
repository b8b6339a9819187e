package org.mirrorwatch.probing.control;

/** What one probe of a mirror found, held in memory until it is recorded. */
public sealed interface ProbeOutcome permits MirrorProbeOutcome, ReleaseProbeOutcome {

    ProbeTarget target();

    String log();

    /** True when Mirrorwatch itself failed, so the probe says nothing about the mirror. */
    boolean crashed();
}
