package org.mirrorwatch.probing.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Launchpad's redirect rule: a 301, 302 or 303 is followed, a limited number of times per request, and
 * only to the same file name over HTTP or HTTPS, so that a mirror cannot pass off another file, or a
 * loop, as the one asked for. Each hop is checked by the address guard like the first request.
 */
final class RedirectPolicy {

    private final int maxRedirects;

    RedirectPolicy(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303;
    }

    /**
     * Whether to follow a redirect from {@code from}, which was itself reached after {@code hopsSoFar}
     * redirects, to {@code location}, the header as the mirror sent it (possibly relative or missing).
     */
    Decision decide(URI from, int hopsSoFar, String location) {
        if (location == null || location.isBlank()) {
            return new Refuse(new ProbeFailure.RedirectWithoutLocation());
        }
        if (hopsSoFar >= maxRedirects) {
            return new Refuse(new ProbeFailure.TooManyRedirects(maxRedirects));
        }
        URI target;
        try {
            target = from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Refuse(new ProbeFailure.RedirectToInvalidUrl(location));
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refuse(new ProbeFailure.RedirectToUnknownScheme(target));
        }
        if (!fileName(target).equals(fileName(from))) {
            return new Refuse(new ProbeFailure.RedirectToDifferentFile(target));
        }
        return new Follow(target);
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** What to do with a redirect. */
    sealed interface Decision {
    }

    /** Request {@code target} next, as the same request's next hop. */
    record Follow(URI target) implements Decision {
    }

    /** The request fails, for this reason. */
    record Refuse(ProbeFailure.RedirectRefused failure) implements Decision {
    }
}
