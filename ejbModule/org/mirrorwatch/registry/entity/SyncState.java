package org.mirrorwatch.registry.entity;

/** Whether a mirror was syncing when it was probed, by the marker a running sync leaves at its archive root. */
public enum SyncState {
    /** No marker: not syncing. */
    NOT_SYNCING,
    /** A marker younger than the limit: syncing, so the mirror is neither disabled nor its owner told. */
    SYNCING,
    /** A marker older than the limit: a leftover of a sync that died, not counted as syncing. */
    STALE_MARKER,
    /** A marker without a Last-Modified date, whose age is unknown: not counted as syncing. */
    UNDATED_MARKER
}
