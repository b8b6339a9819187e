package org.mirrorwatch.probing.control;

/** A mirror as a round plans it: an archive mirror's indexes, or a release mirror's image pairs. */
public interface ProbeTarget {

    long mirrorId();

    String name();

    String baseUrl();
}
