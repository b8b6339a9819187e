package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures get their kind from the types in the cause chain, shaped as Jetty and the JDK throw them. */
class FailureClassifierTest {

    private static final URI HOP = URI.create("http://mirror.example/ubuntu/ls-lR.gz");
    private static final String JETTY_DUMP = " on oejcti.HttpConnectionOverHTTP@1a2b3c::oeji.SocketChannelEndPoint@4d5e";

    private final FailureClassifier classifier = new FailureClassifier(Duration.ofSeconds(30), 32 * 1024);

    @BeforeAll
    static void jettyAsInProduction() {
        // See ProbeClientFailureReasonsTest: Jetty's own assertion rejects the parser's oversized-head error.
        HttpClient.class.getClassLoader().setPackageAssertionStatus("org.eclipse.jetty.http", false);
    }

    @Test
    void jettysTotalTimeout_isATimeoutOfTheHeadRequest() {
        ProbeFailure failure = classifier.classify(new TimeoutException("Total timeout 30000 ms elapsed"), HOP);
        assertInstanceOf(ProbeFailure.Timeout.class, failure);
        assertEquals("HEAD request on " + HOP + " took longer than 30 seconds", failure.reason());
    }

    @Test
    void aSocketTimeoutOnFtp_isATimeoutOfTheFtpRequest() {
        URI ftp = URI.create("ftp://mirror.example/ubuntu/ls-lR.gz");
        assertEquals("FTP request on " + ftp + " took longer than 30 seconds",
                classifier.classify(new SocketTimeoutException("Read timed out"), ftp).reason());
    }

    @Test
    void aRefusedAddress_givesTheGuardsOwnWords_evenWrapped() {
        String refusal = "refused: 127.0.5.5 is a loopback address, which Mirrorwatch does not probe";
        ProbeFailure failure = classifier.classify(new IOException("wrapped", new RefusedAddressException(refusal)), HOP);
        assertInstanceOf(ProbeFailure.RefusedAddress.class, failure);
        assertEquals(refusal, failure.reason());
    }

    @Test
    void anUnresolvedName_isAnUnknownHost() {
        assertEquals("unknown host: mirror.invalid: Name or service not known", classifier.classify(
                new UnknownHostException("mirror.invalid: Name or service not known"), HOP).reason());
    }

    @Test
    void aConnectException_isAConnectionRefused() {
        ProbeFailure failure = classifier.classify(new ConnectException("Connection refused"), HOP);
        assertInstanceOf(ProbeFailure.ConnectionRefused.class, failure);
        assertEquals("connection refused", failure.reason());
    }

    @Test
    void theParsersOversizedHeadComplaint_isHeadersTooLarge_notAProtocolError() {
        Throwable parser = new HttpException.RuntimeException(200, FailureClassifier.JETTY_HEADERS_TOO_LARGE);
        ProbeFailure failure = classifier.classify(
                new HttpResponseException("HTTP protocol violation: bad response" + JETTY_DUMP, null, parser), HOP);
        assertInstanceOf(ProbeFailure.HeadersTooLarge.class, failure);
        assertEquals("the response headers were larger than 32768 bytes", failure.reason());
    }

    @Test
    void anyOtherComplaintOfTheParser_isAProtocolError() {
        Throwable parser = new HttpException.RuntimeException(400, "Unknown Version");
        ProbeFailure failure = classifier.classify(
                new HttpResponseException("HTTP protocol violation: bad response" + JETTY_DUMP, null, parser), HOP);
        assertInstanceOf(ProbeFailure.ProtocolError.class, failure);
        assertEquals("not a valid HTTP response", failure.reason());
    }

    @Test
    void anSslException_isATlsFailure_withItsFirstLine() {
        ProbeFailure failure = classifier.classify(
                new SSLHandshakeException("Unrecognized SSL message, plaintext connection?\nmore detail"), HOP);
        assertInstanceOf(ProbeFailure.TlsFailure.class, failure);
        assertEquals("TLS failed: Unrecognized SSL message, plaintext connection?", failure.reason());
    }

    @Test
    void aTlsFailureCausedByAClose_isStillATlsFailure() {
        assertInstanceOf(ProbeFailure.TlsFailure.class, classifier.classify(
                new SSLException("Broken pipe", new EOFException()), HOP));
    }

    @Test
    void jettysEndOfFile_aClosedChannel_andAResetSocket_areAClosedConnection() {
        for (Throwable closed : new Throwable[] {new EOFException("oejcti.HttpConnectionOverHTTP@1a2b3c"),
                new EofException(new ClosedChannelException()), new AsynchronousCloseException(),
                new SocketException("Connection reset"), new IOException("wrapped", new EOFException())}) {
            ProbeFailure failure = classifier.classify(closed, HOP);
            assertInstanceOf(ProbeFailure.ConnectionClosed.class, failure, closed.toString());
            assertEquals("the connection was closed or reset before an answer", failure.reason());
        }
    }

    @Test
    void aSocketExceptionAboutReachingTheHost_isNotAClosedConnection() {
        assertEquals("NoRouteToHostException: No route to host",
                classifier.classify(new NoRouteToHostException("No route to host"), HOP).reason());
    }

    @Test
    void anUnknownFailure_isNamedByItsType_withoutJettysObjectDump() {
        ProbeFailure failure = classifier.classify(new IllegalStateException("odd state" + JETTY_DUMP + "\nstack"), HOP);
        assertInstanceOf(ProbeFailure.Unclassified.class, failure);
        assertEquals("IllegalStateException: odd state", failure.reason());
    }

    @Test
    void anUnknownFailure_withALongMessage_isCutAt160Characters() {
        String reason = classifier.classify(new IllegalStateException("x".repeat(200)), HOP).reason();
        assertEquals("IllegalStateException: " + "x".repeat(160) + "…", reason);
    }

    @Test
    void anUnknownFailure_withoutAMessage_saysNull() {
        assertEquals("IllegalStateException: null", classifier.classify(new IllegalStateException(), HOP).reason());
    }
}
