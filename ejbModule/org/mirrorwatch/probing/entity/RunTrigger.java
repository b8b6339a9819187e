package org.mirrorwatch.probing.entity;

/** What started a probe round. */
public enum RunTrigger {
    /** The container's timer found mirrors due. */
    TIMER,
    /** An operator started a round now. */
    MANUAL,
    /** An operator or owner asked for one mirror to be probed now. */
    MIRROR
}
