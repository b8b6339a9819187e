package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * The bounded GET a trace file or a Release file is read with (its body, its date, its cap, redirects, its
 * timeout and the guard), and what a HEAD's answer carries: Last-Modified, and Content-Length parsed
 * strictly (unknown when absent or malformed).
 */
class ProbeClientGetTest {

    private static final int CAP = 64 * 1024;
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

    private static GetResult get(String url) throws Exception {
        return client.get(url, CAP).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSmallFile_isReadWithItsLastModified() throws Exception {
        Instant modified = Instant.parse("2026-11-28T21:08:46Z");
        FakeMirror mirror = farm.newMirror().content("debian/project/trace/master", "Sat Nov 28 21:08:46 UTC 2026\n")
                .lastModified("debian/project/trace/master", modified);
        GetResult result = get(mirror.baseUrl() + "debian/project/trace/master");
        GetResult.Fetched fetched = assertInstanceOf(GetResult.Fetched.class, result);
        assertArrayEquals("Sat Nov 28 21:08:46 UTC 2026\n".getBytes(StandardCharsets.UTF_8), fetched.body());
        assertEquals(Optional.of(modified), fetched.lastModified());
    }

    @Test
    void aFileOfExactlyTheCap_isRead() throws Exception {
        FakeMirror mirror = farm.newMirror().content("t", new byte[CAP]);
        assertEquals(CAP, assertInstanceOf(GetResult.Fetched.class, get(mirror.baseUrl() + "t")).body().length);
    }

    @Test
    void aLargerFile_announcedByItsLength_isRefusedUnread() throws Exception {
        FakeMirror mirror = farm.newMirror().content("t", new byte[CAP + 1]);
        GetResult.Failed failed = assertInstanceOf(GetResult.Failed.class, get(mirror.baseUrl() + "t"));
        assertEquals("the body was larger than 65536 bytes", failed.failure().reason());
        assertFalse(failed.missing());
    }

    @Test
    void aLargerFile_sentChunked_isCutOffAtTheCap() throws Exception {
        FakeMirror mirror = farm.newMirror().content("t", new byte[10 * CAP]).chunked("t");
        GetResult.Failed failed = assertInstanceOf(GetResult.Failed.class, get(mirror.baseUrl() + "t"));
        assertInstanceOf(ProbeFailure.BodyTooLarge.class, failed.failure());
    }

    @Test
    void aMissingFile_isMissing() throws Exception {
        FakeMirror mirror = farm.newMirror();
        GetResult.Failed failed = assertInstanceOf(GetResult.Failed.class, get(mirror.baseUrl() + "t"));
        assertEquals("404 Not Found", failed.failure().reason());
        assertTrue(failed.missing());
    }

    @Test
    void aRefusedAddress_isNeverContacted() throws Exception {
        GetResult.Failed failed = assertInstanceOf(GetResult.Failed.class, get("http://127.0.5.5:9/t"));
        assertInstanceOf(ProbeFailure.RefusedAddress.class, failed.failure());
    }

    @Test
    void aHead_carriesTheLastModified() throws Exception {
        Instant modified = Instant.parse("2026-11-30T10:00:00Z");
        FakeMirror mirror = farm.newMirror().serve(List.of("Archive-Update-in-Progress-m")).lastModified(
                "Archive-Update-in-Progress-m", modified);
        HeadResult found = client.head(mirror.baseUrl() + "Archive-Update-in-Progress-m").get(30, TimeUnit.SECONDS);
        assertEquals(Optional.of(modified), assertInstanceOf(HeadResult.Found.class, found).lastModified());
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
