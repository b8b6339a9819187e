package org.mirrorwatch.probing.control;

import java.util.List;

/** A (series, flavour) of the CD-image manifest, with the URLs of all its files on one mirror. */
public record ImagePair(long seriesId, String series, String flavour, List<String> urls) {
}
