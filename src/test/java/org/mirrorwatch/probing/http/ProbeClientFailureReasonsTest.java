package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.AddressGuard;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.HostileServer;
import org.mirrorwatch.testing.HostileServer.Behaviour;

/**
 * The reasons the probe log gives for what real servers and Jetty do, without the container: the same
 * texts HostileMirrorsIT and DeadHostsIT look for, so that classifying failures by type is checked against the
 * exceptions Jetty and the JDK really throw.
 */
class ProbeClientFailureReasonsTest {

    /** Long enough that a busy machine does not turn the other failures into timeouts. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int HEADER_BYTES = 32 * 1024;

    private static FakeMirrorFarm farm;
    private static ProbeClient client;

    @BeforeAll
    static void start() {
        // Jetty asserts that an HttpException carries an error status, yet its response parser reports
        // headers that are too large with the response's own status (200 here). The tests run with
        // assertions on, the server does not; without this the test would see Jetty's AssertionError.
        HttpClient.class.getClassLoader().setPackageAssertionStatus("org.eclipse.jetty.http", false);
        farm = new FakeMirrorFarm();
        client = client(TIMEOUT);
    }

    private static ProbeClient client(Duration timeout) {
        return new ProbeClient(new ProbeLimits(4, 20, timeout, 3, HEADER_BYTES, "Mirrorwatch test"),
                AddressGuard.allowing(List.of(FakeMirrorFarm.ALLOWED_CIDR)), Executors.defaultThreadFactory(), 1,
                TlsTrust.jdkDefault(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        client.close();
        farm.close();
    }

    @Test
    void aClosedPort_isAConnectionRefused() throws Exception {
        // Port 9 (discard), with nothing listening: a port below the ephemeral range, because a closed
        // ephemeral port on the same address can be the client's own source port, and then TCP connects the
        // client to itself (a simultaneous open) and the request waits for an answer that never comes.
        assertEquals("connection refused", failedReason("http://" + FakeMirrorFarm.nextAddress() + ":9/ubuntu/ls-lR.gz"));
    }

    @Test
    void aResetAfterTheRequest_isAClosedConnection() throws Exception {
        try (HostileServer reset = new HostileServer(FakeMirrorFarm.nextAddress(), Behaviour.RESET)) {
            assertEquals("the connection was closed or reset before an answer",
                    failedReason(reset.baseUrl() + "ubuntu/ls-lR.gz"));
        }
    }

    /**
     * Now and then Jetty reports the connection closed under it (an AsynchronousCloseException) instead
     * of the parser's complaint, so the test asks a few times, as a round does.
     */
    @Test
    void hugeHeaders_areRefusedByTheirSize() throws Exception {
        String tooLarge = "the response headers were larger than " + HEADER_BYTES + " bytes";
        try (HostileServer huge = new HostileServer(FakeMirrorFarm.nextAddress(), Behaviour.HUGE_HEADERS)) {
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reasons.add(failedReason(huge.baseUrl() + "ubuntu/ls-lR.gz"));
            }
            assertTrue(reasons.contains(tooLarge), reasons.toString());
            assertTrue(reasons.stream().allMatch(reason -> reason.equals(tooLarge)
                    || reason.equals("the connection was closed or reset before an answer")), reasons.toString());
        }
    }

    @Test
    void aSilentServer_timesOut() throws Exception {
        try (HostileServer silent = new HostileServer(FakeMirrorFarm.nextAddress(), Behaviour.SILENT);
                ProbeClient impatient = client(Duration.ofMillis(300))) {
            String url = silent.baseUrl() + "ubuntu/ls-lR.gz";
            HeadResult result = impatient.head(url).get(30, TimeUnit.SECONDS);
            assertTrue(result.timedOut(), result.toString());
            assertEquals("HEAD request on " + url + " took longer than 0 seconds", result.reason());
        }
    }

    @Test
    void tlsToAServerThatAnswersInPlainText_isATlsFailure() throws Exception {
        try (HostileServer plain = new HostileServer(FakeMirrorFarm.nextAddress(), Behaviour.PLAIN_TEXT)) {
            assertEquals("TLS failed: Unrecognized SSL message, plaintext connection?",
                    failedReason(plain.baseUrl().replace("http://", "https://") + "ubuntu/ls-lR.gz"));
        }
    }

    @Test
    void anAddressOutsideTheAllowedBlock_isRefusedWithoutContact() throws Exception {
        assertEquals("refused: 127.0.5.5 is a loopback address, which Mirrorwatch does not probe",
                failedReason("http://127.0.5.5:9/ubuntu/ls-lR.gz"));
    }

    @Test
    void anUnresolvableName_isAnUnknownHost() throws Exception {
        assertTrue(failedReason("http://mirror.invalid/ubuntu/ls-lR.gz").startsWith("unknown host: mirror.invalid"));
    }

    @Test
    void aServerError_isItsStatus() throws Exception {
        FakeMirror broken = farm.newMirror().answerEverything(500);
        assertEquals("500 Server Error", failedReason(broken.baseUrl() + "ubuntu/ls-lR.gz"));
    }

    @Test
    void aRedirectLoop_endsAfterTheAllowedRedirects() throws Exception {
        FakeMirror loop = farm.newMirror();
        loop.redirectEverythingTo(loop.baseUrl());
        assertEquals("more than 3 redirects", failedReason(loop.baseUrl() + "ubuntu/ls-lR.gz"));
        assertEquals(4, loop.requests());
    }

    @Test
    void aRedirectToTheSameFile_isFollowed() throws Exception {
        FakeMirror target = farm.newMirror().serve(List.of("ubuntu/ls-lR.gz"));
        FakeMirror redirecting = farm.newMirror().redirectEverythingTo(target.baseUrl());
        HeadResult result = client.head(redirecting.baseUrl() + "ubuntu/ls-lR.gz").get(30, TimeUnit.SECONDS);
        assertTrue(result.found(), result.toString());
        assertEquals(redirecting.baseUrl() + "ubuntu/ls-lR.gz", result.url(), "the result names the URL asked for");
    }

    @Test
    void aUrlWithAnUnknownScheme_isRefusedBeforeAnyRequest() throws Exception {
        assertEquals("unknown scheme in gopher://127.0.100.1/ubuntu/", failedReason("gopher://127.0.100.1/ubuntu/"));
    }

    private static String failedReason(String url) throws Exception {
        HeadResult result = client.head(url).get(30, TimeUnit.SECONDS);
        assertFalse(result.found(), result.toString());
        assertFalse(result.timedOut(), result.toString());
        return result.reason();
    }
}
