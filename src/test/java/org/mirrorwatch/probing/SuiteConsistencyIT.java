package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Suite consistency against the running server (issue 16): two fake mirrors serve the same archive with
 * Content-Lengths and an InRelease per suite; on one, noble-updates' InRelease is newer than one of its
 * indexes (it promises another size). That suite is flagged on that mirror only, in the API, the feed, the
 * mirror page, the overview and the metrics; the redirector sends noble-updates paths elsewhere but the
 * mirror's other suites and pool files still to it; its owner is mailed once, on the second probe in a
 * row, and again only after a probe found the suite consistent in between.
 */
@Tag("black-box")
class SuiteConsistencyIT {

    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String GERMANY = "193.99.144.80";
    private static final String TORN_INDEX = "dists/noble-updates/main/binary-amd64/Packages.gz";
    private static final String SUBJECT = "Suite noble-updates of torn-mirror is inconsistent";

    private static ApiClient api;
    private static FakeMirrorFarm farm;
    private static GreenMail smtp;

    @BeforeAll
    static void server() {
        SharedServer server = SharedServer.get();
        api = new ApiClient(server);
        farm = new FakeMirrorFarm();
        smtp = new GreenMail(new ServerSetup(server.mailPort(), "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterAll
    static void stop() {
        farm.close();
        smtp.stop();
    }

    @BeforeEach
    void world() throws Exception {
        TestDatabase.reset("prober-world");
        // The world's RELEASE pocket of main has nothing fresh; one upload there makes noble a second suite that
        // both mirrors carry fresh, beside noble-updates.
        TestDatabase.execute("INSERT INTO binary_package_publication (distro_arch_release_id, pocket, component_id,"
                + " binary_package_name, version, source_package_name, status, date_published) VALUES (1, 'RELEASE', 1,"
                + " 'hello', '2.10-1', 'hello', 'PUBLISHED', timestamptz '2026-01-10 11:55:00+00')");
        TestDatabase.execute("INSERT INTO binary_package_file (publication_id, filename, file_type) SELECT max(id),"
                + " 'hello_2.10-1_amd64.deb', 'DEB' FROM binary_package_publication");
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aSuiteWhoseInReleaseIsNewerThanAnIndex_isFlagged_routedAround_andNotifiedOnceAfterTwoProbes() throws Exception {
        FakeMirror good = consistentMirror();
        FakeMirror torn = consistentMirror();
        Map<String, Long> sizes = sizes();
        // The InRelease promises the new size; the index is still the old one from the previous sync.
        torn.size(TORN_INDEX, sizes.get(TORN_INDEX) - 22);
        FarmMirrors.register("good-mirror", good);
        FarmMirrors.register("torn-mirror", torn);

        FarmMirrors.probe(api, "good-mirror", ADMIN, Duration.ofSeconds(30));
        FarmMirrors.probe(api, "torn-mirror", ADMIN, Duration.ofSeconds(30));
        assertEquals(0, json(api.get("/api/v1/mirrors/good-mirror")).path("inconsistentSuites").size());
        JsonNode flagged = json(api.get("/api/v1/mirrors/torn-mirror")).path("inconsistentSuites");
        assertEquals(1, flagged.size(), flagged.toString());
        assertEquals("noble-updates", flagged.path(0).path("suite").asText());
        assertEquals(1, flagged.path(0).path("probes").asInt());
        assertTrue(flagged.path(0).path("detail").asText().startsWith("main/binary-amd64/Packages.gz is served with "
                + (sizes.get(TORN_INDEX) - 22) + " bytes, but "), flagged.toString());
        assertEquals(0, mails(SUBJECT), "not after one probe");
        String log = TestDatabase.rows("SELECT convert_from(f.content, 'UTF8') FROM mirror_probe_record r JOIN"
                + " library_file f ON f.id = r.log_file_id JOIN distribution_mirror m ON m.id = r.distribution_mirror_id"
                + " WHERE m.name = 'torn-mirror'").get(0);
        assertTrue(log.contains("Suite noble-updates is inconsistent"), log);
        assertTrue(log.contains("Suite noble is consistent"), log);

        // Routed around for that suite only.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String noble = alternatives("dists/noble/main/binary-amd64/Packages.gz");
            assertTrue(noble.contains(torn.baseUrl()), noble + " / " + torn.baseUrl());
        });
        String updates = alternatives(TORN_INDEX);
        assertTrue(updates.contains(good.baseUrl()), updates);
        assertFalse(updates.contains(torn.baseUrl()), updates);
        assertFalse(alternatives("dists/noble-updates/InRelease").contains(torn.baseUrl()));
        assertTrue(alternatives("pool/main/h/hello/hello_2.10-1_amd64.deb").contains(torn.baseUrl()));

        // Shown everywhere.
        for (JsonNode entry : json(api.get("/api/v1/freshness?distribution=ubuntu")).path("mirrors")) {
            String expected = entry.path("name").asText().equals("torn-mirror") ? "[\"noble-updates\"]" : "[]";
            assertEquals(expected, entry.path("inconsistentSuites").toString(), entry.toString());
        }
        String page = api.get("/mirror.xhtml?name=torn-mirror").body();
        assertTrue(page.contains("id=\"inconsistent-suites\""), page);
        assertTrue(page.contains("<span class=\"badge suite-inconsistent\">noble-updates</span>"), page);
        assertTrue(page.contains("noble-updates <span"), "the content matrix marks the suite's row");
        assertFalse(api.get("/mirror.xhtml?name=good-mirror").body().contains("suite-inconsistent\""));
        String overview = api.get("/overview.xhtml").body();
        assertTrue(overview.replaceAll("\\s+", " ").contains("1</span> mirror serves 1 suite inconsistently"), overview);
        String metrics = api.get("/api/metrics").body();
        assertTrue(metrics.contains("mirrorwatch_mirrors_inconsistent 1.0"), metrics);
        assertTrue(metrics.contains("mirrorwatch_mirrors_inconsistent_suites 1.0"), metrics);

        // The second probe in a row mails the owner, once.
        FarmMirrors.probe(api, "torn-mirror", ADMIN, Duration.ofSeconds(30));
        assertEquals(1, mails(SUBJECT));
        assertEquals(2, json(api.get("/api/v1/mirrors/torn-mirror")).path("inconsistentSuites").path(0).path("probes")
                .asInt());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
        assertTrue(body.contains("found its suite noble-updates inconsistent on two probes in a row"), body);
        FarmMirrors.probe(api, "torn-mirror", ADMIN, Duration.ofSeconds(30));
        assertEquals(1, mails(SUBJECT), "once per episode");

        // Consistent again: the episode ends, and users are sent there again.
        torn.size(TORN_INDEX, sizes.get(TORN_INDEX));
        FarmMirrors.probe(api, "torn-mirror", ADMIN, Duration.ofSeconds(30));
        assertEquals(0, json(api.get("/api/v1/mirrors/torn-mirror")).path("inconsistentSuites").size());
        await().atMost(Duration.ofSeconds(15)).until(() -> alternatives(TORN_INDEX).contains(torn.baseUrl()));

        // A new episode is mailed again, after its own two probes.
        torn.size(TORN_INDEX, 1);
        FarmMirrors.probe(api, "torn-mirror", ADMIN, Duration.ofSeconds(30));
        assertEquals(1, mails(SUBJECT));
        FarmMirrors.probe(api, "torn-mirror", ADMIN, Duration.ofSeconds(30));
        assertEquals(2, mails(SUBJECT));
    }

    /** A mirror that serves the whole world, each index with a Content-Length its suite's InRelease promises. */
    private static FakeMirror consistentMirror() {
        FakeMirror mirror = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        Map<String, List<String>> suites = new LinkedHashMap<>();
        sizes().forEach((path, size) -> {
            mirror.size(path, size);
            String suite = path.split("/")[1];
            suites.computeIfAbsent(suite, s -> new ArrayList<>()).add(" " + "ab".repeat(32) + " " + size + " "
                    + path.substring(("dists/" + suite + "/").length()));
        });
        suites.forEach((suite, lines) -> mirror.content("dists/" + suite + "/InRelease",
                "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nOrigin: Ubuntu\nSuite: " + suite
                        + "\nDate: Sat, 10 Jan 2026 12:00:00 UTC\nSHA256:\n" + String.join("\n", lines)
                        + "\n-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCgAdFiEE\n-----END PGP SIGNATURE-----\n"));
        return mirror;
    }

    /** Every index of the world, with a size of its own. */
    private static Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<String> indexes = ProberWorld.indexes(List.of("amd64", "arm64"), List.of("main", "universe"));
        for (int i = 0; i < indexes.size(); i++) {
            sizes.put(indexes.get(i), 40_000L + 1_000L * i);
        }
        return sizes;
    }

    private static long mails(String subject) {
        return TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject = '" + subject + "'");
    }

    /** The redirect's target and its alternatives for a client in Germany. */
    private static String alternatives(String path) {
        HttpResponse<String> redirect = api.get("/ubuntu/" + path, "X-Forwarded-For", GERMANY);
        assertEquals(302, redirect.statusCode(), redirect.body());
        return redirect.headers().firstValue("Location").orElseThrow() + " "
                + redirect.headers().firstValue("Link").orElse("");
    }
}
