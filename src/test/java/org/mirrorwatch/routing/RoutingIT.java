package org.mirrorwatch.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The mirror lists and the redirector of users' machines, over HTTP, with clients placed by the
 * shipped IP-geolocation data: the test JVM connects from 127.0.0.1, which the shared server trusts as a
 * proxy, and names the client in X-Forwarded-For; a connection from 127.0.0.2 is an untrusted peer,
 * whose X-Forwarded-For is ignored.
 */
@Tag("black-box")
class RoutingIT {

    /** Public addresses and the country the shipped database places them in. */
    static final String GERMANY = "193.99.144.80";
    static final String FRANCE = "212.27.48.10";
    static final String BRAZIL = "200.160.2.3";
    static final String AUSTRIA = "193.170.0.1";
    static final String UNITED_STATES = "8.8.8.8";
    /** Addresses in Deutsche Telekom's network, AS 3320. */
    static final String TELEKOM_MIRROR = "80.156.86.78";
    static final String TELEKOM_CLIENT = "91.0.0.1";
    static final String TELEKOM_IPV6_CLIENT = "2003:de:2016::1";
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String ARM64_PACKAGES = "/ubuntu/dists/noble/main/binary-arm64/Packages.gz";

    private static SharedServer server;
    private static ApiClient api;

    @BeforeAll
    static void server() {
        server = SharedServer.get();
        api = new ApiClient(server);
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world", "routing-world");
        HttpResponse<String> rebuilt = api.send("POST", "/api/v1/routing/snapshot", "", "Authorization", ADMIN);
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
        assertEquals(5, json(rebuilt).path("mirrors").asInt(), "de-amd64-only, de-all, fr-all, br-amd64-only, jp-all");
    }

    @Test
    void aClientInGermany_getsGermanyFirst_thenTheContinent_thenTheWorld_toFive_thenTheMainArchive() {
        HttpResponse<String> list = api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", GERMANY);

        assertEquals(200, list.statusCode(), list.body());
        assertEquals("DE", list.headers().firstValue("X-Generated-For-Country").orElseThrow());
        List<String> lines = list.body().lines().toList();
        assertTrue(lines.get(0).startsWith("# ubuntu archive mirrors for " + GERMANY + ": country DE, continent EUROPE"),
                lines.get(0));
        assertEquals("# country", lines.get(1));
        assertEquals(Set.of("http://de-amd64.example.org/ubuntu/\tpriority:1", "https://de-all.example.org/ubuntu/\tpriority:1"),
                new HashSet<>(lines.subList(2, 4)));
        assertEquals(List.of("# continent", "http://fr-all.example.org/ubuntu/\tpriority:2", "# world"), lines.subList(4, 7));
        assertEquals(Set.of("http://br.example.org/ubuntu/\tpriority:3", "http://jp.example.org/ubuntu/\tpriority:3"),
                new HashSet<>(lines.subList(7, 9)));
        assertEquals(List.of("# main-archive", "http://archive.ubuntu.com/ubuntu/\tpriority:4"), lines.subList(9, 11));
        assertEquals(11, lines.size(), "never the stale, disabled, unofficial or unprobed mirrors: " + lines);
    }

    @Test
    void aClientInACountryWithoutMirrors_getsItsContinentFirst() {
        List<String> lines = api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", AUSTRIA).body().lines()
                .toList();
        assertEquals("# continent", lines.get(1), String.join("\n", lines));
        assertEquals(3, lines.subList(2, 5).stream().filter(line -> line.contains("de-") || line.contains("fr-"))
                .count(), String.join("\n", lines));

        List<String> us = api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", UNITED_STATES).body().lines()
                .toList();
        assertEquals("# world", us.get(1), "America's mirrors are stale or disabled: " + us);
        assertFalse(String.join("\n", us).contains("us-"), String.join("\n", us));
    }

    @Test
    void theApiList_answersForTheClientsCountry_orTheOneAskedFor() {
        HttpResponse<String> brazil = api.get("/api/v1/distributions/ubuntu/country-mirrors/archive",
                "X-Forwarded-For", BRAZIL);
        assertEquals("BR", brazil.headers().firstValue("X-Generated-For-Country").orElseThrow());
        assertEquals("http://br.example.org/ubuntu/", brazil.body().lines().findFirst().orElseThrow());
        assertEquals("http://archive.ubuntu.com/ubuntu/", brazil.body().lines().reduce((a, b) -> b).orElseThrow());

        HttpResponse<String> japan = api.get("/api/v1/distributions/ubuntu/country-mirrors/archive?country=jp",
                "X-Forwarded-For", BRAZIL);
        assertEquals("JP", japan.headers().firstValue("X-Generated-For-Country").orElseThrow());
        assertEquals("http://jp.example.org/ubuntu/", japan.body().lines().findFirst().orElseThrow());
    }

    @Test
    void theRedirector_sendsAClientToAMirrorInItsCountry_withAlternativesInALinkHeader() {
        HttpResponse<String> redirect = api.get("/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb",
                "X-Forwarded-For", FRANCE);

        assertEquals(302, redirect.statusCode(), redirect.body());
        assertEquals("http://fr-all.example.org/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb",
                redirect.headers().firstValue("Location").orElseThrow());
        assertEquals("country", redirect.headers().firstValue("X-Mirror-Tier").orElseThrow());
        String link = redirect.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("<https://de-all.example.org/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb>;"
                + " rel=duplicate; pri="), link);
        assertTrue(link.contains("<http://archive.ubuntu.com/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb>;"
                + " rel=duplicate; pri=5"), link);
        assertEquals("no-store", redirect.headers().firstValue("Cache-Control").orElseThrow());

        String metrics = api.get("/api/metrics").body();
        assertTrue(metrics.matches("(?s).*\\nmirrorwatch_routing_answers_total\\{kind=\"redirect\",tier=\"country\",?\\} [1-9].*"),
                metrics);
        assertTrue(metrics.contains("\nmirrorwatch_routing_snapshot_mirrors 5.0\n"), metrics);
        assertTrue(metrics.contains("\nmirrorwatch_routing_snapshot_age_seconds "), metrics);
    }

    @Test
    void aPathUnderBinaryArm64_neverRedirectsToAMirrorWithoutFreshArm64() {
        Set<String> locations = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> redirect = api.get(ARM64_PACKAGES, "X-Forwarded-For", GERMANY);
            assertEquals(302, redirect.statusCode(), redirect.body());
            locations.add(redirect.headers().firstValue("Location").orElseThrow());
            assertFalse(redirect.headers().firstValue("Link").orElse("").contains("de-amd64"));
        }
        assertEquals(Set.of("https://de-all.example.org/ubuntu/dists/noble/main/binary-arm64/Packages.gz"), locations);

        HttpResponse<String> brazil = api.get(ARM64_PACKAGES, "X-Forwarded-For", BRAZIL);
        assertEquals("world", brazil.headers().firstValue("X-Mirror-Tier").orElse(""),
                "no South American mirror has fresh arm64: " + brazil.headers().map());
        assertFalse(brazil.headers().firstValue("Location").orElseThrow().contains("br.example.org"));
    }

    @Test
    void theJsonAnswer_namesTheClient_theNeed_andEveryCandidateWithItsTier() {
        HttpResponse<String> answer = api.get(ARM64_PACKAGES, "X-Forwarded-For", GERMANY, "Accept", "application/json");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = json(answer);
        assertEquals(GERMANY, body.at("/client/address").asText());
        assertEquals("DE", body.at("/client/country").asText());
        assertEquals("EUROPE", body.at("/client/continent").asText());
        assertEquals("noble/main/binary-arm64", body.path("needs").asText());
        List<String> tiers = new ArrayList<>();
        body.path("choices").forEach(choice -> tiers.add(choice.path("mirror").asText("-") + ":" + choice.path("tier").asText()));
        assertEquals("de-all:country", tiers.get(0));
        assertEquals("fr-all:continent", tiers.get(1));
        assertEquals("-:main-archive", tiers.get(tiers.size() - 1));
    }

    /**
     * A mirror whose host is an address of Deutsche Telekom's network (AS 3320): a client in that network
     * gets it first; an IPv6 client never gets it, since its host has no IPv6 address.
     */
    @Test
    void aClientInTheMirrorsNetwork_getsItFirst_butAnIpv6ClientNever() {
        TestDatabase.execute("INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id,"
                + " content, pulse_type, http_base_url, enabled, official_candidate, review_status, date_created,"
                + " probed_freshness) VALUES (1, 2, 'de-telekom', 'S100M', (SELECT id FROM country WHERE iso_code"
                + " = 'DE'), 'ARCHIVE', 'PULL', 'http://" + TELEKOM_MIRROR + "/ubuntu/', true, true, 'OFFICIAL',"
                + " '2026-01-07 00:00:00+00', 'UP')");
        assertEquals(200, api.send("POST", "/api/v1/routing/snapshot", "", "Authorization", ADMIN).statusCode());

        // The host's network is looked up in the background, and the snapshot is rebuilt when it is known.
        Awaitility.await("de-telekom in its network's tier").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250)).until(() -> api.get("/ubuntu/+countrymirrors-archive",
                        "X-Forwarded-For", TELEKOM_CLIENT).body().contains("# same-network\nhttp://" + TELEKOM_MIRROR));
        HttpResponse<String> redirect = api.get("/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb", "X-Forwarded-For",
                TELEKOM_CLIENT);
        assertEquals("http://" + TELEKOM_MIRROR + "/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb",
                redirect.headers().firstValue("Location").orElseThrow());
        assertEquals("same-network", redirect.headers().firstValue("X-Mirror-Tier").orElseThrow());
        assertEquals("country", api.get("/ubuntu/dists/noble/Release", "X-Forwarded-For", TELEKOM_CLIENT).headers()
                .firstValue("X-Mirror-Tier").orElseThrow(), "de-telekom carries no fresh record of noble");

        String ipv6 = api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", TELEKOM_IPV6_CLIENT).body();
        assertTrue(ipv6.startsWith("# ubuntu archive mirrors for 2003:de:2016:0:0:0:0:1: country DE, continent EUROPE,"
                + " network AS3320"), ipv6);
        assertFalse(ipv6.contains(TELEKOM_MIRROR), ipv6);
        assertTrue(ipv6.contains("de-all.example.org"), "host names whose families no probe has checked are offered to everyone: " + ipv6);
    }

    @Test
    void anUntrustedPeer_cannotChooseItsCountryByHeader() throws IOException {
        String answer = fromUntrustedPeer("/ubuntu/+countrymirrors-archive", "X-Forwarded-For: " + GERMANY);

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("X-Generated-For-Country: unknown"), "127.0.0.2 is placed nowhere: " + answer);
        assertTrue(answer.contains("# world"), answer);
        assertFalse(answer.contains("# country"), answer);
    }

    @Test
    void badInput_getsA4xxProblem_andTheConsoleIsNotShadowed() {
        HttpResponse<String> traversal = api.get("/ubuntu/dists/noble/%2e%2e/%2e%2e/etc/passwd");
        assertEquals(400, traversal.statusCode(), traversal.body());
        assertEquals("application/problem+json", traversal.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("path", json(traversal).at("/errors/0/field").asText());
        assertEquals(400, api.get("/ubuntu/+countrymirrors-archive?country=Germany").statusCode());
        assertEquals(404, api.get("/ubuntu/+countrymirrors-archive?country=XX").statusCode());
        assertEquals(404, api.get("/ubuntu/+nothing").statusCode());
        assertEquals(400, api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", "not-an-address").statusCode(),
                "a trusted proxy that sends garbage is answered 400, not guessed around");
        assertEquals(405, api.send("POST", "/ubuntu/dists/noble/Release", "").statusCode());
        assertEquals(200, api.get("/api/v1/distributions/ubuntu").statusCode(), "the API is not a distribution");
        assertEquals(200, api.get("/index.xhtml").statusCode(), "nor is the console");
        assertEquals(404, api.get("/debian/dists/sid/Release").statusCode(), "an unknown distribution is no redirect");
    }

    @Test
    void aChangeOfTheRegistry_reachesTheRedirector_withinTheRebuildDelay() {
        assertEquals(200, api.send("PUT", "/api/v1/mirrors/fr-all/enabled", "{\"enabled\":false}", "Authorization",
                ADMIN).statusCode());
        Awaitility.await("fr-all leaves France's lists").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200)).until(() -> !api.get("/ubuntu/+countrymirrors-archive",
                        "X-Forwarded-For", FRANCE).body().contains("fr-all"));
    }

    /** The shared server rebuilds hourly only: a change made in SQL arrives by the database's notification. */
    @Test
    void aChangeCommittedInSql_reachesTheRedirector_throughTheDatabasesNotification() {
        // Host names resolved in the background ask for rebuilds too; the change is made once they are done.
        Awaitility.await("a snapshot no longer rebuilt").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3))
                .until(new Callable<Boolean>() {
                    private String lastBuilt = "";

                    @Override
                    public Boolean call() {
                        String built = json(api.get("/api/v1/routing/snapshot")).path("builtAt").asText();
                        boolean quiet = built.equals(lastBuilt);
                        lastBuilt = built;
                        return quiet;
                    }
                });
        TestDatabase.execute("UPDATE distribution_mirror SET enabled = FALSE WHERE name = 'fr-all'");
        Awaitility.await("fr-all leaves France's lists").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200)).until(() -> !api.get("/ubuntu/+countrymirrors-archive",
                        "X-Forwarded-For", FRANCE).body().contains("fr-all"));
    }

    /** A raw HTTP/1.1 request from 127.0.0.2, which the server does not trust as a proxy. */
    private static String fromUntrustedPeer(String path, String header) throws IOException {
        URI base = server.baseUri();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + base.getPort() + "\r\n" + header
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
