package org.mirrorwatch.registry.entity;

import java.util.Locale;

/** Where a mirror stands in the mirror administrators' review. */
public enum ReviewStatus {
    /** Registered, and waiting for a mirror administrator. */
    PENDING_REVIEW,
    /** Approved as an official mirror. */
    OFFICIAL,
    /** Reviewed, and kept out of the official lists. */
    UNOFFICIAL,
    /** Reviewed, and found broken; the owner can resubmit it once fixed. */
    BROKEN;

    /** The status in words, e.g. "pending review". */
    public String title() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
