package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The reasons that do not come from an exception read as the probe log has always given them. */
class ProbeFailureTest {

    @Test
    void anUnexpectedStatus_givesTheStatusAndItsPhrase() {
        assertEquals("404 Not Found", new ProbeFailure.UnexpectedStatus(404).reason());
        assertEquals("500 Server Error", new ProbeFailure.UnexpectedStatus(500).reason());
    }

    @Test
    void aSkippedHost_namesItsTimeoutsAndRequests() {
        assertEquals("skipped: m.example:80 timed out on 11 of 30 requests, so its other requests in this round"
                + " are not sent", new ProbeFailure.HostSkipped("m.example:80", 11, 30).reason());
    }

    @Test
    void aDeadHost_namesItsAttemptsAndHowTheLastFailed() {
        assertEquals("gave up on host m.example.org:80: its first 3 requests failed (connection refused) without"
                + " an answer, so its other requests in this round are not sent",
                new ProbeFailure.HostDead("m.example.org:80", 3, "connection refused").reason());
    }

    @Test
    void aRefusedUrl_saysWhatIsWrongWithIt() {
        assertEquals("unknown scheme in gopher://m.example/", new ProbeFailure.UnknownScheme(
                URI.create("gopher://m.example/")).reason());
        assertEquals("no host in http:///ubuntu/", new ProbeFailure.NoHost(URI.create("http:///ubuntu/")).reason());
        assertEquals("not a valid URL: Illegal character in path", new ProbeFailure.InvalidUrl(
                "Illegal character in path").reason());
    }

    @Test
    void anFtpRefusal_isTheServersReplyLine() {
        assertEquals("550 No such file", new ProbeFailure.FtpRefusal("550 No such file").reason());
    }
}
