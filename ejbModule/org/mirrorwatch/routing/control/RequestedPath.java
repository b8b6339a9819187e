package org.mirrorwatch.routing.control;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path a client asks the redirector for, below the distribution, e.g.
 * {@code dists/hoary-security/main/binary-i386/Packages.gz} or {@code pool/main/m/mozilla/...}. Parsed
 * strictly: printable path characters only (the empty path is the archive's root), no empty, "." or ".." segment, no query, at most
 * {@value #MAX_LENGTH} characters. It knows what a mirror must carry to serve it.
 *
 * @param path the path as given, without a leading slash
 * @param need what a mirror must carry fresh enough (see {@link RouteCandidate#carries(String)}), or null
 *        when any mirror that is fresh overall will do
 */
public record RequestedPath(String path, String need) {

    public static final int MAX_LENGTH = 1024;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~+:@=,-]+");
    private static final Pattern ARCHIVE_INDEX = Pattern.compile(
            "dists/([^/]+)/([^/]+)/(binary-[^/]+|source)(?:/.*)?");
    private static final Pattern SUITE = Pattern.compile("dists/([^/]+)(?:/.*)?");

    /** A path of the archive: an index under dists/ needs that suite's index, anything else none. */
    public static RequestedPath archive(String path) {
        check(path);
        Matcher index = ARCHIVE_INDEX.matcher(path);
        if (index.matches()) {
            return new RequestedPath(path, index.group(1) + "/" + index.group(2) + "/" + index.group(3));
        }
        Matcher suite = SUITE.matcher(path);
        return new RequestedPath(path, suite.matches() ? suite.group(1) : null);
    }

    /** A path of the CD-image releases: its first segment names the series when it is one. */
    public static RequestedPath releases(String path, Set<String> seriesNames) {
        check(path);
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        return new RequestedPath(path, seriesNames.contains(first) ? first : null);
    }

    private static void check(String path) {
        if (path.isEmpty()) {
            return;
        }
        if (path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The path is longer than " + MAX_LENGTH + " characters.");
        }
        // A directory (trailing slash) is a path too: mirrors list directories.
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean lastOfDirectory = i == segments.length - 1 && segment.isEmpty() && i > 0;
            if (lastOfDirectory) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("The path may hold letters, digits and ._~+:@=,- between"
                        + " single slashes, and no . or .. segment.");
            }
        }
    }
}
