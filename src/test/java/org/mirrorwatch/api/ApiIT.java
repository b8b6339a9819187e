package org.mirrorwatch.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.errorFields;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * The REST API against the packaged WAR: each endpoint's success and its error statuses, with the
 * permissions proven over HTTP. The world is access-world.sql plus api-world.sql.
 */
@Tag("black-box")
class ApiIT {

    private static final String AUTHORIZATION = "Authorization";
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String ALICE = basic("alice", TestLogin.PASSWORD);
    private static final String BOB = basic("bob", TestLogin.PASSWORD);
    private static final String PUBLISHER = basic("publisher", TestLogin.PASSWORD);

    private static ApiClient api;

    @BeforeAll
    static void server() {
        api = new ApiClient(SharedServer.get());
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world", "api-world");
    }

    // --- reference data -------------------------------------------------------------------------------

    @Test
    void distributions_areReadByAnyone_andCreatedAndChangedByAdmins() {
        JsonNode list = json(ok(api.get("/api/v1/distributions")));
        assertEquals("ubuntu", list.at("/0/name").asText());
        assertEquals("noble", list.at("/0/series/0").asText());
        assertEquals(404, api.get("/api/v1/distributions/debian").statusCode());

        String debian = "{\"name\":\"debian\",\"displayName\":\"Debian\",\"mainArchiveUrl\":\"http://deb.debian.org/debian\","
                + "\"mainReleasesUrl\":\"https://cdimage.debian.org/\"}";
        assertEquals(401, api.send("POST", "/api/v1/distributions", debian).statusCode());
        assertEquals(403, api.send("POST", "/api/v1/distributions", debian, AUTHORIZATION, ALICE).statusCode());
        HttpResponse<String> created = api.send("POST", "/api/v1/distributions", debian, AUTHORIZATION, ADMIN);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/distributions/debian"));
        assertEquals("http://deb.debian.org/debian/", json(created).path("mainArchiveUrl").asText(), "normalized");
        assertEquals(409, api.send("POST", "/api/v1/distributions", debian, AUTHORIZATION, ADMIN).statusCode());

        HttpResponse<String> broken = api.send("POST", "/api/v1/distributions", "{\"name\":\"Not Valid\","
                + "\"mainArchiveUrl\":\"ftp://x/\"}", AUTHORIZATION, ADMIN);
        assertEquals(400, broken.statusCode());
        assertEquals(List.of("name", "displayName", "mainArchiveUrl", "mainReleasesUrl"), errorFields(broken));

        HttpResponse<String> updated = api.send("PUT", "/api/v1/distributions/debian", "{\"displayName\":\"Debian GNU/Linux\","
                + "\"mainArchiveUrl\":\"http://deb.debian.org/debian/\",\"mainReleasesUrl\":\"https://cdimage.debian.org/\","
                + "\"mirrorAdminAddress\":\"mirrors@debian.org\"}", AUTHORIZATION, ADMIN);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("mirrors@debian.org", json(updated).path("mirrorAdminAddress").asText());
        assertEquals(2, TestDatabase.count("SELECT count(*) FROM audit_event WHERE subject_type = 'distribution'"));
    }

    @Test
    void seriesArchitecturesAndComponents_areReadByAnyone_andAddedByAdmins() {
        JsonNode noble = json(ok(api.get("/api/v1/distributions/ubuntu/series/noble")));
        assertEquals("24.04", noble.path("version").asText());
        assertEquals("amd64", noble.at("/architectures/0/architecture").asText());
        assertEquals(404, api.get("/api/v1/distributions/ubuntu/series/nosuch").statusCode());

        assertEquals(403, api.send("POST", "/api/v1/components", "{\"name\":\"universe\"}", AUTHORIZATION, BOB)
                .statusCode());
        assertEquals(201, api.send("POST", "/api/v1/components", "{\"name\":\"universe\"}", AUTHORIZATION, ADMIN)
                .statusCode());
        assertEquals(409, api.send("POST", "/api/v1/components", "{\"name\":\"universe\"}", AUTHORIZATION, ADMIN)
                .statusCode());
        assertEquals(List.of("main", "universe"), texts(json(ok(api.get("/api/v1/components"))), "name"));

        String oracular = "{\"name\":\"oracular\",\"version\":\"24.10\",\"status\":\"DEVELOPMENT\","
                + "\"components\":[\"main\",\"universe\"]}";
        assertEquals(401, api.send("POST", "/api/v1/distributions/ubuntu/series", oracular).statusCode());
        HttpResponse<String> series = api.send("POST", "/api/v1/distributions/ubuntu/series", oracular,
                AUTHORIZATION, ADMIN);
        assertEquals(201, series.statusCode(), series.body());
        assertEquals(List.of("main", "universe"), texts(json(series).path("components"), null));
        HttpResponse<String> unknownComponent = api.send("POST", "/api/v1/distributions/ubuntu/series",
                "{\"name\":\"plucky\",\"version\":\"25.04\",\"status\":\"EXPERIMENTAL\",\"components\":[\"nope\"]}",
                AUTHORIZATION, ADMIN);
        assertEquals(400, unknownComponent.statusCode());
        assertEquals(List.of("components"), errorFields(unknownComponent));
        assertEquals(200, api.send("PUT", "/api/v1/distributions/ubuntu/series/oracular",
                "{\"version\":\"24.10\",\"status\":\"CURRENT\"}", AUTHORIZATION, ADMIN).statusCode());

        assertEquals(201, api.send("POST", "/api/v1/distributions/ubuntu/series/oracular/architectures",
                "{\"architecture\":\"riscv64\",\"official\":false}", AUTHORIZATION, ADMIN).statusCode());
        assertEquals(409, api.send("POST", "/api/v1/distributions/ubuntu/series/oracular/architectures",
                "{\"architecture\":\"riscv64\"}", AUTHORIZATION, ADMIN).statusCode());
        HttpResponse<String> official = api.send("PUT",
                "/api/v1/distributions/ubuntu/series/oracular/architectures/riscv64", "{\"official\":true}",
                AUTHORIZATION, ADMIN);
        assertTrue(json(ok(official)).path("official").asBoolean());
        assertEquals(404, api.send("PUT", "/api/v1/distributions/ubuntu/series/oracular/architectures/s390x",
                "{\"official\":true}", AUTHORIZATION, ADMIN).statusCode());
    }

    @Test
    void mirrorWrites_answerEachClientErrorWithItsStatus() {
        TestDatabase.recordProbe("bob-mirror");

        assertEquals(409, api.send("DELETE", "/api/v1/mirrors/bob-mirror", null, AUTHORIZATION, ADMIN).statusCode(),
                "a probed mirror is kept");
        HttpResponse<String> taken = api.send("PATCH", "/api/v1/mirrors/alice-mirror", "{\"name\":\"bob-mirror\"}",
                AUTHORIZATION, ALICE);
        assertEquals(409, taken.statusCode());
        assertEquals(List.of("name"), errorFields(taken));
        assertEquals(400, api.send("PUT", "/api/v1/mirrors/alice-pending/review", "{\"status\":\"SUPERB\"}",
                AUTHORIZATION, ADMIN).statusCode());
        assertEquals(List.of("reviewStatus"), errorFields(api.send("PUT", "/api/v1/mirrors/alice-pending/review", "{}",
                AUTHORIZATION, ADMIN)));
        assertEquals(List.of("owner"), errorFields(api.send("PUT", "/api/v1/mirrors/alice-pending/owner",
                "{\"owner\":\"nobody\"}", AUTHORIZATION, ADMIN)));
        assertEquals(List.of("enabled"), errorFields(api.send("PUT", "/api/v1/mirrors/alice-pending/enabled", "{}",
                AUTHORIZATION, ADMIN)));
        assertEquals(409, api.send("PUT", "/api/v1/mirrors/bob-broken/country-dns-mirror", null, AUTHORIZATION, ADMIN)
                .statusCode(), "an unqualified mirror cannot be the country DNS mirror");
        assertEquals(List.of("distribution"), errorFields(api.send("POST", "/api/v1/mirrors", "{\"name\":\"x1\"}",
                AUTHORIZATION, ALICE)));
        HttpResponse<String> noBody = api.send("PUT", "/api/v1/mirrors/alice-mirror", null, AUTHORIZATION, ALICE,
                "Content-Type", "application/json");
        assertEquals(400, noBody.statusCode());
        assertTrue(json(noBody).path("detail").asText().contains("request body"), noBody.body());
        assertEquals(404, api.send("PUT", "/api/v1/mirrors/no-such-mirror/review", "{\"status\":\"OFFICIAL\"}",
                AUTHORIZATION, ADMIN).statusCode());
        assertEquals(400, api.get("/api/v1/audit-events?limit=0", AUTHORIZATION, ADMIN).statusCode());
    }

    // --- one mirror's content and freshness ------------------------------------------------------------

    @Test
    void aMirrorsContentFreshnessAndHistory_areReadByAnyone() {
        JsonNode content = json(ok(api.get("/api/v1/mirrors/alice-mirror/content")));
        assertEquals("TWOHOURSBEHIND", content.path("overallFreshness").asText());
        assertEquals("noble", content.at("/sources/0/series").asText());
        assertEquals(Set.of("RELEASE:UP", "UPDATES:TWOHOURSBEHIND"), pocketsAndFreshness(content.path("binaries")));

        JsonNode freshness = json(ok(api.get("/api/v1/mirrors/alice-mirror/freshness")));
        assertEquals(2, freshness.at("/records/UP").asInt());
        assertEquals(1, freshness.at("/records/TWOHOURSBEHIND").asInt());
        assertEquals("2026-01-10T12:00:00Z", freshness.path("lastProbed").asText());

        JsonNode history = json(ok(api.get("/api/v1/mirrors/alice-mirror/freshness-history")));
        assertEquals(List.of("UP", "TWOHOURSBEHIND"), texts(history, "overallFreshness"), "oldest first, as a chart draws it");
        assertEquals(1, history.at("/1/records/TWOHOURSBEHIND").asInt());

        for (String part : List.of("content", "freshness", "freshness-history", "probes")) {
            HttpResponse<String> missing = api.get("/api/v1/mirrors/no-such-mirror/" + part);
            assertEquals(404, missing.statusCode(), part);
            assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void theFreshnessFeed_listsEveryVisibleMirror_inOneCall() {
        JsonNode anonymous = json(ok(api.get("/api/v1/freshness?distribution=ubuntu")));
        assertEquals(List.of("alice-mirror", "alice-pending", "bob-de", "bob-mirror", "bob-unofficial"),
                texts(anonymous.path("mirrors"), "name"), "enabled mirrors only");
        JsonNode alice = anonymous.path("mirrors").get(0);
        assertEquals("UP", alice.path("freshness").asText());
        assertEquals("FR", alice.path("country").asText());
        assertEquals("http://alice.example.org/ubuntu/", alice.path("url").asText());
        assertTrue(alice.path("official").asBoolean());

        assertTrue(texts(json(ok(api.get("/api/v1/freshness", AUTHORIZATION, BOB))).path("mirrors"), "name")
                .contains("bob-broken"), "an owner also sees their disabled mirror");
        assertEquals(6, json(ok(api.get("/api/v1/freshness", AUTHORIZATION, ADMIN))).path("mirrors").size());
    }

    // --- probing on request ----------------------------------------------------------------------------

    @Test
    void anOwnersReprobe_isLimitedToOncePer15Minutes_whileAdminsMayAlways() {
        String path = "/api/v1/mirrors/alice-pending/probes";
        assertEquals(401, api.send("POST", path, null).statusCode());
        assertEquals(403, api.send("POST", path, null, AUTHORIZATION, BOB).statusCode());

        HttpResponse<String> first = api.send("POST", path, null, AUTHORIZATION, ALICE);
        assertEquals(202, first.statusCode(), first.body());
        awaitRound(first);
        HttpResponse<String> second = api.send("POST", path, null, AUTHORIZATION, ALICE);
        assertEquals(429, second.statusCode());
        long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 840 && retryAfter <= 900, "about 15 minutes: " + retryAfter);
        assertTrue(json(second).path("detail").asText().contains("Ask again in 15 minutes"), second.body());

        awaitRound(api.send("POST", path, null, AUTHORIZATION, ADMIN));
        HttpResponse<String> againByAdmin = api.send("POST", path, null, AUTHORIZATION, ADMIN);
        assertEquals(202, againByAdmin.statusCode());
        awaitRound(againByAdmin);
        assertEquals(404, api.send("POST", "/api/v1/mirrors/no-such-mirror/probes", null, AUTHORIZATION, ADMIN)
                .statusCode());
    }

    @Test
    void theProbeRoundHistory_isReadByAnyone() {
        awaitRound(api.send("POST", "/api/v1/probe-rounds", "{\"content\":\"RELEASE\"}", AUTHORIZATION, ADMIN));
        JsonNode rounds = json(ok(api.get("/api/v1/probe-rounds?limit=5")));
        assertEquals("MANUAL", rounds.at("/0/trigger").asText());
        assertEquals(400, api.get("/api/v1/probe-rounds?limit=0").statusCode());
        assertEquals(404, api.get("/api/v1/probe-rounds/999999").statusCode());
        assertEquals(400, api.send("POST", "/api/v1/probe-rounds", "{\"content\":\"FLOPPY\"}", AUTHORIZATION, ADMIN)
                .statusCode());
    }

    // --- the CD-image manifest -------------------------------------------------------------------------

    @Test
    void theCdImageManifest_isReadAndReplacedByAdmins_withEachBadLineReported() {
        String path = "/api/v1/distributions/ubuntu/cd-image-manifest";
        assertEquals(401, api.get(path).statusCode());
        assertEquals(403, api.get(path, AUTHORIZATION, ALICE).statusCode());
        HttpResponse<String> current = ok(api.get(path, AUTHORIZATION, ADMIN));
        assertTrue(current.body().startsWith("ubuntu\tnoble\tnoble/ubuntu-24.04-desktop-amd64.iso"), current.body());
        assertTrue(current.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));

        String good = "ubuntu\tnoble\tnoble/ubuntu-24.04-desktop-amd64.iso\t6114656256\n"
                + "ubuntu-server\tnoble\tnoble/ubuntu-24.04-live-server-amd64.iso\t2754981888\n";
        HttpResponse<String> stored = sendText("PUT", path, good, ADMIN);
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals(2, json(stored).path("files").asInt());

        HttpResponse<String> bad = sendText("PUT", path, good + "ubuntu\tnosuchseries\tx.iso\t1\nbroken line\n", ADMIN);
        assertEquals(400, bad.statusCode());
        assertEquals(List.of("line 3", "line 4"), errorFields(bad));
        assertEquals(good, ok(api.get(path, AUTHORIZATION, ADMIN)).body(), "the stored manifest stays");
        assertEquals(403, sendText("PUT", path, good, BOB).statusCode());
        assertEquals(404, api.get("/api/v1/distributions/debian/cd-image-manifest", AUTHORIZATION, ADMIN).statusCode());
    }

    // --- the publishing import -------------------------------------------------------------------------

    @Test
    void onePublication_isImportedByThePublisher_andAReplayChangesNothing() {
        String hello = binary("hello", "2.10-1", "2026-01-10T11:00:00Z");
        assertEquals(401, api.send("POST", "/api/v1/publications", hello).statusCode());
        assertEquals(403, api.send("POST", "/api/v1/publications", hello, AUTHORIZATION, ADMIN).statusCode());

        JsonNode first = json(ok(api.send("POST", "/api/v1/publications", hello, AUTHORIZATION, PUBLISHER)));
        assertEquals(1, first.path("created").asInt());
        assertEquals(1, first.path("filesAdded").asInt());
        JsonNode replay = json(ok(api.send("POST", "/api/v1/publications", hello, AUTHORIZATION, PUBLISHER)));
        assertEquals(0, replay.path("created").asInt());
        assertEquals(1, replay.path("unchanged").asInt());
        assertEquals(0, replay.path("filesAdded").asInt());
        JsonNode superseded = json(ok(api.send("POST", "/api/v1/publications",
                hello.replace("\"PUBLISHED\"", "\"SUPERSEDED\""), AUTHORIZATION, PUBLISHER)));
        assertEquals(1, superseded.path("updated").asInt());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM binary_package_publication WHERE status = 'SUPERSEDED'"));
    }

    @Test
    void aBatch_isImportedWhole_aReplayChangesNothing_andABadRowIsReportedByItsIndex() {
        String batch = "[" + String.join(",", binary("hello", "2.10-1", "2026-01-10T11:00:00Z"),
                source("hello", "2.10-1", "2026-01-10T11:00:00Z"), binary("hello", "2.10-2", "2026-01-10T12:00:00Z"))
                + "]";
        JsonNode imported = json(ok(api.send("POST", "/api/v1/publications/batch", batch, AUTHORIZATION, PUBLISHER)));
        assertEquals(3, imported.path("received").asInt());
        assertEquals(3, imported.path("created").asInt());
        assertEquals(3, imported.path("filesAdded").asInt());
        long rows = TestDatabase.count("SELECT (SELECT count(*) FROM binary_package_publication)"
                + " + (SELECT count(*) FROM source_package_publication) + (SELECT count(*) FROM binary_package_file)");

        JsonNode replay = json(ok(api.send("POST", "/api/v1/publications/batch", batch, AUTHORIZATION, PUBLISHER)));
        assertEquals(3, replay.path("unchanged").asInt());
        assertEquals(rows, TestDatabase.count("SELECT (SELECT count(*) FROM binary_package_publication)"
                + " + (SELECT count(*) FROM source_package_publication) + (SELECT count(*) FROM binary_package_file)"));

        String withBadRows = "[" + String.join(",", binary("world", "1.0-1", "2026-01-10T11:00:00Z"),
                binary("world", "not a version", "2026-01-10T11:00:00Z"),
                binary("world", "1.0-2", "yesterday").replace("\"amd64\"", "\"sparc\"")) + "]";
        HttpResponse<String> refused = api.send("POST", "/api/v1/publications/batch", withBadRows, AUTHORIZATION,
                PUBLISHER);
        assertEquals(400, refused.statusCode());
        assertEquals(List.of("publications[1].version", "publications[1].files[0].filename",
                "publications[2].datePublished", "publications[2].architecture"), errorFields(refused));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM binary_package_publication WHERE binary_package_name"
                + " = 'world'"), "nothing of a refused batch is written");

        HttpResponse<String> repeated = api.send("POST", "/api/v1/publications/batch", "[" + String.join(",",
                binary("twice", "1", "2026-01-10T11:00:00Z"), binary("twice", "1", "2026-01-10T11:00:00Z")) + "]",
                AUTHORIZATION, PUBLISHER);
        assertEquals(List.of("publications[1].name"), errorFields(repeated));
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> tooBig = api.send("POST", "/api/v1/publications/batch", tooMany, AUTHORIZATION, PUBLISHER);
        assertEquals(400, tooBig.statusCode());
        assertTrue(json(tooBig).path("detail").asText().contains("at most 10000"), tooBig.body());
        assertEquals(400, api.send("POST", "/api/v1/publications/batch", "{not json", AUTHORIZATION, PUBLISHER)
                .statusCode());
    }

    // --- client mirror lists ---------------------------------------------------------------------------

    @Test
    void theClientList_ofACountry_hasItsFreshOfficialMirrors_thenTheMainArchive() {
        invalidateClientLists();
        HttpResponse<String> france = api.get("/api/v1/distributions/ubuntu/country-mirrors/archive?country=fr");

        assertEquals(200, france.statusCode(), france.body());
        assertEquals("text/plain;charset=UTF-8", france.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals("nosniff", france.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("FR", france.headers().firstValue("X-Generated-For-Country").orElseThrow());
        assertEquals(List.of("http://alice.example.org/ubuntu/", "https://de.example.org/ubuntu/",
                "http://archive.ubuntu.com/ubuntu/"), france.body().lines().toList(),
                "France's fresh mirror, topped up from Europe; bob-mirror is a week behind, so it is left out");
    }

    @Test
    void theClientList_ofACountryWithoutMirrors_fallsBackToItsContinent_andEndsWithTheMainArchive() {
        invalidateClientLists();
        HttpResponse<String> austria = api.get("/api/v1/distributions/ubuntu/country-mirrors/archive?country=AT");

        assertEquals("AT", austria.headers().firstValue("X-Generated-For-Country").orElseThrow());
        List<String> lines = austria.body().lines().toList();
        assertEquals(Set.of("http://alice.example.org/ubuntu/", "https://de.example.org/ubuntu/"),
                new HashSet<>(lines.subList(0, 2)), "Europe's mirrors: " + lines);
        assertEquals("http://archive.ubuntu.com/ubuntu/", lines.get(2));
        assertEquals(List.of("http://releases.ubuntu.com/"), api.get(
                "/api/v1/distributions/ubuntu/country-mirrors/release?country=BR").body().lines().toList(),
                "no release mirror is fresh: only the main releases URL");
        assertEquals(404, api.get("/api/v1/distributions/ubuntu/country-mirrors/archive?country=XX").statusCode());
        assertEquals(400, api.get("/api/v1/distributions/ubuntu/country-mirrors/floppies").statusCode());
        assertEquals("unknown", api.get("/api/v1/distributions/ubuntu/country-mirrors/archive").headers()
                .firstValue("X-Generated-For-Country").orElseThrow());
    }

    @Test
    void theClientList_isWeightedBySpeed_andAChangeOfAMirrorShowsAtOnce() {
        invalidateClientLists();
        List<String> firsts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            firsts.add(api.get("/api/v1/distributions/ubuntu/country-mirrors/archive?country=AT").body().lines()
                    .findFirst().orElseThrow());
        }
        long germanyFirst = firsts.stream().filter(url -> url.contains("de.example.org")).count();
        // Expected: 10 times in 11, about 182 of 200 (standard deviation 4); all 200 has odds of 5 in a billion.
        assertTrue(germanyFirst > 150, "the 10 Gbps mirror leads the 1 Gbps one about 10 times in 11: " + germanyFirst);
        assertTrue(germanyFirst < 200, "but not always: " + germanyFirst);

        assertEquals(200, api.send("PUT", "/api/v1/mirrors/bob-de/enabled", "{\"enabled\":false}", AUTHORIZATION,
                ADMIN).statusCode());
        Awaitility.await("the disabled mirror leaves the lists").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200)).until(() -> !api.get(
                        "/api/v1/distributions/ubuntu/country-mirrors/archive?country=AT").body().contains("de.example.org"));
    }

    // --- health, metrics and the document --------------------------------------------------------------

    @Test
    void health_isUpWithTheDatabaseAndAnEmptyOutbox_andDownWhenTheOutboxBacksUp() {
        assertEquals("UP", json(ok(api.get("/api/health/live"))).path("status").asText());
        JsonNode ready = json(ok(api.get("/api/health/ready")));
        assertEquals(List.of("database", "mail-outbox"), texts(ready.path("checks"), "name"));
        assertEquals(0, ready.at("/checks/1/data/backlog").asInt());

        TestDatabase.execute("INSERT INTO mail_outbox (message_id, recipients, subject, body, date_created,"
                + " next_attempt_at) SELECT '<' || n || '@test>', 'x@example.org', 's', 'b', now(), now() + interval '1 day'"
                + " FROM generate_series(1, 1001) AS n");
        HttpResponse<String> backedUp = api.get("/api/health/ready");
        assertEquals(503, backedUp.statusCode());
        assertEquals("DOWN", json(backedUp).at("/checks/1/status").asText());
    }

    @Test
    void metrics_areInThePrometheusTextFormat() {
        HttpResponse<String> metrics = ok(api.get("/api/metrics"));

        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("mirrorwatch_mirrors{freshness=\"UP\"} 2.0"), text);
        assertTrue(text.contains("mirrorwatch_mirrors{freshness=\"ONEWEEKBEHIND\"} 1.0"), text);
        assertTrue(text.contains("mirrorwatch_mail_outbox_backlog 0.0"), text);
        assertTrue(text.contains("mirrorwatch_probe_rounds{state=\"done\"} 0.0"), text);
        assertTrue(text.contains("mirrorwatch_probe_requests "), text);
    }

    @Test
    void theOpenApiDocument_isServed_asYamlAndJson() {
        HttpResponse<String> yaml = ok(api.get("/api/openapi.yaml"));
        assertTrue(yaml.body().contains("/api/v1/publications/batch:"), yaml.body());
        assertEquals("Mirrorwatch API", json(ok(api.get("/api/openapi.json"))).at("/info/title").asText());
    }

    @Test
    void everyAnswer_carriesItsServerTime_andUnknownPathsAreProblemJson() {
        HttpResponse<String> answer = api.get("/api/v1/distributions");
        assertTrue(answer.headers().firstValue("Server-Timing").orElseThrow().matches("app;dur=\\d+\\.\\d"));
        HttpResponse<String> unknown = api.get("/api/v1/nothing-here");
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow());
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static HttpResponse<String> sendText(String method, String path, String text, String authorization) {
        return api.send(method, path, text, AUTHORIZATION, authorization, "Content-Type", "text/plain; charset=UTF-8");
    }

    /** Waits for the round a 202 answer points at to end; it probes loopback mirrors that are refused at once. */
    private static void awaitRound(HttpResponse<String> started) {
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !api.get(path).body().contains("\"state\":\"RUNNING\""));
    }

    /** A change of a mirror's state empties the cached lists, as a real change does; tests change rows in SQL. */
    /** The lists answer from a snapshot; the dataset was written behind the server's back. */
    private static void invalidateClientLists() {
        assertEquals(200, api.send("POST", "/api/v1/routing/snapshot", "", AUTHORIZATION, ADMIN).statusCode());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(field == null ? item.asText() : item.path(field).asText()));
        return values;
    }

    private static Set<String> pocketsAndFreshness(JsonNode records) {
        Set<String> values = new HashSet<>();
        records.forEach(record -> values.add(record.path("pocket").asText() + ":" + record.path("freshness").asText()));
        return values;
    }

    private static String binary(String name, String version, String published) {
        return "{\"kind\":\"BINARY\",\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"distribution\":\"ubuntu\","
                + "\"series\":\"noble\",\"architecture\":\"amd64\",\"pocket\":\"UPDATES\",\"component\":\"main\","
                + "\"status\":\"PUBLISHED\",\"datePublished\":\"" + published + "\",\"files\":[{\"filename\":\""
                + name + "_" + version + "_amd64.deb\",\"type\":\"DEB\"}]}";
    }

    private static String source(String name, String version, String published) {
        return "{\"kind\":\"SOURCE\",\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"distribution\":\"ubuntu\","
                + "\"series\":\"noble\",\"pocket\":\"UPDATES\",\"component\":\"main\",\"status\":\"PUBLISHED\","
                + "\"datePublished\":\"" + published + "\",\"files\":[{\"filename\":\"" + name + "_" + version
                + ".dsc\",\"type\":\"DSC\"}]}";
    }
}
