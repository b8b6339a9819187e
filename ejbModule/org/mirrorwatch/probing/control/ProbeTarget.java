package org.mirrorwatch.probing.control;

import java.util.Optional;

/** A mirror as a round plans it: an archive mirror's indexes, or a release mirror's image pairs. */
public sealed interface ProbeTarget permits MirrorTarget, ReleaseTarget {

    long mirrorId();

    String name();

    String baseUrl();

    /** Where the content is probed instead when the base URL is HTTPS and clients cannot use it. */
    Optional<String> fallbackUrl();

    /** The outcome of a probe of this mirror that failed in Mirrorwatch itself, so that it is not recorded. */
    ProbeOutcome crashed(String log);

    /** The same checks at another base URL (the fallback), with no further fallback. */
    ProbeTarget rebasedTo(String base);

    /** Whether the base URL is HTTPS, whose TLS a probe checks first. */
    default boolean overHttps() {
        return baseUrl().regionMatches(true, 0, "https:", 0, 6);
    }

    /** A URL made by resolving a path against {@code from}, resolved against {@code to} instead. */
    static String rebase(String url, String from, String to) {
        if (!url.startsWith(from)) {
            throw new IllegalArgumentException(url + " is not below " + from);
        }
        return to + url.substring(from.length());
    }
}
