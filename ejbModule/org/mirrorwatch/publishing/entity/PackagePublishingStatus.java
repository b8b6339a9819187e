package org.mirrorwatch.publishing.entity;

/** Where a publication stands in the archive. */
public enum PackagePublishingStatus {
    /** Accepted, waiting for the publisher. */
    PENDING,
    /** In the archive now. */
    PUBLISHED,
    /** Replaced by a newer version. */
    SUPERSEDED,
    /** Removed from the archive. */
    DELETED,
    /** Its series is no longer published. */
    OBSOLETE
}
