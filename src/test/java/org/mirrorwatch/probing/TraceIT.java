package org.mirrorwatch.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.errorFields;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.mirrorwatch.testing.TestLogin;

/**
 * Trace files against the running server (issue 16): fake mirrors serve a current, an old, a malformed, a
 * huge or no trace, and a sync marker; each probe's stored trace age, state and partial-sync flag are
 * checked in the database, the API, the feed and the page, and a syncing mirror that carries nothing is
 * neither disabled nor mailed about, while a stale marker does not protect it.
 */
@Tag("black-box")
class TraceIT {

    private static final String AUTHORIZATION = "Authorization";
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String TRACE = "project/trace/ftp-master.debian.org";
    private static final DateTimeFormatter DATE_U = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

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
        // The world's uploads, moved so that it is seen from now: a mirror synced at T0 is up to date.
        for (String table : List.of("binary_package_publication", "source_package_publication")) {
            TestDatabase.execute("UPDATE " + table + " SET date_published = date_published + (now() - timestamptz '"
                    + ProberWorld.T0 + "')");
        }
        HttpResponse<String> configured = api.send("PUT", "/api/v1/distributions/ubuntu/trace", "{\"format\":\"DEBIAN\","
                + "\"path\":\"" + TRACE + "\",\"syncMarker\":\"Archive-Update-in-Progress-{host}\"}", AUTHORIZATION, ADMIN);
        assertEquals(200, configured.statusCode(), configured.body());
    }

    /** A mirror synced now (its pool files up to date) whose trace says what it is given. */
    private static FakeMirror syncedMirror(String name, String trace) {
        FakeMirror mirror = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        if (trace != null) {
            mirror.content(TRACE, trace);
        }
        FarmMirrors.register(name, mirror);
        return mirror;
    }

    private static String column(String name, String column) {
        return TestDatabase.rows("SELECT " + column + " FROM distribution_mirror WHERE name = '" + name + "'").get(0);
    }

    private static String probeColumn(String name, String column) {
        return TestDatabase.rows("SELECT r." + column + " FROM mirror_probe_record r JOIN distribution_mirror m ON"
                + " m.id = r.distribution_mirror_id WHERE m.name = '" + name + "' ORDER BY r.id DESC LIMIT 1").get(0);
    }

    private static void assertAbout(long expectedSeconds, long actual) {
        assertTrue(Math.abs(actual - expectedSeconds) < 120, "expected about " + expectedSeconds + " s, was " + actual);
    }

    @Test
    void aCurrentTrace_storesItsAge_andNoPartialSync() {
        syncedMirror("current", DATE_U.format(Instant.now().minus(Duration.ofMinutes(10))) + "\nArchive serial: 2026113001\n");
        FarmMirrors.probe(api, "current", ADMIN, Duration.ofSeconds(30));
        assertEquals("FOUND", probeColumn("current", "trace_state"));
        assertAbout(600, Long.parseLong(probeColumn("current", "trace_age_seconds")));
        assertEquals("f", probeColumn("current", "trace_partial_sync"));
        assertEquals("NOT_SYNCING", probeColumn("current", "sync_state"));

        JsonNode trace = json(api.get("/api/v1/mirrors/current")).path("trace");
        assertEquals("FOUND", trace.path("state").asText());
        assertAbout(600, trace.path("ageSeconds").asLong());
        assertFalse(trace.path("partialSync").asBoolean());
        assertEquals("UP", trace.path("poolFreshness").asText());
        JsonNode feed = json(api.get("/api/v1/freshness?distribution=ubuntu")).path("mirrors").path(0);
        assertAbout(600, feed.path("traceAgeSeconds").asLong());
        assertFalse(feed.path("partialSync").asBoolean());
    }

    @Test
    void anOldTrace_besideFreshPoolFiles_isAPartialSync_withBothFigures() {
        syncedMirror("old", DATE_U.format(Instant.now().minus(Duration.ofHours(30))) + "\n");
        FarmMirrors.probe(api, "old", ADMIN, Duration.ofSeconds(30));
        assertAbout(30 * 3600, Long.parseLong(column("old", "trace_age_seconds")));
        assertEquals("t", column("old", "trace_partial_sync"));
        assertEquals("t", probeColumn("old", "trace_partial_sync"));

        JsonNode trace = json(api.get("/api/v1/mirrors/old")).path("trace");
        assertTrue(trace.path("partialSync").asBoolean());
        assertEquals("UP", trace.path("poolFreshness").asText());
        assertAbout(30 * 3600, trace.path("ageSeconds").asLong());
        assertTrue(json(api.get("/api/v1/freshness?distribution=ubuntu")).path("mirrors").path(0).path("partialSync")
                .asBoolean());
        String page = api.get("/mirror.xhtml?name=old").body();
        assertTrue(page.contains("Partial sync") && page.contains("30.0 h") && page.contains("up to date"), page);
        assertTrue(api.get("/api/metrics").body().contains("mirrorwatch_mirrors_partial_sync 1.0"));
    }

    @Test
    void aMalformedTrace_isRefusedWithItsReason() {
        syncedMirror("malformed", "<html><body>Welcome to our mirror</body></html>\n");
        FarmMirrors.probe(api, "malformed", ADMIN, Duration.ofSeconds(30));
        assertEquals("MALFORMED", column("malformed", "trace_state"));
        assertTrue(column("malformed", "trace_problem").startsWith("its first line is not a date"));
        assertEquals(null, column("malformed", "trace_age_seconds"));
        assertEquals("f", column("malformed", "trace_partial_sync"));
        assertEquals("MALFORMED", json(api.get("/api/v1/mirrors/malformed")).path("trace").path("state").asText());
    }

    @Test
    void aHugeTrace_isNotReadPastItsCap() {
        FakeMirror mirror = syncedMirror("huge", null);
        mirror.content(TRACE, new byte[200 * 1024]).chunked(TRACE);
        FarmMirrors.probe(api, "huge", ADMIN, Duration.ofSeconds(30));
        assertEquals("TOO_LARGE", column("huge", "trace_state"));
        assertEquals("the body was larger than 65536 bytes", column("huge", "trace_problem"));
        assertEquals("t", column("huge", "enabled"), "a bad trace alone disables nobody");
    }

    @Test
    void aMissingTrace_isMissing() {
        syncedMirror("missing", null);
        FarmMirrors.probe(api, "missing", ADMIN, Duration.ofSeconds(30));
        assertEquals("MISSING", column("missing", "trace_state"));
        assertEquals("404 Not Found", column("missing", "trace_problem"));
        assertEquals("f", column("missing", "trace_partial_sync"));
    }

    @Test
    void aSyncingMirrorThatCarriesNothing_isNotDisabled_andNobodyIsMailed() {
        FakeMirror mirror = farm.newMirror();
        String marker = "Archive-Update-in-Progress-" + java.net.URI.create(mirror.baseUrl()).getHost();
        mirror.serve(List.of(marker)).lastModified(marker, Instant.now().minus(Duration.ofMinutes(20)));
        FarmMirrors.register("syncing", mirror);
        FarmMirrors.probe(api, "syncing", ADMIN, Duration.ofSeconds(30));
        assertEquals("SYNCING", column("syncing", "sync_state"));
        assertAbout(1200, Long.parseLong(column("syncing", "sync_marker_age_seconds")));
        assertEquals("t", column("syncing", "enabled"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM mail_outbox"));
        assertTrue(json(api.get("/api/v1/mirrors/syncing")).path("trace").path("sync").asText().equals("SYNCING"));
        assertTrue(json(api.get("/api/v1/freshness?distribution=ubuntu")).path("mirrors").path(0).path("syncing")
                .asBoolean());
        assertTrue(api.get("/mirror.xhtml?name=syncing").body().contains("Syncing at the last probe"));
    }

    @Test
    void aStaleMarker_protectsNothing() {
        FakeMirror mirror = farm.newMirror();
        String marker = "Archive-Update-in-Progress-" + java.net.URI.create(mirror.baseUrl()).getHost();
        mirror.serve(List.of(marker)).lastModified(marker, Instant.now().minus(Duration.ofHours(7)));
        FarmMirrors.register("leftover", mirror);
        FarmMirrors.probe(api, "leftover", ADMIN, Duration.ofSeconds(30));
        assertEquals("STALE_MARKER", column("leftover", "sync_state"));
        assertEquals("f", column("leftover", "enabled"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject = 'Verification of leftover failed'"));
        assertEquals("STALE_MARKER", json(api.get("/api/v1/mirrors/leftover", AUTHORIZATION, ADMIN)).path("trace")
                .path("sync").asText());
    }

    @Test
    void theTraceSettings_areForAdmins_andCheckedStrictly() {
        assertEquals(401, api.send("PUT", "/api/v1/distributions/ubuntu/trace", "{\"format\":\"NONE\"}").statusCode());
        assertEquals(403, api.send("PUT", "/api/v1/distributions/ubuntu/trace", "{\"format\":\"NONE\"}", AUTHORIZATION,
                basic("owner", TestLogin.PASSWORD)).statusCode());
        HttpResponse<String> badPath = api.send("PUT", "/api/v1/distributions/ubuntu/trace",
                "{\"format\":\"DEBIAN\",\"path\":\"../etc/passwd\",\"syncMarker\":\"a/b\"}", AUTHORIZATION, ADMIN);
        assertEquals(400, badPath.statusCode());
        assertEquals(List.of("path", "syncMarker"), errorFields(badPath));
        assertEquals(400, api.send("PUT", "/api/v1/distributions/ubuntu/trace", "{\"format\":\"RSS\"}", AUTHORIZATION,
                ADMIN).statusCode());
        assertEquals(400, api.send("PUT", "/api/v1/distributions/ubuntu/trace", "{\"format\":\"NONE\",\"extra\":1}",
                AUTHORIZATION, ADMIN).statusCode());
        JsonNode trace = json(api.get("/api/v1/distributions/ubuntu")).path("trace");
        assertEquals("DEBIAN", trace.path("format").asText(), "refusals changed nothing");
        assertEquals(TRACE, trace.path("path").asText());

        HttpResponse<String> none = api.send("PUT", "/api/v1/distributions/ubuntu/trace", "{\"format\":\"NONE\"}",
                AUTHORIZATION, ADMIN);
        assertEquals(200, none.statusCode(), none.body());
        assertEquals("NONE", json(none).path("trace").path("format").asText());
        assertEquals(2, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'DISTRIBUTION_UPDATED'"));
    }
}
