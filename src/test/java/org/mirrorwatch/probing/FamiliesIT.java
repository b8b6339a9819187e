package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.FarmMirrors;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestHosts;
import org.mirrorwatch.testing.TestLogin;

/**
 * Each address family on its own, on loopback (issue 15): test host names that the shared server resolves
 * from its hosts file (TestHosts) to a 127.0.100.x address and {@code ::1}. A host served on both, one
 * whose IPv6 listener is missing, one whose IPv6 answers 503 to everything (the wrong virtual host), and
 * one with no AAAA record: the per-family state in the API, the feed, the page, the metrics and the
 * overview; the owner's notice, once per degradation and not during maintenance; and the client lists for
 * an IPv4 and an IPv6 client, placed by a trusted X-Forwarded-For as RoutingIT does.
 */
@Tag("black-box")
class FamiliesIT {

    private static final String AUTHORIZATION = "Authorization";
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String OWNER = basic("owner", TestLogin.PASSWORD);
    /** Clients in Germany, as RoutingIT places them: one over IPv4, one over IPv6. */
    private static final String IPV4_CLIENT = "193.99.144.80";
    private static final String IPV6_CLIENT = "2003:de:2016::1";
    /** Every test's names are new, so that no resolver cache of the server's holds an older answer. */
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static ApiClient api;
    private static FakeMirrorFarm farm;

    @BeforeAll
    static void server() {
        api = new ApiClient(SharedServer.get());
        farm = new FakeMirrorFarm();
    }

    @AfterAll
    static void stop() {
        farm.close();
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("prober-world");
    }

    /** A farm mirror with the world's files, on a port that nothing on [::1] listens on yet. */
    private static FakeMirror mirror(Map<Integer, FakeMirror> ports) {
        while (true) {
            FakeMirror mirror = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
            if (ports.putIfAbsent(mirror.port(), mirror) == null) {
                return mirror;
            }
        }
    }

    /** Registers the mirror under a new test host name that resolves to these addresses; returns its URL. */
    private static String register(String name, FakeMirror mirror, String... addresses) {
        String host = name + "-" + RUN + "-" + NAMES.incrementAndGet() + ".families.test";
        TestHosts.add(host, addresses);
        String url = "http://" + host + ":" + mirror.port() + "/";
        FarmMirrors.register(name, url);
        return url;
    }

    private static String ipv4Of(FakeMirror mirror) {
        return mirror.baseUrl().substring("http://".length(), mirror.baseUrl().lastIndexOf(':'));
    }

    /**
     * Probes the mirror now, as an administrator, and waits until its probe is recorded. The first probe of a
     * freshly started server can take longer to answer than the client's 10 s (when this class runs first,
     * on a loaded machine, it did): a request that timed out on our side still runs on the server, so the
     * probe record decides, within a minute.
     */
    private static void probe(String name) {
        long before = records(name);
        try {
            HttpResponse<String> started = api.send("POST", "/api/v1/mirrors/" + name + "/probes", "", AUTHORIZATION,
                    ADMIN);
            assertEquals(202, started.statusCode(), started.body());
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof HttpTimeoutException)) {
                throw e;
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> records(name) > before);
    }

    private static long records(String name) {
        return TestDatabase.count("SELECT count(*) FROM mirror_probe_record r JOIN distribution_mirror m"
                + " ON m.id = r.distribution_mirror_id WHERE m.name = '" + name + "'");
    }

    private static long mails(String subject) {
        return TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject = '" + subject + "'");
    }

    private static JsonNode families(String name) {
        HttpResponse<String> mirror = api.get("/api/v1/mirrors/" + name);
        assertEquals(200, mirror.statusCode(), mirror.body());
        JsonNode families = json(mirror).path("families");
        assertTrue(families.isObject(), () -> name + " has no families; its newest probe log:\n" + newestLog(name));
        return families;
    }

    private static String newestLog(String name) {
        return String.join("\n", TestDatabase.rows("SELECT convert_from(f.content, 'UTF8') FROM mirror_probe_record r"
                + " JOIN distribution_mirror m ON m.id = r.distribution_mirror_id JOIN library_file f ON f.id = r.log_file_id"
                + " WHERE m.name = '" + name + "' ORDER BY r.id DESC LIMIT 1"));
    }

    private static String list(String client) {
        HttpResponse<String> list = api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", client);
        assertEquals(200, list.statusCode(), list.body());
        return list.body();
    }

    @Test
    void eachFamily_isProbedOnItsOwn_theOwnerIsToldOnce_andEachClientGoesOnlyWhereItsFamilyAnswered() {
        Map<Integer, FakeMirror> ports = new HashMap<>();
        FakeMirror dual = mirror(ports).alsoListenOn("::1", null);
        FakeMirror missing = mirror(ports);
        FakeMirror wrongHost = mirror(ports).alsoListenOn("::1", 503);
        FakeMirror ipv4Only = mirror(ports);
        String dualUrl = register("fam-dual", dual, ipv4Of(dual), "::1");
        String missingUrl = register("fam-missing", missing, ipv4Of(missing), "::1");
        String wrongHostUrl = register("fam-503", wrongHost, ipv4Of(wrongHost), "::1");
        String ipv4OnlyUrl = register("fam-v4", ipv4Only, ipv4Of(ipv4Only));
        for (String name : List.of("fam-dual", "fam-missing", "fam-503", "fam-v4")) {
            probe(name);
        }

        JsonNode dualFamilies = families("fam-dual");
        assertEquals("REACHABLE", dualFamilies.path("ipv4").asText(), dualFamilies.toString());
        assertEquals("REACHABLE", dualFamilies.path("ipv6").asText(), dualFamilies.toString());
        assertTrue(dualFamilies.path("ipv6Failure").isNull(), dualFamilies.toString());
        assertFalse(dualFamilies.path("degraded").asBoolean(true), dualFamilies.toString());
        assertTrue(dual.secondAddressRequests() >= 1, "the IPv6 sample went to [::1]");
        JsonNode missingFamilies = families("fam-missing");
        assertEquals("REACHABLE", missingFamilies.path("ipv4").asText(), missingFamilies.toString());
        assertEquals("UNREACHABLE", missingFamilies.path("ipv6").asText());
        assertEquals("connection refused", missingFamilies.path("ipv6Failure").asText());
        assertTrue(missingFamilies.path("degraded").asBoolean());
        JsonNode wrongHostFamilies = families("fam-503");
        assertEquals("UNREACHABLE", wrongHostFamilies.path("ipv6").asText(), wrongHostFamilies.toString());
        assertEquals("503 Service Unavailable", wrongHostFamilies.path("ipv6Failure").asText());
        JsonNode ipv4OnlyFamilies = families("fam-v4");
        assertEquals("NOT_PUBLISHED", ipv4OnlyFamilies.path("ipv6").asText(), ipv4OnlyFamilies.toString());
        assertFalse(ipv4OnlyFamilies.path("degraded").asBoolean(true), "no AAAA record is not a degradation");
        for (String name : List.of("fam-missing", "fam-503")) {
            assertTrue(json(api.get("/api/v1/mirrors/" + name)).path("enabled").asBoolean(), name + ": degraded, not disabled");
        }

        assertEquals(1, mails("Mirror fam-missing does not answer over IPv6"));
        assertEquals(1, mails("Mirror fam-503 does not answer over IPv6"));
        assertEquals(0, mails("Mirror fam-dual does not answer over IPv6") + mails("Mirror fam-v4 does not answer over IPv6"));
        probe("fam-missing");
        assertEquals(1, mails("Mirror fam-missing does not answer over IPv6"), "told once per degradation");

        HttpResponse<String> rebuilt = api.send("POST", "/api/v1/routing/snapshot", "", AUTHORIZATION, ADMIN);
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
        String ipv4List = list(IPV4_CLIENT);
        for (String url : List.of(dualUrl, missingUrl, wrongHostUrl, ipv4OnlyUrl)) {
            assertTrue(ipv4List.contains(url + "\tpriority:"), url + " for an IPv4 client:\n" + ipv4List);
        }
        String ipv6List = list(IPV6_CLIENT);
        assertTrue(ipv6List.contains(dualUrl + "\tpriority:"), ipv6List);
        for (String url : List.of(missingUrl, wrongHostUrl, ipv4OnlyUrl)) {
            assertFalse(ipv6List.contains(url), url + " must not go to an IPv6 client:\n" + ipv6List);
        }

        JsonNode feed = json(api.get("/api/v1/freshness?distribution=ubuntu")).path("mirrors");
        Map<String, String> ipv6InFeed = new HashMap<>();
        feed.forEach(entry -> ipv6InFeed.put(entry.path("name").asText(), entry.path("ipv6").asText()));
        assertEquals("UNREACHABLE", ipv6InFeed.get("fam-missing"), feed.toString());
        assertEquals("REACHABLE", ipv6InFeed.get("fam-dual"));
        assertEquals("NOT_PUBLISHED", ipv6InFeed.get("fam-v4"));

        String page = api.get("/mirror.xhtml?name=fam-missing").body();
        assertTrue(page.contains("family-UNREACHABLE\">Unreachable</span> (connection refused)"), page);
        assertTrue(page.contains("Degraded, not disabled"), page);
        String overview = api.get("/overview.xhtml").body().replaceAll("\\s+", " ");
        assertTrue(overview.contains("<strong>2</strong> enabled mirrors publish an IPv6 address"), overview);
        String metrics = api.get("/api/metrics").body();
        assertTrue(metrics.contains("mirrorwatch_mirrors_family{family=\"ipv6\",state=\"UNREACHABLE\"} 2.0"), metrics);
        assertTrue(metrics.contains("mirrorwatch_mirrors_family{family=\"ipv4\",state=\"REACHABLE\"} 4.0"), metrics);

        // IPv6 comes back: the episode ends, and routing sends IPv6 clients there again after the rebuild.
        missing.alsoListenOn("::1", null);
        probe("fam-missing");
        assertEquals("REACHABLE", families("fam-missing").path("ipv6").asText());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM family_notice n JOIN distribution_mirror m"
                + " ON m.id = n.distribution_mirror_id WHERE m.name = 'fam-missing'"));
        await().atMost(Duration.ofSeconds(15)).until(() -> list(IPV6_CLIENT).contains(missingUrl + "\tpriority:"));
    }

    @Test
    void aDegradationDuringMaintenance_isRecorded_butNobodyIsTold() {
        FakeMirror missing = mirror(new HashMap<>());
        register("fam-maintained", missing, ipv4Of(missing), "::1");
        Instant now = Instant.now();
        HttpResponse<String> window = api.send("POST", "/api/v1/mirrors/fam-maintained/maintenance",
                "{\"startsAt\":\"" + now.minusSeconds(60) + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(1))
                        + "\",\"weekly\":false,\"note\":\"Renumbering IPv6\"}", AUTHORIZATION, OWNER);
        assertEquals(201, window.statusCode(), window.body());

        probe("fam-maintained");
        assertEquals("UNREACHABLE", families("fam-maintained").path("ipv6").asText());
        assertEquals(0, mails("Mirror fam-maintained does not answer over IPv6"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM family_notice"), "told after the window, if still so");
    }
}
