package org.mirrorwatch.probing.control;

import java.util.Optional;

/**
 * Where an index URL sits in its suite: {@code <base>dists/<suite>/<path>}, the path being what the
 * suite's Release file names it by (e.g. {@code main/binary-i386/Packages.gz}).
 */
record SuiteIndex(String suite, String path) {

    /** The suite and path of an index URL below the base URL; empty for any other URL. */
    static Optional<SuiteIndex> of(String baseUrl, String indexUrl) {
        if (!indexUrl.startsWith(baseUrl + "dists/")) {
            return Optional.empty();
        }
        String rest = indexUrl.substring(baseUrl.length() + "dists/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new SuiteIndex(rest.substring(0, slash), rest.substring(slash + 1)));
    }
}
