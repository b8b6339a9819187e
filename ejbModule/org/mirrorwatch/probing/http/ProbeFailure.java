package org.mirrorwatch.probing.http;

import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Why a request did not find its file. Each kind renders the plain reason the probe log gives after the
 * URL; the texts are Launchpad's where it has one, and the tests and owners read them, so they change
 * only on purpose.
 */
public sealed interface ProbeFailure {

    /** The reason in plain words, e.g. "connection refused" or "404 Not Found". */
    String reason();

    /** No answer within the request's total deadline. The log gives this reason without "Failed url:". */
    record Timeout(String request, URI uri, Duration deadline) implements ProbeFailure {
        @Override
        public String reason() {
            return request + " on " + uri + " took longer than " + deadline.toSeconds() + " seconds";
        }
    }

    /** Nothing listens on the port, or the network said so while connecting. */
    record ConnectionRefused() implements ProbeFailure {
        @Override
        public String reason() {
            return "connection refused";
        }
    }

    /** The address guard would not let the prober connect; the host was never contacted. */
    record RefusedAddress(String refusal) implements ProbeFailure {
        @Override
        public String reason() {
            return refusal;
        }
    }

    /** A request pinned to an address family found no address of it; the host was never contacted. */
    record NoAddressOfFamily(String detail) implements ProbeFailure {
        @Override
        public String reason() {
            return detail;
        }
    }

    /** The host name did not resolve. */
    record UnknownHost(String detail) implements ProbeFailure {
        @Override
        public String reason() {
            return "unknown host: " + detail;
        }
    }

    /** The response head outgrew the limit, so it was not read to its end. */
    record HeadersTooLarge(int maxBytes) implements ProbeFailure {
        @Override
        public String reason() {
            return "the response headers were larger than " + maxBytes + " bytes";
        }
    }

    /** The body of a fetched file outgrew the limit, so it was not read to its end. */
    record BodyTooLarge(int maxBytes) implements ProbeFailure {
        @Override
        public String reason() {
            return "the body was larger than " + maxBytes + " bytes";
        }
    }

    /** The TLS handshake or the TLS stream failed. */
    record TlsFailure(String detail) implements ProbeFailure {
        @Override
        public String reason() {
            return "TLS failed: " + detail;
        }
    }

    /** The mirror closed or reset the connection before it answered. */
    record ConnectionClosed() implements ProbeFailure {
        @Override
        public String reason() {
            return "the connection was closed or reset before an answer";
        }
    }

    /** The bytes that came back were not an HTTP response. */
    record ProtocolError() implements ProbeFailure {
        @Override
        public String reason() {
            return "not a valid HTTP response";
        }
    }

    /** A failure of no known kind, named by its exception so that it can be given a kind later. */
    record Unclassified(String exception, String detail) implements ProbeFailure {
        @Override
        public String reason() {
            return exception + ": " + detail;
        }
    }

    /** An HTTP answer other than 200 or a redirect. */
    record UnexpectedStatus(int status) implements ProbeFailure {
        @Override
        public String reason() {
            return status + " " + HttpStatus.getMessage(status);
        }
    }

    /** The FTP server's reply line to SIZE, MLST or the login, when it was not a success. */
    record FtpRefusal(String reply) implements ProbeFailure {
        @Override
        public String reason() {
            return reply;
        }
    }

    /** The URL to probe does not parse. */
    record InvalidUrl(String problem) implements ProbeFailure {
        @Override
        public String reason() {
            return "not a valid URL: " + problem;
        }
    }

    /** The URL to probe is neither HTTP, HTTPS nor FTP. */
    record UnknownScheme(URI uri) implements ProbeFailure {
        @Override
        public String reason() {
            return "unknown scheme in " + uri;
        }
    }

    /** The URL to probe names no host. */
    record NoHost(URI uri) implements ProbeFailure {
        @Override
        public String reason() {
            return "no host in " + uri;
        }
    }

    /** The host was given up for the rest of the round, so its other requests in this round are not sent. */
    sealed interface HostGivenUp extends ProbeFailure {

        /** The host, as the scheduler names it: name and port. */
        String host();
    }

    /**
     * Launchpad's host-skip rule struck: the host timed out too often, so its other requests in this round
     * are not sent. The counts are those of the moment it struck.
     */
    record HostSkipped(String host, long timeouts, long requests) implements HostGivenUp {
        @Override
        public String reason() {
            return "skipped: " + host + " timed out on " + timeouts + " of " + requests
                    + " requests, so its other requests in this round are not sent";
        }
    }

    /**
     * The host's first requests all failed to get an answer (refused, reset or timed out), so it is taken
     * for dead in this round and its other requests are not sent.
     *
     * @param lastFailure how the last of them failed, in a few words, e.g. "connection refused"
     */
    record HostDead(String host, int attempts, String lastFailure) implements HostGivenUp {
        @Override
        public String reason() {
            return "gave up on host " + host + ": its first " + attempts + " requests failed (" + lastFailure
                    + ") without an answer, so its other requests in this round are not sent";
        }
    }

    /** A redirect the prober does not follow. */
    sealed interface RedirectRefused extends ProbeFailure {
    }

    record RedirectWithoutLocation() implements RedirectRefused {
        @Override
        public String reason() {
            return "redirect without a Location";
        }
    }

    record TooManyRedirects(int max) implements RedirectRefused {
        @Override
        public String reason() {
            return "more than " + max + " redirects";
        }
    }

    record RedirectToInvalidUrl(String location) implements RedirectRefused {
        @Override
        public String reason() {
            return "redirect to an invalid URL: " + location;
        }
    }

    record RedirectToUnknownScheme(URI target) implements RedirectRefused {
        @Override
        public String reason() {
            return "redirect to an unknown scheme: " + target;
        }
    }

    /** Launchpad follows a redirect only to the same file name, so a mirror cannot pass off another file. */
    record RedirectToDifferentFile(URI target) implements RedirectRefused {
        @Override
        public String reason() {
            return "redirect to a different file: " + target;
        }
    }
}
