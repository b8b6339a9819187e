package org.mirrorwatch.probing.http;

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

    /** @param lastModified the answer's Last-Modified, when it had a valid one */
    record Found(String url, java.util.Optional<java.time.Instant> lastModified) implements HeadResult {

        public Found(String url) {
            this(url, java.util.Optional.empty());
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
