package org.mirrorwatch.probing.http;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a HEAD request ended: found (a 200, after at most the allowed redirects), or failed with a kind
 * of failure whose reason goes into the probe log. Either way it names the URL that was asked for, not
 * where a redirect led.
 */
public sealed interface HeadResult {

    String url();

    boolean found();

    /** "200 OK", or the failure's reason. */
    String reason();

    /** Whether the request ran out of time, which counts against its host and is logged as such. */
    boolean timedOut();

    /** The size the 200 answer announced in its Content-Length; empty when absent, malformed, or not found. */
    default OptionalLong contentLength() {
        return OptionalLong.empty();
    }

    /**
     * A 200 answer to a HEAD.
     *
     * @param lastModified the answer's Last-Modified, when it had a valid one
     * @param length its Content-Length, -1 when absent or malformed
     */
    record Found(String url, Optional<Instant> lastModified, long length) implements HeadResult {

        /** Found, with no usable Last-Modified or Content-Length. */
        public Found(String url) {
            this(url, Optional.empty(), -1);
        }

        public Found(String url, Optional<Instant> lastModified) {
            this(url, lastModified, -1);
        }

        public Found(String url, long length) {
            this(url, Optional.empty(), length);
        }

        @Override
        public boolean found() {
            return true;
        }

        @Override
        public String reason() {
            return "200 OK";
        }

        @Override
        public boolean timedOut() {
            return false;
        }

        @Override
        public OptionalLong contentLength() {
            return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
        }
    }

    record Failed(String url, ProbeFailure failure) implements HeadResult {
        @Override
        public boolean found() {
            return false;
        }

        @Override
        public String reason() {
            return failure.reason();
        }

        @Override
        public boolean timedOut() {
            return failure instanceof ProbeFailure.Timeout;
        }
    }
}
