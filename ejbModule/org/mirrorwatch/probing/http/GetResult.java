package org.mirrorwatch.probing.http;

import java.time.Instant;
import java.util.Optional;

/**
 * How a bounded GET ended: the body of a 200 (after at most the allowed redirects) with the answer's
 * Last-Modified, or a failure whose reason goes into the probe log. It names the URL that was asked for.
 */
public sealed interface GetResult {

    String url();

    record Fetched(String url, byte[] body, Optional<Instant> lastModified) implements GetResult {
    }

    record Failed(String url, ProbeFailure failure) implements GetResult {

        /** Whether the server answered that the file is not there (404 or 410), not that it failed. */
        public boolean missing() {
            return failure instanceof ProbeFailure.UnexpectedStatus status
                    && (status.status() == 404 || status.status() == 410)
                    || failure instanceof ProbeFailure.FtpRefusal;
        }
    }
}
