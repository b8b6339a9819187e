package org.mirrorwatch.registry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.errorFields;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.probing.ProberWorld;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.Browser;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.FarmMirrors;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * Maintenance windows against the running server (issue 16): scheduled and cancelled through the API by
 * the owner, refused with field errors when against the rules; a mirror that goes dark in its window is
 * not disabled and nobody is mailed; the first probe after a window that finds it still dark sends the
 * "maintenance overran" mail, once; a healthy mirror in maintenance leaves the client lists.
 */
@Tag("black-box")
class MaintenanceIT {

    private static final String AUTHORIZATION = "Authorization";
    private static final String OWNER = basic("owner", TestLogin.PASSWORD);
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);

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
        smtp.purgeEmailFromAllMailboxes();
        // A second person, who may see the mirrors but not change them.
        TestDatabase.execute("INSERT INTO person (name, display_name, email, mirror_admin, email_verified, password_hash,"
                + " date_created) SELECT 'stranger', 'A Stranger', 'stranger@example.org', false, true, password_hash,"
                + " date_created FROM person WHERE name = 'owner'");
    }

    private static String window(Instant start, Instant end, boolean weekly, String note) {
        return "{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\",\"weekly\":" + weekly + ",\"note\":\""
                + note + "\"}";
    }

    private static long mails(String subject) {
        return TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject = '" + subject + "'");
    }

    @Test
    void theOwnerSchedulesAndCancelsWindows_andWindowsAgainstTheRulesAreRefused() {
        FarmMirrors.register("dark-mirror", farm.newMirror());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tonight = window(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(6)), false, "New disks");

        assertEquals(401, api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance", tonight).statusCode());
        assertEquals(403, api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance", tonight, AUTHORIZATION,
                basic("stranger", TestLogin.PASSWORD)).statusCode());
        HttpResponse<String> created = api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance", tonight,
                AUTHORIZATION, OWNER);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode window = json(created);
        assertEquals("New disks", window.path("note").asText());
        assertEquals("owner", window.path("createdBy").asText());
        assertFalse(window.path("inProgress").asBoolean());
        assertEquals(now.plus(Duration.ofHours(2)), Instant.parse(window.path("nextStart").asText()));

        HttpResponse<String> overlapping = api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance",
                window(now.plus(Duration.ofHours(5)), now.plus(Duration.ofHours(7)), true, "Weekly sync"),
                AUTHORIZATION, OWNER);
        assertEquals(400, overlapping.statusCode());
        assertEquals(List.of("startsAt"), errorFields(overlapping));
        HttpResponse<String> tooLong = api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance",
                window(now, now.plus(Duration.ofDays(15)), false, "Moving"), AUTHORIZATION, OWNER);
        assertEquals(List.of("endsAt"), errorFields(tooLong));
        HttpResponse<String> malformed = api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance",
                "{\"startsAt\":\"tomorrow\",\"endsAt\":\"2026-12-02T02:00:00Z\",\"note\":\"x\"}", AUTHORIZATION, OWNER);
        assertEquals(400, malformed.statusCode());
        assertEquals(List.of("startsAt"), errorFields(malformed));
        assertEquals(400, api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance",
                "{\"startsAt\":\"" + now + "\",\"unknown\":1}", AUTHORIZATION, OWNER).statusCode());
        assertEquals(1, json(api.get("/api/v1/mirrors/dark-mirror/maintenance")).size(), "anyone reads them");

        long id = window.path("id").asLong();
        assertEquals(403, api.send("DELETE", "/api/v1/mirrors/dark-mirror/maintenance/" + id, null, AUTHORIZATION,
                basic("stranger", TestLogin.PASSWORD)).statusCode());
        assertEquals(404, api.send("DELETE", "/api/v1/mirrors/dark-mirror/maintenance/" + (id + 1000), null,
                AUTHORIZATION, OWNER).statusCode());
        assertEquals(204, api.send("DELETE", "/api/v1/mirrors/dark-mirror/maintenance/" + id, null, AUTHORIZATION,
                ADMIN).statusCode());
        assertEquals(0, json(api.get("/api/v1/mirrors/dark-mirror/maintenance")).size());
        assertEquals(List.of("MAINTENANCE_SCHEDULED", "MAINTENANCE_CANCELLED"), TestDatabase.rows(
                "SELECT action FROM audit_event WHERE subject_name = 'dark-mirror' ORDER BY id"));
    }

    @Test
    void aMirrorThatGoesDarkInItsWindow_isNotDisabled_andNobodyIsMailed() {
        FarmMirrors.register("dark-mirror", farm.newMirror());
        Instant now = Instant.now();
        assertEquals(201, api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance", window(now.minusSeconds(60),
                now.plus(Duration.ofHours(1)), false, "Re-syncing from scratch"), AUTHORIZATION, OWNER).statusCode());
        assertTrue(json(api.get("/api/v1/mirrors/dark-mirror/maintenance")).path(0).path("inProgress").asBoolean());

        FarmMirrors.probe(api, "dark-mirror", ADMIN, Duration.ofSeconds(20));
        assertEquals(List.of("t"), TestDatabase.rows("SELECT enabled FROM distribution_mirror WHERE name = 'dark-mirror'"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM mail_outbox"));
    }

    @Test
    void theFirstProbeAfterAWindowThatFindsTheMirrorStillDark_sendsTheOverrunMailOnce() {
        FarmMirrors.register("dark-mirror", farm.newMirror());
        Instant now = Instant.now();
        // A weekly window whose last occurrence ended two hours ago, before the mirror's first probe.
        Instant firstStart = now.minus(Duration.ofDays(7)).minus(Duration.ofHours(3));
        assertEquals(201, api.send("POST", "/api/v1/mirrors/dark-mirror/maintenance", window(firstStart,
                firstStart.plus(Duration.ofHours(1)), true, "Weekly re-sync"), AUTHORIZATION, OWNER).statusCode());

        FarmMirrors.probe(api, "dark-mirror", ADMIN, Duration.ofSeconds(20));
        assertEquals(List.of("f"), TestDatabase.rows("SELECT enabled FROM distribution_mirror WHERE name = 'dark-mirror'"));
        assertEquals(1, mails("Maintenance of dark-mirror overran"));
        assertEquals(0, mails("Verification of dark-mirror failed"));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
        assertTrue(body.contains("The maintenance of your Ubuntu mirror dark-mirror"), body);

        FarmMirrors.probe(api, "dark-mirror", ADMIN, Duration.ofSeconds(20));
        assertEquals(1, mails("Maintenance of dark-mirror overran"), "once");
        assertEquals(0, mails("Verification of dark-mirror failed"), "it was disabled already");
    }

    @Test
    void aHealthyMirrorInMaintenance_leavesTheClientLists_untilTheWindowIsCancelled() {
        FakeMirror healthy = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        FarmMirrors.register("fine-mirror", healthy);
        FarmMirrors.probe(api, "fine-mirror", ADMIN, Duration.ofSeconds(20));
        // The first answers may come from a snapshot of the previous test's data, which may not have this
        // distribution yet: the server rebuilds it within its rebuild delay.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> countryList().contains(healthy.baseUrl()));

        Instant now = Instant.now();
        HttpResponse<String> created = api.send("POST", "/api/v1/mirrors/fine-mirror/maintenance",
                window(now.minusSeconds(60), now.plus(Duration.ofHours(1)), false, "Switching uplinks"),
                AUTHORIZATION, OWNER);
        assertEquals(201, created.statusCode(), created.body());
        await().atMost(Duration.ofSeconds(15)).until(() -> !countryList().contains(healthy.baseUrl()));

        assertEquals(204, api.send("DELETE", "/api/v1/mirrors/fine-mirror/maintenance/" + json(created).path("id").asLong(),
                null, AUTHORIZATION, OWNER).statusCode());
        await().atMost(Duration.ofSeconds(15)).until(() -> countryList().contains(healthy.baseUrl()));
    }

    @Test
    void theOwnerSchedulesAndCancelsAWindowOnTheMirrorPage_andVisitorsSeeTheNextOne() {
        FarmMirrors.register("dark-mirror", farm.newMirror());
        try (Browser browser = Browser.open(SharedServer.get(), 1280, 900)) {
            browser.get("/login.xhtml");
            browser.type("login:name", "owner");
            browser.type("login:password", TestLogin.PASSWORD);
            browser.clickAndWait("login:submit");
            browser.get("/mirror.xhtml?name=dark-mirror");
            assertEquals("No maintenance is planned.", browser.text("#no-maintenance"));

            Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
            browser.type("maintenance:startsAt", start.toString());
            browser.type("maintenance:endsAt", start.minus(Duration.ofHours(1)).toString());
            browser.type("maintenance:note", "New disks");
            browser.clickAndWait("maintenance:schedule");
            assertEquals("The end must come after the start.", browser.text("#maintenance .field-error"));
            assertEquals(0, TestDatabase.count("SELECT count(*) FROM maintenance_window"), "nothing changed");

            browser.type("maintenance:endsAt", start.plus(Duration.ofHours(4)).toString());
            browser.clickAndWait("maintenance:schedule");
            assertTrue(browser.text("#next-maintenance").startsWith("Next maintenance:"), browser.text("#next-maintenance"));
            assertTrue(browser.text("#next-maintenance").endsWith(": New disks"), browser.text("#next-maintenance"));
            assertEquals(1, browser.all("#maintenance\\:windows tbody tr").size());
            assertEquals(List.of(), browser.seriousAccessibilityViolations());

            browser.driver().manage().deleteAllCookies();
            browser.get("/mirror.xhtml?name=dark-mirror");
            assertTrue(browser.text("#next-maintenance").endsWith(": New disks"), "anyone sees it");
            assertTrue(browser.all("#maintenance").isEmpty(), "only the owner and admins get the form");

            browser.get("/login.xhtml");
            browser.type("login:name", "owner");
            browser.type("login:password", TestLogin.PASSWORD);
            browser.clickAndWait("login:submit");
            browser.get("/mirror.xhtml?name=dark-mirror");
            browser.clickAndWait("maintenance:windows:0:cancel");
            assertEquals("No maintenance is planned.", browser.text("#no-maintenance"));
        }
    }

    private static String countryList() {
        HttpResponse<String> list = api.get("/ubuntu/+countrymirrors-archive?country=DE");
        assertEquals(200, list.statusCode(), list.body());
        return list.body();
    }
}
