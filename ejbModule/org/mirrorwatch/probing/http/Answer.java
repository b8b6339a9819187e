package org.mirrorwatch.probing.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * How one request ended, whatever its protocol: an HTTP status with its Location (and, for a GET, the body
 * read and the Last-Modified), an FTP reply (200 when the file is there, with the server's reply line
 * otherwise), or a failure to get any answer.
 */
record Answer(int status, String location, String ftpReply, Throwable failure, byte[] body,
        Optional<Instant> lastModified) {

    static Answer of(Result result) {
        return of(result, null);
    }

    static Answer of(Result result, byte[] body) {
        if (result.isFailed()) {
            return failed(result.getFailure());
        }
        return new Answer(result.getResponse().getStatus(),
                result.getResponse().getHeaders().get(HttpHeader.LOCATION), null, null, body,
                httpDate(result.getResponse().getHeaders().get(HttpHeader.LAST_MODIFIED)));
    }

    static Answer ftp(boolean found, String reply) {
        return new Answer(found ? 200 : 550, null, reply.strip(), null, null, Optional.empty());
    }

    static Answer failed(Throwable failure) {
        return new Answer(0, null, null, failure, null, Optional.empty());
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
}
