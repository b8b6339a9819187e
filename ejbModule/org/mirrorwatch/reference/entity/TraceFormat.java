package org.mirrorwatch.reference.entity;

/** How a distribution's mirrors say when they last synced, in a file the prober fetches with each probe. */
public enum TraceFormat {
    /** No trace file is fetched. */
    NONE,
    /** Debian's ftpsync trace: a first line such as "Sat Nov 28 21:08:46 UTC 2026", then "Key: value" lines. */
    DEBIAN,
    /** Arch Linux's lastsync: one line, the Unix time of the last sync. */
    ARCH_LASTSYNC
}
