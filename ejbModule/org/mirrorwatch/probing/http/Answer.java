package org.mirrorwatch.probing.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * How one request ended, whatever its protocol: an HTTP status with its Location, Content-Length and
 * Last-Modified (and, for a GET, the body read), an FTP reply (200 when the file is there, with the
 * server's reply line otherwise), or a failure to get any answer.
 *
 * @param contentLength the Content-Length header, -1 when absent or not a plain decimal number
 */
record Answer(int status, String location, long contentLength, String ftpReply, Throwable failure, byte[] body,
        Optional<Instant> lastModified) {

    /** Longer than this many digits is past any file a mirror serves (and past a long). */
    private static final int MAX_LENGTH_DIGITS = 18;

    static Answer of(Result result) {
        return of(result, null);
    }

    static Answer of(Result result, byte[] body) {
        if (result.isFailed()) {
            return failed(result.getFailure());
        }
        return new Answer(result.getResponse().getStatus(),
                result.getResponse().getHeaders().get(HttpHeader.LOCATION),
                contentLength(result.getResponse().getHeaders().getValuesList(HttpHeader.CONTENT_LENGTH)), null, null,
                body, httpDate(result.getResponse().getHeaders().get(HttpHeader.LAST_MODIFIED)));
    }

    static Answer ftp(boolean found, String reply) {
        return new Answer(found ? 200 : 550, null, -1, reply.strip(), null, null, Optional.empty());
    }

    static Answer failed(Throwable failure) {
        return new Answer(0, null, -1, null, failure, null, Optional.empty());
    }

    /** An HTTP date (RFC 9110's IMF-fixdate, as every server sends it); anything else counts as none. */
    static Optional<Instant> httpDate(String value) {
        if (value == null || value.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses Content-Length strictly: exactly one value of ASCII digits (at most 18); anything else, or
     * several headers, is "unknown" (-1), never an error.
     */
    static long contentLength(List<String> values) {
        if (values == null || values.size() != 1) {
            return -1;
        }
        String value = values.get(0) == null ? "" : values.get(0).strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH_DIGITS) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }
}
