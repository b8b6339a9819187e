package org.mirrorwatch.registry.entity;

/**
 * One file of the CD-image manifest: a release mirror carries a (series, flavour) when it has every file
 * of that pair. The path is relative to the mirror's base URL.
 */
public record CdImageFile(String flavour, String series, String path, long size) {
}
