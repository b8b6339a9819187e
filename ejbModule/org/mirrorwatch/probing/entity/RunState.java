package org.mirrorwatch.probing.entity;

/** Where a probe round stands. */
public enum RunState {
    /** Probing now. */
    RUNNING,
    /** Finished; every mirror of the round was probed. */
    DONE,
    /** Stopped before the end: it failed, or its instance died and its lease expired. */
    ABORTED
}
