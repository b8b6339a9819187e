package org.mirrorwatch.registry.entity;

/** What a probe found of a mirror's trace file. */
public enum TraceState {
    /** Read and understood: it names when the mirror last synced. */
    FOUND,
    /** Not there: the mirror answered 404 or 410. */
    MISSING,
    /** There, but not in the distribution's trace format (or naming a time in the future). */
    MALFORMED,
    /** Larger than the 64 KB a trace file may have; not read to its end. */
    TOO_LARGE,
    /** Could not be read: no answer, another status, a refused address or a broken connection. */
    FAILED
}
