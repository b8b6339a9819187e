package org.mirrorwatch.reference.entity;

/** The life-cycle state of a series. */
public enum DistroReleaseStatus {
    /** Being planned. */
    EXPERIMENTAL,
    /** In active development. */
    DEVELOPMENT,
    /** Frozen before release. */
    FROZEN,
    /** The current stable release. */
    CURRENT,
    /** Released and still supported. */
    SUPPORTED,
    /** No longer supported. */
    OBSOLETE
}
