package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.platform.AddressGuard;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;

/**
 * A request pinned to an address family reaches the resolver through Jetty's request tag: it connects only
 * to an address of that family, and fails without connecting when the host has none. (A name with both
 * families is FamiliesIT's, whose server resolves test names from a hosts file.)
 */
class ProbeClientFamiliesTest {

    private static FakeMirrorFarm farm;
    private static FakeMirror mirror;
    private static ProbeClient client;

    @BeforeAll
    static void start() {
        farm = new FakeMirrorFarm();
        mirror = farm.newMirror().serve(List.of("ubuntu/ls-lR.gz")).alsoListenOn("::1", null);
        client = new ProbeClient(new ProbeLimits(2, 20, Duration.ofSeconds(10), 3, 32 * 1024, "Mirrorwatch test"),
                AddressGuard.allowing(List.of(FakeMirrorFarm.ALLOWED_CIDR, "::1/128")),
                Executors.defaultThreadFactory(), 1, TlsTrust.jdkDefault(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        client.close();
        farm.close();
    }

    @Test
    void anIpv6Host_isFoundOverIpv6_andHasNoIpv4Address() throws Exception {
        String url = "http://[::1]:" + mirror.port() + "/ubuntu/ls-lR.gz";
        assertTrue(client.headOver(url, AddressFamily.IPV6).get(20, TimeUnit.SECONDS).found());
        HeadResult overIpv4 = client.headOver(url, AddressFamily.IPV4).get(20, TimeUnit.SECONDS);
        ProbeFailure failure = assertInstanceOf(HeadResult.Failed.class, overIpv4).failure();
        assertInstanceOf(ProbeFailure.NoAddressOfFamily.class, failure);
        assertTrue(failure.reason().endsWith("has no IPv4 address (no A record)"), failure.reason());
        assertEquals(1, mirror.secondAddressRequests(), "the IPv4 request never connected");
    }

    @Test
    void anIpv4Host_isFoundOverIpv4_andHasNoIpv6Address() throws Exception {
        String url = mirror.baseUrl() + "ubuntu/ls-lR.gz";
        assertTrue(client.headOver(url, AddressFamily.IPV4).get(20, TimeUnit.SECONDS).found());
        assertTrue(client.head(url).get(20, TimeUnit.SECONDS).found(), "an unpinned request as before");
        HeadResult overIpv6 = client.headOver(url, AddressFamily.IPV6).get(20, TimeUnit.SECONDS);
        assertEquals("127.0.100." + url.split("127\\.0\\.100\\.")[1].split(":")[0]
                + " has no IPv6 address (no AAAA record)", overIpv6.reason());
    }
}
