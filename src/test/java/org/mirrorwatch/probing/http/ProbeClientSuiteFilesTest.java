package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.AddressGuard;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;

/**
 * What the suite-consistency check needs of the HTTP client, against real servers: the Content-Length of
 * a HEAD's answer (strictly parsed, unknown when absent or malformed), and the bounded GET of a Release
 * file through the same limits, redirects included (the GET's caps are {@link ProbeClientGetTest}'s).
 */
class ProbeClientSuiteFilesTest {

    private static FakeMirrorFarm farm;
    private static ProbeClient client;

    @BeforeAll
    static void start() {
        farm = new FakeMirrorFarm();
        client = new ProbeClient(new ProbeLimits(2, 20, Duration.ofSeconds(10), 3, 32 * 1024, "Mirrorwatch test"),
                AddressGuard.allowing(List.of(FakeMirrorFarm.ALLOWED_CIDR)), Executors.defaultThreadFactory(), 1,
                TlsTrust.jdkDefault(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        client.close();
        farm.close();
    }

    @Test
    void aHead_carriesTheAnnouncedContentLength_orNone() throws Exception {
        FakeMirror mirror = farm.newMirror().serve(List.of("dists/noble/main/binary-amd64/Packages.gz", "ls-lR.gz"))
                .size("dists/noble/main/binary-amd64/Packages.gz", 1_234_567);
        assertEquals(OptionalLong.of(1_234_567), head(mirror.baseUrl() + "dists/noble/main/binary-amd64/Packages.gz")
                .contentLength());
        assertEquals(OptionalLong.empty(), head(mirror.baseUrl() + "ls-lR.gz").contentLength());
        assertEquals(OptionalLong.empty(), head(mirror.baseUrl() + "missing").contentLength());
    }

    @Test
    void theContentLengthHeader_isParsedStrictly() {
        assertEquals(812, Answer.contentLength(List.of("812")));
        assertEquals(0, Answer.contentLength(List.of("0")));
        for (List<String> bad : List.of(List.of("-1"), List.of("1e3"), List.of("0x10"), List.of(""), List.of("12 13"),
                List.of("12", "12"), List.of("9".repeat(19)), List.<String>of())) {
            assertEquals(-1, Answer.contentLength(bad), bad.toString());
        }
        assertEquals(-1, Answer.contentLength(null));
    }

    @Test
    void aGet_returnsTheWholeBody_followingARedirect() throws Exception {
        FakeMirror target = farm.newMirror().content("dists/noble/InRelease", "Origin: Ubuntu\n");
        FakeMirror redirecting = farm.newMirror().redirectEverythingTo(target.baseUrl());
        GetResult result = client.get(redirecting.baseUrl() + "dists/noble/InRelease", 1024).get(30, TimeUnit.SECONDS);
        GetResult.Fetched fetched = assertInstanceOf(GetResult.Fetched.class, result);
        assertEquals(redirecting.baseUrl() + "dists/noble/InRelease", fetched.url());
        assertArrayEquals("Origin: Ubuntu\n".getBytes(StandardCharsets.UTF_8), fetched.body());
        assertEquals(2, redirecting.requests() + target.requests());
    }

    @Test
    void aBodyOverTheLimit_isRefused_andAMissingFileIsItsStatus() throws Exception {
        FakeMirror mirror = farm.newMirror().content("dists/noble/InRelease", "x".repeat(5000));
        GetResult.Failed large = assertInstanceOf(GetResult.Failed.class,
                client.get(mirror.baseUrl() + "dists/noble/InRelease", 4096).get(30, TimeUnit.SECONDS));
        assertEquals("the body was larger than 4096 bytes", large.failure().reason());
        GetResult.Failed missing = assertInstanceOf(GetResult.Failed.class,
                client.get(mirror.baseUrl() + "dists/noble/Release", 4096).get(30, TimeUnit.SECONDS));
        assertEquals("404 Not Found", missing.failure().reason());
        assertTrue(missing.missing());
    }

    @Test
    void aGetTimingOut_saysGet() throws Exception {
        FakeMirror mirror = farm.newMirror().content("dists/noble/InRelease", "x").answerOnlyTheFirst(0);
        try (ProbeClient impatient = new ProbeClient(new ProbeLimits(2, 20, Duration.ofMillis(300), 3, 32 * 1024, "t"),
                AddressGuard.allowing(List.of(FakeMirrorFarm.ALLOWED_CIDR)), Executors.defaultThreadFactory(), 1,
                TlsTrust.jdkDefault(), Clock.systemUTC())) {
            GetResult.Failed result = assertInstanceOf(GetResult.Failed.class,
                    impatient.get(mirror.baseUrl() + "dists/noble/InRelease", 10).get(30, TimeUnit.SECONDS));
            assertEquals("GET request on " + mirror.baseUrl() + "dists/noble/InRelease took longer than 0 seconds",
                    result.failure().reason());
        }
    }

    private static HeadResult head(String url) throws Exception {
        return client.head(url).get(30, TimeUnit.SECONDS);
    }
}
