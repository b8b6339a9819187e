package org.mirrorwatch.publishing.boundary;

import java.util.List;

/**
 * One publication as the archive publisher sends it. Every field is text until it is checked, so a bad
 * value is reported for its row instead of refusing the whole request unread.
 *
 * @param kind SOURCE or BINARY
 * @param sourceName for a binary, the source package it was built from; its own name when absent
 * @param architecture for a binary, the architecture tag of its series
 * @param datePublished ISO-8601, e.g. 2026-01-10T12:00:00Z; absent for a publication not yet published
 */
public record PublicationImport(String kind, String name, String version, String sourceName, String distribution,
        String series, String architecture, String pocket, String component, String status, String datePublished,
        List<FileImport> files) {

    /** A file of the publication: its name in the pool, and its type (DSC, DEB or UDEB). */
    public record FileImport(String filename, String type) {
    }
}
