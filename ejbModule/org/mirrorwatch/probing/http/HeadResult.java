package org.mirrorwatch.probing.http;

/**
 * How a HEAD request ended: found (a 200, after at most the allowed redirects), or failed with a reason
 * in words that go into the probe log.
 */
public record HeadResult(String url, boolean found, String reason, boolean timedOut) {

    static HeadResult ok(String url) {
        return new HeadResult(url, true, "200 OK", false);
    }

    static HeadResult failed(String url, String reason) {
        return new HeadResult(url, false, reason, false);
    }

    static HeadResult timeout(String url, String reason) {
        return new HeadResult(url, false, reason, true);
    }
}
