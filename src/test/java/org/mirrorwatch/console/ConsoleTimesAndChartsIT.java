package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.Browser;
import org.mirrorwatch.testing.ScreenshotOnFailure;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's times and charts in headless chromium. The shared server runs on the real clock, so the
 * times these tests write are relative to the database's now ("5 hours 10 minutes ago"), and each expected
 * text holds for a wide margin around that age (here "5 hours ago" from 4.5 to 5.5 hours): it cannot fail on
 * a slow machine, and a raw instant, an exact time or a clock in another zone cannot pass. The charts are
 * checked on api-world's two probes of alice-mirror, whose dates are fixed.
 */
@Tag("black-box")
@ExtendWith(ScreenshotOnFailure.class)
class ConsoleTimesAndChartsIT {

    /** How the server writes a time's tooltip when no script puts it in the reader's zone. */
    private static final DateTimeFormatter EXACT_UTC = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Pattern ISO_INSTANT_WITH_FRACTION = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[\\d:]+\\.\\d+Z");

    private static SharedServer server;
    private static ApiClient api;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        api = new ApiClient(server);
        browser = Browser.open(server, 1280, 900);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world", "api-world");
        browser.driver().manage().deleteAllCookies();
        browser.contentSecurityPolicyViolations();
    }

    @AfterEach
    void noPageVisited_brokeTheContentSecurityPolicy() {
        assertEquals(List.of(), browser.contentSecurityPolicyViolations());
    }

    @Test
    void theMirrorPage_saysWhenItWasProbedRelativeToNow_withTheExactUtcTimeInTheTooltip() {
        Instant newest = probeAliceMirror("5 hours 10 minutes");
        probeAliceMirror("3 days 1 hour");

        // Without script, as a reader without it gets the page: the tooltip is the exact time in UTC.
        String html = api.get("/mirror.xhtml?name=alice-mirror").body();
        Matcher lastProbed = Pattern.compile("<dd id=\"last-probed\">\\s*<time datetime=\"([^\"]+)\""
                + " title=\"([^\"]+)\">([^<]+)</time>\\s*</dd>").matcher(html);
        assertTrue(lastProbed.find(), html);
        assertEquals(newest.truncatedTo(ChronoUnit.SECONDS).toString(), lastProbed.group(1));
        assertEquals(EXACT_UTC.format(newest), lastProbed.group(2));
        assertEquals("5 hours ago", lastProbed.group(3));
        assertFalse(ISO_INSTANT_WITH_FRACTION.matcher(html).find(), "no raw instant is left on the page");

        browser.get("/mirror.xhtml?name=alice-mirror");
        assertEquals("5 hours ago", browser.text("#last-probed time"));
        List<WebElement> probes = browser.all("#probes li time");
        assertEquals(List.of("5 hours ago", "3 days ago"), probes.subList(0, 2).stream().map(WebElement::getText).toList());
        // api-world's probe of 10 Jan 2026, as old as the server's clock makes it.
        assertEquals("2026-01-10T12:00:00Z", probes.get(2).getAttribute("datetime"));
        assertTrue(probes.get(2).getText().endsWith(" ago"), probes.get(2).getText());
    }

    @Test
    void theTooltip_isPutInTheReadersOwnTimeZone_byScript() {
        Instant newest = probeAliceMirror("2 hours 20 minutes");
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", kolkata.getId()));
        try {
            browser.get("/mirror.xhtml?name=alice-mirror");
            String title = browser.find("#last-probed time").getAttribute("title");

            assertTrue(title.contains("GMT+5:30"), title);
            assertTrue(title.contains(DateTimeFormatter.ofPattern("hh:mm").format(newest.atZone(kolkata))), title);
            assertFalse(title.contains("UTC"), title);
        } finally {
            browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void anOwnersMirrorsAndTokens_andAnAdminsAuditTrailAndRounds_sayTheirTimesRelativeToNow() {
        Instant probed = probeAliceMirror("5 hours 10 minutes");
        TestDatabase.execute("INSERT INTO api_token (person_id, name, token_hash, prefix, date_created, expires_at)"
                + " VALUES ((SELECT id FROM person WHERE name = 'alice'), 'relative-times token', repeat('b', 64),"
                + " 'mw_rel', now() - interval '2 hours 5 minutes', now() + interval '20 days 3 hours')");
        TestDatabase.execute("INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, subject_type,"
                + " subject_name) VALUES (now() - interval '7 hours 5 minutes', 1, 'admin', 'MIRROR_EDITED', 'mirror',"
                + " 'relative-times-mirror')");
        TestDatabase.execute("INSERT INTO probe_run (content, trigger, state, started, finished, mirrors_total,"
                + " mirrors_done, requests, failures) VALUES ('ARCHIVE', 'MANUAL', 'DONE', now() - interval '7 hours 5 minutes',"
                + " now() - interval '6 hours 58 minutes', 3, 3, 120, 0)");
        List<String> problems = new ArrayList<>();

        logIn("alice");
        browser.get("/account/mirrors.xhtml");
        assertEquals("5 hours ago", row("#my-mirrors", "alice-mirror").findElement(By.tagName("time")).getText());
        assertEquals(probed.truncatedTo(ChronoUnit.SECONDS).toString(),
                row("#my-mirrors", "alice-mirror").findElement(By.tagName("time")).getAttribute("datetime"));
        assertTrue(row("#my-mirrors", "alice-pending").getText().contains("never"));
        problems.addAll(accessibility("/account/mirrors.xhtml"));

        browser.get("/account/");
        List<String> token = row("[id='tokens:list']", "relative-times token").findElements(By.tagName("td")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("2 hours ago", "in 20 days", "never"), token.subList(3, 6), token.toString());
        problems.addAll(accessibility("/account/"));

        logIn("admin");
        browser.get("/admin/audit.xhtml");
        assertEquals("7 hours ago", row("#audit", "relative-times-mirror").findElement(By.tagName("time")).getText());
        problems.addAll(accessibility("/admin/audit.xhtml"));

        browser.get("/admin/probe.xhtml");
        assertEquals("7 hours ago", browser.find("[id='rounds'] tbody tr time").getText());
        assertEquals("Started 7 hours ago, finished 7 hours ago.", browser.text("#live .when"));
        assertEquals(EXACT_UTC.format(TestDatabase.instant("SELECT finished FROM probe_run")),
                api.get("/admin/probe.xhtml", "Cookie", sessionCookie()).body()
                        .replaceAll("(?s).*, finished <time[^>]* title=\"([^\"]+)\".*", "$1"));
        problems.addAll(accessibility("/admin/probe.xhtml"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theMirrorChart_hasATimeAxisAValueScaleATooltipPerBar_andSaysItInWords() {
        browser.get("/mirror.xhtml?name=alice-mirror");
        WebElement chart = browser.find("#freshness-chart");

        assertEquals("img", chart.getAttribute("role"));
        assertEquals("freshness-chart-summary", chart.getAttribute("aria-describedby"));
        assertEquals("2 probes, from 9 Jan 2026, 12:00 UTC to 10 Jan 2026, 12:00 UTC. Overall up to date once,"
                + " two hours behind once. The newest found, of 3 content records: 2 up to date, 1 behind by hours.",
                browser.text("#freshness-chart-summary"));
        assertEquals(List.of("9 Jan 2026, 12:00 UTC — Up to date overall; of 3 content records: 3 up to date",
                "10 Jan 2026, 12:00 UTC — Two hours behind overall; of 3 content records: 2 up to date, 1 behind by hours"),
                texts("#freshness-chart g.bar > title"));
        assertEquals(List.of("content records", "times in UTC"), texts("#freshness-chart .axis-title"));
        assertEquals(List.of("0", "1", "2", "3"), texts("#freshness-chart .value-axis text"));
        assertEquals(List.of("12:00", "18:00", "00:00", "06:00", "12:00"), texts("#freshness-chart .ticks-wide .label"));
        assertEquals(List.of("9 Jan", "", "10 Jan", "", ""), texts("#freshness-chart .ticks-wide .context"));
        assertTrue(browser.find("#freshness-chart .ticks-wide text").isDisplayed());
        assertFalse(browser.all("#freshness-chart .ticks-narrow text").get(0).isDisplayed(), "a desktop gets the wide ticks");

        // The table, behind its disclosure, gives the same figures.
        browser.find("#main details summary").click();
        List<WebElement> rows = browser.all("#freshness-chart-table tbody tr");
        assertEquals(2, rows.size());
        assertEquals("2026-01-09T12:00:00Z", rows.get(0).findElement(By.tagName("time")).getAttribute("datetime"));
        assertEquals("10 Jan 2026, 12:00 UTC Two hours behind 2 1 0 0 3", rows.get(1).getText());
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
    }

    @Test
    void aMirrorProbedOnce_saysSoInASentence_insteadOfDrawingOneBar() {
        TestDatabase.execute("INSERT INTO mirror_freshness_snapshot (distribution_mirror_id, date_created, overall, up,"
                + " one_hour_behind, two_hours_behind, six_hours_behind, one_day_behind, two_days_behind,"
                + " one_week_behind, unknown) SELECT id, '2026-01-10 12:00:00+00', 'ONEWEEKBEHIND', 0, 0, 0, 0, 0, 0, 3, 0"
                + " FROM distribution_mirror WHERE name = 'bob-mirror'");

        browser.get("/mirror.xhtml?name=bob-mirror");

        assertEquals("Probed once, on 10 Jan 2026, 12:00 UTC: one week behind. Of its 3 content records: 3 behind"
                + " by days.", browser.text("#probed-once"));
        assertEquals("2026-01-10T12:00:00Z", browser.find("#probed-once time").getAttribute("datetime"));
        assertTrue(browser.all("#freshness-chart").isEmpty(), "no chart of one bar");
    }

    @Test
    void theOverviewChart_putsTheLast30DaysOnADatedAxis_withATooltipPerDay() {
        addOverviewHistory();
        List<String> days = TestDatabase.instants("SELECT DISTINCT date_trunc('day', date_created AT TIME ZONE 'UTC')"
                + " AT TIME ZONE 'UTC' FROM mirror_freshness_snapshot WHERE date_created > now() - interval '30 days'"
                + " ORDER BY 1").stream().map(DAY::format).toList();

        browser.get("/overview.xhtml");
        browser.find("#trend-chart");
        assertEquals(List.of(days.get(0) + "; of 1 mirror: 1 behind by hours",
                days.get(1) + "; of 2 mirrors: 1 up to date, 1 behind by days"), texts("#trend-chart g.bar > title"));
        assertEquals("trend-chart-summary", browser.find("#trend-chart").getAttribute("aria-describedby"));
        assertTrue(browser.text("#trend-chart-summary").startsWith("Mirrors probed on 2 days from "),
                browser.text("#trend-chart-summary"));
        assertEquals(List.of("0", "1", "2"), texts("#trend-chart .value-axis text"));
        List<String> ticks = texts("#trend-chart .ticks-wide .label");
        assertTrue(ticks.size() >= 4 && ticks.stream().allMatch(t -> t.matches("\\d{1,2} [A-Z][a-z]{2}")),
                "weekly dated ticks: " + ticks);
        assertTrue(texts("#trend-chart .ticks-wide .context").get(0).matches("\\d{4}"), "the first tick names the year");
        assertEquals(List.of(), browser.seriousAccessibilityViolations());

        // A month of probes of four mirrors fills every day but today and the first.
        addAMonthOfHistory();
        browser.get("/overview.xhtml");
        assertEquals(29, browser.all("#trend-chart g.bar").size());
        browser.executeScript("document.getElementById('trend-title').scrollIntoView()");
        browser.screenshot("screenshots/overview");
    }

    @Test
    void at390PixelsWide_theChartsFit_withFewerTimeTicks() {
        addOverviewHistory();
        try (Browser phone = Browser.open(server, 390, 844)) {
            for (String page : List.of("/mirror.xhtml?name=alice-mirror", "/overview.xhtml")) {
                phone.get(page);
                WebElement chart = phone.find("svg.chart");
                phone.executeScript("arguments[0].scrollIntoView()", chart);
                phone.screenshot("screenshots/390-" + page.replaceAll("\\W+", "-"));
                assertFalse(phone.scrollsSideways(), page + " scrolls sideways at 390 px");
                assertTrue(chart.findElement(By.cssSelector(".ticks-narrow text")).isDisplayed(), page);
                assertFalse(chart.findElement(By.cssSelector(".ticks-wide text")).isDisplayed(), page);
                assertTrue(chart.findElements(By.cssSelector(".ticks-narrow text")).size()
                        <= FreshnessChart.NARROW_TICKS, page);
            }
            assertEquals(List.of(), phone.contentSecurityPolicyViolations());
        }
    }

    /** Three days with snapshots: alice-mirror ten days ago; alice-mirror and bob-mirror three days ago. */
    private static void addOverviewHistory() {
        TestDatabase.execute("INSERT INTO mirror_freshness_snapshot (distribution_mirror_id, date_created, overall, up,"
                + " one_hour_behind, two_hours_behind, six_hours_behind, one_day_behind, two_days_behind,"
                + " one_week_behind, unknown) SELECT m.id, now() - s.age, s.overall, s.up, s.hours, 0, 0, s.days, 0, 0, 0"
                + " FROM distribution_mirror m JOIN (VALUES ('alice-mirror', interval '10 days', 'ONEHOURBEHIND', 2, 1, 0),"
                + " ('alice-mirror', interval '3 days', 'UP', 3, 0, 0), ('bob-mirror', interval '3 days', 'ONEDAYBEHIND', 1, 0, 2))"
                + " AS s (mirror, age, overall, up, hours, days) ON m.name = s.mirror");
    }

    /**
     * A snapshot a day, at noon, for the 29 days before today (as far back as the 30-day window always
     * reaches) of alice-mirror, bob-mirror, bob-de and bob-unofficial: mostly up to date, now and then behind
     * or unknown.
     */
    private static void addAMonthOfHistory() {
        TestDatabase.execute("""
                INSERT INTO mirror_freshness_snapshot (distribution_mirror_id, date_created, overall, up, one_hour_behind,
                    two_hours_behind, six_hours_behind, one_day_behind, two_days_behind, one_week_behind, unknown)
                SELECT m.id, date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => d.n)
                           + interval '12 hours',
                       (ARRAY['UP', 'UP', 'UP', 'ONEHOURBEHIND', 'UP', 'ONEDAYBEHIND', 'UP', 'UNKNOWN'])[((m.id + d.n) % 8)::int + 1],
                       1, 0, 0, 0, 0, 0, 0, 0
                FROM distribution_mirror m CROSS JOIN generate_series(1, 29) AS d (n)
                WHERE m.name IN ('alice-mirror', 'bob-mirror', 'bob-de', 'bob-unofficial')
                """);
    }

    /** A probe record of alice-mirror this long before the database's now, e.g. "5 hours 10 minutes"; its time. */
    private static Instant probeAliceMirror(String age) {
        TestDatabase.execute("INSERT INTO library_file (filename, mime_type, content_length, sha256, content, date_created)"
                + " VALUES ('relative-times.log', 'text/plain', 1, repeat('0', 64), convert_to('x', 'UTF8'), now())");
        TestDatabase.execute("INSERT INTO mirror_probe_record (distribution_mirror_id, log_file_id, date_created)"
                + " SELECT m.id, (SELECT max(id) FROM library_file), now() - interval '" + age + "'"
                + " FROM distribution_mirror m WHERE m.name = 'alice-mirror'");
        return TestDatabase.instant("SELECT date_created FROM mirror_probe_record"
                + " WHERE log_file_id = (SELECT max(id) FROM library_file)");
    }

    /** Every matching element's text, hidden ones included (an SVG title is never displayed). */
    private static List<String> texts(String cssSelector) {
        return browser.all(cssSelector).stream().map(element -> element.getAttribute("textContent").strip()).toList();
    }

    /** The row of the table that mentions this name. */
    private static WebElement row(String table, String name) {
        browser.find(table);
        return browser.all(table + " tbody tr").stream().filter(row -> row.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + table));
    }

    private static List<String> accessibility(String page) {
        return browser.seriousAccessibilityViolations().stream().map(v -> page + ": " + v).toList();
    }

    private static String sessionCookie() {
        return browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
    }

    private static void logIn(String name) {
        browser.driver().manage().deleteAllCookies();
        browser.get("/login.xhtml");
        browser.type("login:name", name);
        browser.type("login:password", TestLogin.PASSWORD);
        browser.clickAndWait("login:submit");
    }
}
