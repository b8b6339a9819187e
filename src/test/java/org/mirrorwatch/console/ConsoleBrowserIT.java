package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.probing.ProberWorld;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.Browser;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.ScreenshotOnFailure;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in Debian's headless chromium, against the packaged WAR: the walkthroughs of sign-up,
 * registering a mirror, approving it, and following a probe round on the tests' own fake farm; escaping,
 * forged posts, axe-core's accessibility checks, and the narrow layout. No page that any test visits may
 * break the Content-Security-Policy. A failed test leaves a screenshot in target/failures/.
 */
@Tag("black-box")
@ExtendWith(ScreenshotOnFailure.class)
class ConsoleBrowserIT {

    private static final String XSS = "<script>window.xss=1</script>";

    private static SharedServer server;
    private static ApiClient api;
    private static GreenMail smtp;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        api = new ApiClient(server);
        smtp = new GreenMail(new ServerSetup(server.mailPort(), "127.0.0.1", "smtp"));
        smtp.start();
        browser = Browser.open(server, 1280, 900);
    }

    @AfterAll
    static void stop() {
        browser.close();
        smtp.stop();
    }

    @BeforeEach
    void world() throws Exception {
        TestDatabase.reset("access-world", "api-world");
        smtp.purgeEmailFromAllMailboxes();
        browser.driver().manage().deleteAllCookies();
        browser.contentSecurityPolicyViolations();
    }

    @AfterEach
    void noPageVisited_brokeTheContentSecurityPolicy() {
        assertEquals(List.of(), browser.contentSecurityPolicyViolations());
    }

    @Test
    void aNewcomer_signsUp_confirmsByTheMailedLink_andLogsIn() throws Exception {
        browser.get("/signup.xhtml");
        browser.type("signup:name", "erin");
        browser.type("signup:displayName", "Erin Newcomer");
        browser.type("signup:email", "erin@example.org");
        browser.type("signup:password", "a long and private secret");
        browser.clickAndWait("signup:submit");
        assertTrue(browser.text("#signup-done").contains("We sent a link to erin@example.org"));

        assertTrue(smtp.waitForIncomingEmail(2000, 1));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        Matcher link = Pattern.compile("http://localhost:\\d+/verify\\.xhtml\\?token=[A-Za-z0-9_-]+")
                .matcher((String) mail.getContent());
        assertTrue(link.find());
        browser.driver().get(link.group());
        browser.clickAndWait("verify:submit");
        assertTrue(browser.text("#verified").contains("Your address is confirmed"));

        logIn("erin", "a long and private secret");
        assertEquals("erin", browser.text("#me-name"));
    }

    @Test
    void anOwner_registersAMirror_seesABadUrlRefusedBesideItsField_fixesIt_andSaves() {
        logIn("alice", TestLogin.PASSWORD);
        browser.get("/account/mirror.xhtml");
        browser.type("mirror:name", "alice-two");
        new Select(browser.find("[id='mirror:speed']")).selectByValue("S1G");
        new Select(browser.find("[id='mirror:countryCode']")).selectByValue("FR");
        browser.type("mirror:httpBaseUrl", "http://two.example.org/ubuntu/?x=1");
        browser.clickAndWait("mirror:save");

        String error = browser.text("[id='mirror:httpBaseUrl'] ~ .field-error");
        assertTrue(error.contains("query"), error);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM distribution_mirror WHERE name = 'alice-two'"));

        browser.type("mirror:httpBaseUrl", "http://two.example.org/ubuntu");
        browser.clickAndWait("mirror:save");
        assertTrue(browser.text("#notice").contains("Your mirror is registered"));
        assertEquals("alice-two", browser.text("#mirror-title"));
    }

    @Test
    void anAdmin_approvesAMirrorInTheReviewQueue_andItAppearsInThePublicList() {
        assertEquals(201, api.send("POST", "/api/v1/mirrors", "{\"distribution\":\"ubuntu\",\"name\":\"alice-fresh\","
                + "\"speed\":\"S1G\",\"country\":\"FR\",\"content\":\"ARCHIVE\",\"httpBaseUrl\":\"http://fresh.example.org/\","
                + "\"officialCandidate\":true}", "Authorization", basic("alice", TestLogin.PASSWORD)).statusCode());
        browser.get("/?content=archive");
        assertFalse(browser.pageText().contains("alice-fresh"), "a new mirror is not listed");

        logIn("admin", TestLogin.PASSWORD);
        browser.get("/admin/review.xhtml");
        browser.find("#review-alice-fresh");
        browser.screenshot("screenshots/review-queue");
        WebElement card = browser.find("#review-alice-fresh");
        card.findElement(By.cssSelector("input[id$=':whiteboard']")).sendKeys("Synced fine from the primary.");
        browser.clickAndWait(card.findElement(By.cssSelector("input[id$=':submit']")).getAttribute("id"));
        assertTrue(browser.pageText().contains("alice-fresh is now official."), browser.pageText());

        browser.get("/?content=archive");
        assertTrue(browser.pageText().contains("alice-fresh"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM distribution_mirror WHERE name = 'alice-fresh'"
                + " AND enabled AND review_status = 'OFFICIAL' AND reviewer_id IS NOT NULL AND date_reviewed IS NOT NULL"));
    }

    @Test
    void aRoundOnTheTestFarm_showsLiveProgressTo100_andTheMirrorPageShowsItsFreshnessAndChart() {
        TestDatabase.reset("prober-world");
        try (FakeMirrorFarm farm = new FakeMirrorFarm()) {
            FakeMirror mirror = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
            TestDatabase.execute("INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id,"
                    + " content, pulse_type, http_base_url, enabled, official_candidate, review_status, date_created)"
                    + " VALUES (1, 1, 'farm-mirror', 'S1G', (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE',"
                    + " 'PULL', '" + mirror.baseUrl() + "', true, true, 'OFFICIAL', now())");
            logIn("admin", TestLogin.PASSWORD);
            browser.get("/admin/probe.xhtml");
            browser.clickAndWait("start:submit");

            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                    By.cssSelector("#live .live-state"), "DONE"));
            assertEquals("100", browser.find("#live .live-progress").getAttribute("value"));
            assertEquals("1", browser.text("#live .live-done"));
            assertTrue(Integer.parseInt(browser.text("#live .live-requests")) > 0);
            browser.screenshot("screenshots/probe-live");
            assertTrue(mirror.requests() > 0, "the server probed the test's own farm");

            browser.get("/mirror.xhtml?name=farm-mirror");
            assertEquals("Up to date", browser.text("#overall-freshness"));
            assertEquals("just now", browser.text("#last-probed time"));
            String once = browser.text("#probed-once");
            assertTrue(once.startsWith("Probed once, on ") && once.contains(": up to date."), once);
            assertTrue(browser.all("#freshness-chart").isEmpty(), "one probe draws no chart");
            assertFalse(browser.all("#content-matrix td.freshness-UP").isEmpty());

            // A week of earlier probes, as the timer would have made them, gives the chart something to show.
            TestDatabase.execute(FARM_MIRROR_WEEK);
            browser.get("/mirror.xhtml?name=farm-mirror");
            assertEquals(7, browser.all("#freshness-chart g.bar").size());
            browser.executeScript("document.querySelector('.legend').scrollIntoView({block: 'end'})");
            browser.screenshot("screenshots/mirror-page");
        }
    }

    /**
     * Six daily snapshots of farm-mirror before its real probe, with as many content records as that one
     * found: a quarter of them an hour behind five days ago, three quarters behind three days ago (two by
     * days), all unknown two days ago.
     */
    private static final String FARM_MIRROR_WEEK = """
            INSERT INTO mirror_freshness_snapshot (distribution_mirror_id, date_created, overall, up, one_hour_behind,
                two_hours_behind, six_hours_behind, one_day_behind, two_days_behind, one_week_behind, unknown)
            SELECT s.distribution_mirror_id, s.date_created - w.age, w.overall,
                   t.total - ceil(t.total * w.hours / 4.0) - ceil(t.total * w.days / 4.0) - ceil(t.total * w.unknown / 4.0),
                   ceil(t.total * w.hours / 4.0), 0, 0, ceil(t.total * w.days / 4.0), 0, 0, ceil(t.total * w.unknown / 4.0)
            FROM mirror_freshness_snapshot s
            CROSS JOIN LATERAL (SELECT s.up + s.one_hour_behind + s.two_hours_behind + s.six_hours_behind
                                       + s.one_day_behind + s.two_days_behind + s.one_week_behind + s.unknown AS total) t
            CROSS JOIN (VALUES (interval '6 days', 'UP', 0, 0, 0), (interval '5 days', 'ONEHOURBEHIND', 1, 0, 0),
                               (interval '4 days', 'UP', 0, 0, 0), (interval '3 days 4 hours', 'ONEDAYBEHIND', 1, 2, 0),
                               (interval '2 days', 'UNKNOWN', 0, 0, 4), (interval '1 day', 'UP', 0, 0, 0))
                 AS w (age, overall, hours, days, unknown)
            WHERE s.distribution_mirror_id = (SELECT id FROM distribution_mirror WHERE name = 'farm-mirror')
            """;

    @Test
    void anAdmin_actsOnAMirror_editsTheManifest_andFiltersTheAuditTrail() {
        TestDatabase.recordProbe("alice-mirror");
        logIn("admin", TestLogin.PASSWORD);

        browser.get("/admin/mirror.xhtml?name=alice-mirror");
        browser.type("actions:owner", "bob");
        browser.clickAndWait("actions:reassign");
        assertTrue(browser.pageText().contains("The mirror now belongs to bob."), browser.pageText());
        browser.clickAndWait("actions:designate");
        assertTrue(browser.pageText().contains("It is now the country DNS mirror."), browser.pageText());
        browser.clickAndWait("actions:delete");
        assertTrue(browser.pageText().contains("has been probed, so its history is kept"), browser.pageText());

        browser.get("/admin/mirror.xhtml?name=bob-unofficial");
        browser.clickAndWait("actions:delete");
        assertTrue(browser.text("#notice").contains("bob-unofficial is deleted."));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM distribution_mirror m JOIN person p ON p.id = m.owner_id"
                + " WHERE m.name = 'alice-mirror' AND p.name = 'bob' AND m.country_dns_mirror"));

        browser.get("/admin/manifest.xhtml");
        // A typed tab would move the focus; the field gets its text as a paste would give it.
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('manifest:text').value ="
                + " arguments[0];", "ubuntu\tnoble\tnoble/a.iso\t1\nnot a manifest line\n");
        browser.clickAndWait("manifest:save");
        assertTrue(browser.pageText().contains("Line 2:"), browser.pageText());
        assertFalse(browser.pageText().contains("Line 1:"), "the good line is not reported");

        browser.get("/admin/trace.xhtml");
        new Select(browser.find("[id='trace:format']")).selectByValue("DEBIAN");
        browser.type("trace:path", "../project/trace/master");
        browser.type("trace:syncMarker", "Archive-Update-in-Progress-{host}");
        browser.clickAndWait("trace:save");
        assertTrue(browser.text(".field-error").contains("Enter the trace file's path"), browser.pageText());
        assertEquals(List.of("NONE"), TestDatabase.rows("SELECT trace_format FROM distribution WHERE name = 'ubuntu'"));
        browser.type("trace:path", "project/trace/ftp-master.debian.org");
        browser.clickAndWait("trace:save");
        assertTrue(browser.pageText().contains("Stored: DEBIAN trace at project/trace/ftp-master.debian.org"),
                browser.pageText());
        assertEquals(List.of("DEBIAN project/trace/ftp-master.debian.org Archive-Update-in-Progress-{host}"),
                TestDatabase.rows("SELECT trace_format || ' ' || trace_path || ' ' || sync_marker FROM distribution"
                        + " WHERE name = 'ubuntu'"));

        browser.get("/admin/audit.xhtml?action=MIRROR_OWNER_CHANGED");
        List<String> rows = browser.all("#audit tbody tr").stream().map(row -> row.getText()).toList();
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("alice-mirror") && rows.get(0).contains("\"owner\":\"bob\""), rows.get(0));
    }

    @Test
    void theFirstAdministrator_setsUpMirrorwatchWithTheTokenFromTheLog_andGivesAnOwnerARole() {
        TestDatabase.execute("UPDATE person SET mirror_admin = false");
        long logStart = server.logLength();
        browser.get("/setup.xhtml");
        browser.find("main");
        List<String> problems = new ArrayList<>(browser.seriousAccessibilityViolations().stream()
                .map(v -> "/setup.xhtml: " + v).toList());
        browser.type("setup:token", server.setupTokenLoggedSince(logStart));
        browser.type("setup:name", "root");
        browser.type("setup:displayName", "Root Admin");
        browser.type("setup:email", "root@example.org");
        browser.type("setup:password", "the first admin's secret");
        browser.clickAndWait("setup:submit");
        assertTrue(browser.text("#setup-done").contains("Root Admin (root) is a mirror administrator now"));

        logIn("root", "the first admin's secret");
        browser.get("/admin/people.xhtml?q=alice");
        browser.find("#person-alice");
        problems.addAll(browser.seriousAccessibilityViolations().stream().map(v -> "/admin/people.xhtml: " + v).toList());
        browser.clickAndWait("people:list:0:publisher");
        assertTrue(browser.pageText().contains("alice is now an archive publisher."), browser.pageText());
        assertTrue(browser.text("#person-alice .roles").contains("Archive publisher"));
        browser.screenshot("screenshots/people");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'ROLE_GRANTED'"
                + " AND actor_name = 'root' AND subject_name = 'alice'"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTextThatPeopleEnter_comesBackEscaped() {
        TestDatabase.execute("UPDATE distribution_mirror SET display_name = '" + XSS + "', description = '" + XSS
                + "', whiteboard = '" + XSS + "' WHERE name IN ('alice-mirror', 'alice-pending')");
        TestDatabase.execute("UPDATE person SET display_name = '" + XSS + "' WHERE name = 'alice'");
        TestDatabase.execute("INSERT INTO api_token (person_id, name, token_hash, prefix, date_created, expires_at)"
                + " VALUES ((SELECT id FROM person WHERE name = 'alice'), '" + XSS + "', repeat('a', 64), 'mw_x', now(),"
                + " now() + interval '1 day')");
        TestDatabase.execute("INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, subject_type,"
                + " subject_name, after_state) VALUES (now(), 1, 'admin', 'MIRROR_EDITED', 'mirror', '" + XSS + "', '"
                + XSS + "')");
        List<String> pages = new ArrayList<>(List.of("/?content=archive", "/?content=release",
                "/mirror.xhtml?name=alice-mirror"));
        assertNoScriptRan(pages);
        logIn("alice", TestLogin.PASSWORD);
        assertNoScriptRan(List.of("/account/", "/account/mirrors.xhtml", "/account/mirror.xhtml?name=alice-mirror"));
        logIn("admin", TestLogin.PASSWORD);
        assertNoScriptRan(List.of("/admin/review.xhtml", "/admin/audit.xhtml", "/admin/mirror.xhtml?name=alice-pending",
                "/admin/people.xhtml"));
    }

    @Test
    void aPostWithoutAValidViewState_isRefused_andChangesNothing() {
        HttpResponse<String> forged = api.send("POST", "/signup.xhtml", "signup=signup&signup%3Aname=mallory"
                + "&signup%3AdisplayName=Mallory&signup%3Aemail=mallory%40example.org&signup%3Apassword=a+long+secret+phrase"
                + "&signup%3Asubmit=Sign+up&jakarta.faces.ViewState=forged", "Content-Type",
                "application/x-www-form-urlencoded");

        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("This form has expired"), forged.body());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'mallory'"));
    }

    @Test
    void everyPage_andEveryErrorPage_keepsToTheContentSecurityPolicy() {
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/", "/?content=release", "/mirror.xhtml?name=alice-mirror", "/overview.xhtml",
                "/login.xhtml", "/signup.xhtml", "/reset-password.xhtml", "/reset-password.xhtml?token=unknown",
                "/verify.xhtml?token=unknown", "/no-such-page.xhtml")) {
            problems.addAll(cspViolations(page));
        }
        // The plain page of an unexpected failure: the list cannot read its countries.
        SharedServer.get().deliberateFailure(() ->
                TestDatabase.whileTableIsMissing("country", () -> problems.addAll(cspViolations("/"))));
        // The post of an attacking page: a console form with a forged view state.
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/signup.xhtml';
                form.innerHTML = '<input name="signup" value="signup"><input name="jakarta.faces.ViewState" value="x">';
                document.body.appendChild(form);
                form.submit();
                """);
        browser.find("#expired");
        problems.addAll(browser.contentSecurityPolicyViolations().stream().map(v -> "expired page: " + v).toList());
        logIn("alice", TestLogin.PASSWORD);
        for (String page : List.of("/account/", "/account/mirrors.xhtml", "/account/mirror.xhtml",
                "/account/mirror.xhtml?name=alice-mirror", "/admin/probe.xhtml")) {
            problems.addAll(cspViolations(page));
        }
        logIn("admin", TestLogin.PASSWORD);
        for (String page : List.of("/admin/review.xhtml", "/admin/review.xhtml?list=disabled", "/admin/probe.xhtml",
                "/admin/manifest.xhtml", "/admin/trace.xhtml", "/admin/audit.xhtml",
                "/admin/mirror.xhtml?name=alice-mirror", "/admin/people.xhtml")) {
            problems.addAll(cspViolations(page));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void axeCore_findsNoSeriousOrCriticalViolation_onAnyPage() {
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/", "/?content=release", "/mirror.xhtml?name=alice-mirror", "/overview.xhtml",
                "/login.xhtml", "/signup.xhtml", "/reset-password.xhtml")) {
            problems.addAll(violations(page));
        }
        logIn("alice", TestLogin.PASSWORD);
        for (String page : List.of("/account/", "/account/mirrors.xhtml", "/account/mirror.xhtml")) {
            problems.addAll(violations(page));
        }
        logIn("admin", TestLogin.PASSWORD);
        for (String page : List.of("/admin/review.xhtml", "/admin/probe.xhtml", "/admin/manifest.xhtml",
                "/admin/trace.xhtml", "/admin/audit.xhtml", "/admin/mirror.xhtml?name=alice-mirror",
                "/admin/people.xhtml")) {
            problems.addAll(violations(page));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void at390PixelsWide_theListTheMirrorPageAndTheProbePage_doNotScrollSideways() {
        browser.get("/");
        browser.screenshot("screenshots/mirror-list");
        try (Browser phone = Browser.open(server, 390, 844)) {
            for (String page : List.of("/", "/mirror.xhtml?name=alice-mirror")) {
                phone.get(page);
                phone.find("main");
                assertFalse(phone.scrollsSideways(), page + " scrolls sideways at 390 px");
            }
            phone.get("/login.xhtml");
            phone.type("login:name", "admin");
            phone.type("login:password", TestLogin.PASSWORD);
            phone.clickAndWait("login:submit");
            for (String page : List.of("/admin/probe.xhtml", "/admin/people.xhtml")) {
                phone.get(page);
                phone.find("main");
                assertFalse(phone.scrollsSideways(), page + " scrolls sideways at 390 px");
            }
            assertEquals(List.of(), phone.contentSecurityPolicyViolations());
        }
    }

    private List<String> violations(String page) {
        browser.get(page);
        browser.find("main");
        return browser.seriousAccessibilityViolations().stream().map(v -> page + ": " + v).toList();
    }

    private List<String> cspViolations(String page) {
        browser.get(page);
        browser.find("main");
        return browser.contentSecurityPolicyViolations().stream().map(v -> page + ": " + v).toList();
    }

    private void assertNoScriptRan(List<String> pages) {
        for (String page : pages) {
            browser.get(page);
            browser.find("main");
            assertNull(((JavascriptExecutor) browser.driver()).executeScript("return window.xss;"), page);
            assertFalse(browser.driver().getPageSource().contains(XSS), page + " shows the text unescaped");
        }
    }

    private void logIn(String name, String password) {
        browser.driver().manage().deleteAllCookies();
        browser.get("/login.xhtml");
        browser.type("login:name", name);
        browser.type("login:password", password);
        browser.clickAndWait("login:submit");
    }
}
