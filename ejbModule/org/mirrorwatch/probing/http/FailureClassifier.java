package org.mirrorwatch.probing.http;

import java.io.EOFException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.HttpException;

/**
 * Gives the exception a request failed with its kind, by its type and the types of its causes. Jetty
 * wraps what went wrong, so the most telling cause decides: an address refusal, a name that did not
 * resolve, a refused connection, an oversized head or TLS before any sign of a closed connection, and
 * that before the wrapper's own kind.
 */
final class FailureClassifier {

    /**
     * Jetty's response parser reports an oversized head only as an {@link HttpException} with this reason
     * and the response's own status as its code, so the reason is the one thing that tells it apart from
     * other malformed responses. ProbeClientFailureReasonsTest notices when a Jetty upgrade changes it.
     */
    static final String JETTY_HEADERS_TOO_LARGE = "Response Header Bytes Too Large";

    private final Duration deadline;
    private final int maxHeaderBytes;

    FailureClassifier(Duration deadline, int maxHeaderBytes) {
        this.deadline = deadline;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** The kind of failure of a request on {@code hop}, the URL it was sent to. */
    ProbeFailure classify(Throwable failure, URI hop) {
        return classify(failure, hop, "HEAD");
    }

    /** The same, for a request of the given HTTP method (HEAD, or the GET of a small file). */
    ProbeFailure classify(Throwable failure, URI hop, String method) {
        if (failure instanceof BodyTooLargeException tooLarge) {
            return new ProbeFailure.BodyTooLarge(tooLarge.maxBytes());
        }
        if (isTimeout(failure)) {
            String request = "ftp".equalsIgnoreCase(hop.getScheme()) ? "FTP request" : method + " request";
            return new ProbeFailure.Timeout(request, hop, deadline);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException) {
                return new ProbeFailure.RefusedAddress(String.valueOf(cause.getMessage()));
            }
            if (cause instanceof UnknownHostException) {
                return new ProbeFailure.UnknownHost(String.valueOf(cause.getMessage()));
            }
            if (cause instanceof ConnectException) {
                return new ProbeFailure.ConnectionRefused();
            }
            if (cause instanceof HttpException http && JETTY_HEADERS_TOO_LARGE.equals(http.getReason())) {
                return new ProbeFailure.HeadersTooLarge(maxHeaderBytes);
            }
            if (cause instanceof SSLException) {
                return new ProbeFailure.TlsFailure(firstWords(cause.getMessage()));
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isClosedConnection(cause)) {
                return new ProbeFailure.ConnectionClosed();
            }
        }
        if (failure instanceof HttpResponseException) {
            return new ProbeFailure.ProtocolError();
        }
        return new ProbeFailure.Unclassified(failure.getClass().getSimpleName(), firstWords(failure.getMessage()));
    }

    /** Jetty's deadlines and the FTP transport's report themselves as the failure, never as a cause. */
    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof SocketTimeoutException;
    }

    /**
     * Jetty turns a reset or a close into an end of file (its EofException is an EOFException) or a closed
     * channel. Blocking sockets, as FTP uses, throw a SocketException instead; its subclasses that are
     * about reaching the host at all are not a closed connection.
     */
    private static boolean isClosedConnection(Throwable cause) {
        if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
            return true;
        }
        return cause instanceof SocketException && !(cause instanceof ConnectException
                || cause instanceof NoRouteToHostException || cause instanceof PortUnreachableException
                || cause instanceof BindException);
    }

    /** The message's first line, without the dump of Jetty's objects that follows " on oejc...". */
    private static String firstWords(String message) {
        String text = String.valueOf(message).split("\\R", 2)[0];
        int dump = text.indexOf(" on oejc");
        text = dump > 0 ? text.substring(0, dump) : text;
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
