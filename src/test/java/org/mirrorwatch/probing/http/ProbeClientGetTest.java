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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.AddressGuard;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;

/** The bounded GET a trace file is read with: its body, its date, its cap, and the guard. */
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
}
