package org.mirrorwatch.probing.http;

import java.time.Duration;

/**
 * How politely and how long a round probes.
 *
 * @param perHost       requests in flight to one host at most
 * @param overall       requests in flight in the whole round at most
 * @param timeout       the total deadline of one request, connecting and waiting included
 * @param maxRedirects  redirects followed per request
 * @param maxHeaderBytes the largest response head accepted
 * @param userAgent     the User-Agent header, naming Mirrorwatch
 */
public record ProbeLimits(int perHost, int overall, Duration timeout, int maxRedirects, int maxHeaderBytes,
        String userAgent) {

    /** Launchpad's host-skip rule: judge a host only after this many requests... */
    public static final int MIN_REQUESTS_TO_JUDGE_HOST = 30;
    /** ...and skip it when it had fewer than this many requests per timeout. */
    public static final int MIN_REQUESTS_PER_TIMEOUT = 3;
    /**
     * A host whose first this many requests all fail without an answer (refused, reset or timed out) is
     * given up for the round as soon as the last of them fails.
     */
    public static final int DEAD_HOST_ATTEMPTS = 3;

    public ProbeLimits {
        if (perHost < 1 || overall < 1 || maxRedirects < 0 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("Probe limits out of range: per host " + perHost + ", overall "
                    + overall + ", redirects " + maxRedirects + ", header bytes " + maxHeaderBytes);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The probe timeout must be positive, not " + timeout);
        }
    }
}
