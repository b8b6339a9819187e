package org.mirrorwatch.registry.entity;

/** What kind of files a mirror serves. */
public enum MirrorContent {
    /** The package archive: dists/ and pool/. */
    ARCHIVE,
    /** Release images (CD and DVD images). */
    RELEASE
}
