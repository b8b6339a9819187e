package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.mirrorwatch.testing.Browser;
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
 * The console's reading screens in Debian's headless chromium, in ConsoleBrowserIT's style: a mirror's
 * content as a matrix of suites and architectures with a summary of what lags, the probe page's live panel
 * following several running rounds at once, and the mirror list sorted by freshness, speed or last probe and
 * paged. Each page is checked with axe-core and at 390 px; none may break the Content-Security-Policy.
 */
@Tag("black-box")
@ExtendWith(ScreenshotOnFailure.class)
class ConsoleMatrixBrowserIT {

    private static final Pattern MIRROR_LINK = Pattern.compile("mirror\\.xhtml\\?name=([a-z0-9.+-]+)\"");
    private static final Pattern NEXT_LINK = Pattern.compile("href=\"\\?([^\"]+)\" id=\"next-page\"");

    private static SharedServer server;
    private static Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = SharedServer.get();
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

    // --- a mirror's content as a matrix ---------------------------------------------------------------

    @Test
    void aMirrorPage_showsItsSuitesByArchitecture_eachCellInWords_andSummarisesWhatLags() {
        browser.get("/mirror.xhtml?name=alice-mirror");

        assertEquals(List.of("Suite", "amd64", "source"), texts("#content-matrix thead th"));
        assertEquals(List.of("noble", "noble-updates"), texts("#content-matrix tbody th[scope='row']"));
        assertEquals("Freshness by suite and architecture", browser.text("#content-matrix caption"));
        assertCell("noble", "amd64", "Up to date", "freshness-UP");
        assertCell("noble", "source", "Up to date", "freshness-UP");
        assertCell("noble-updates", "amd64", "Two hours behind", "freshness-TWOHOURSBEHIND");
        assertCell("noble-updates", "source", "not carried", "not-carried");
        assertEquals(List.of("noble-updates amd64: two hours behind"), texts("#content-behind li"));
        assertEquals("noble-updates amd64: main two hours behind", cell("noble-updates", "amd64").getAttribute("title"));
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
    }

    @Test
    void aMirrorUpToDateEverywhere_saysSo() {
        TestDatabase.execute("UPDATE mirror_distro_arch_release SET freshness = 'UP'");
        browser.get("/mirror.xhtml?name=alice-mirror");

        assertEquals("Everything is up to date.", browser.text("#content-summary"));
        assertTrue(browser.all("#content-behind").isEmpty());
    }

    @Test
    void aWideMatrix_saysTheStalestFirst_aLinePerSuiteThatLagsAlike_thenHowManyMore_andScrollsInItsOwnBox() {
        TestDatabase.reset("access-world", "api-world", "content-matrix");
        browser.get("/mirror.xhtml?name=bob-de");

        assertEquals(List.of("Suite", "amd64", "arm64", "armhf", "i386", "ppc64el", "riscv64", "s390x", "source"),
                texts("#content-matrix thead th"));
        assertEquals(List.of("noble", "noble-updates", "noble-security", "noble-proposed"),
                texts("#content-matrix tbody th[scope='row']"));
        assertEquals(List.of("noble s390x: freshness unknown", "noble-proposed, every architecture: one week behind",
                "noble-updates source: two days behind (main)",
                "noble-updates, every architecture: one day behind (universe)", "noble-security armhf: six hours behind",
                "and 3 more cells"), texts("#content-behind li"));
        WebElement mixed = cell("noble-updates", "arm64");
        assertTrue(mixed.getAttribute("class").contains("freshness-ONEDAYBEHIND"));
        assertEquals(List.of("main: Up to date", "restricted: Up to date", "universe: One day behind"),
                mixed.findElements(By.cssSelector("ul.components li")).stream().map(WebElement::getText).toList());
        assertTrue(cell("noble-proposed", "arm64").findElements(By.cssSelector("ul.components")).isEmpty(),
                "a cell whose components agree lists none");
        assertCell("noble", "s390x", "Unknown", "freshness-UNKNOWN");
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('content-title').scrollIntoView();");
        browser.screenshot("screenshots/content-matrix");

        try (Browser phone = Browser.open(server, 390, 844)) {
            phone.get("/mirror.xhtml?name=bob-de");
            phone.find("#content-matrix");
            assertFalse(phone.scrollsSideways(), "the mirror page scrolls sideways at 390 px");
            assertTrue((Boolean) ((JavascriptExecutor) phone.driver()).executeScript("const box ="
                    + " document.getElementById('content-matrix').parentElement;"
                    + " return box.scrollWidth > box.clientWidth;"), "the matrix scrolls inside its own box");
            assertEquals(List.of(), phone.contentSecurityPolicyViolations());
        }
    }

    // --- every running probe round, live ----------------------------------------------------------------

    @Test
    void theProbePage_followsEveryRunningRound_archiveFirst_andAddsOneThatStartsMeanwhile() {
        TestDatabase.execute("INSERT INTO probe_run (content, trigger, state, started, finished, mirrors_total,"
                + " mirrors_done, requests, failures) VALUES"
                + " ('ARCHIVE', 'TIMER', 'DONE', now() - interval '2 hours', now() - interval '110 minutes', 3, 3, 300, 0),"
                + " ('ARCHIVE', 'MANUAL', 'RUNNING', now() - interval '1 minute', NULL, 4, 1, 120, 2),"
                + " ('RELEASE', 'MANUAL', 'RUNNING', now() - interval '10 seconds', NULL, 0, 0, 0, 0)");
        long archive = TestDatabase.count("SELECT id FROM probe_run WHERE content = 'ARCHIVE' AND state = 'RUNNING'");
        long release = TestDatabase.count("SELECT id FROM probe_run WHERE content = 'RELEASE'");
        logIn("admin");
        browser.get("/admin/probe.xhtml");

        assertEquals(List.of(archive, release), panels());
        assertEquals("RUNNING", browser.text("#live-" + archive + " .live-state"));
        assertEquals("25", browser.find("#live-" + archive + " .live-progress").getAttribute("value"));
        assertEquals("0", browser.find("#live-" + release + " .live-progress").getAttribute("value"));
        assertEquals("CD images", browser.text("#live-" + release + " .live-kind"));
        assertEquals(List.of(), browser.seriousAccessibilityViolations());

        TestDatabase.execute("UPDATE probe_run SET mirrors_done = 3, requests = 400, current_mirror = 'bob-mirror'"
                + " WHERE id = " + archive);
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                By.cssSelector("#live-" + archive + " .live-done"), "3"));
        assertEquals("75", browser.find("#live-" + archive + " .live-progress").getAttribute("value"));
        assertEquals("400", browser.text("#live-" + archive + " .live-requests"));
        assertEquals("bob-mirror", browser.text("#live-" + archive + " .live-current"),
                "the script reads the rounds as the administrator it is");

        TestDatabase.execute("INSERT INTO probe_run (content, trigger, state, started, mirrors_total) VALUES"
                + " ('ARCHIVE', 'MIRROR', 'RUNNING', now(), 1)");
        long probeNow = TestDatabase.count("SELECT max(id) FROM probe_run");
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("live-" + probeNow)));
        assertEquals(List.of(archive, probeNow, release), panels());
        assertEquals("archive, one mirror", browser.text("#live-" + probeNow + " .live-kind"));
        assertEquals("Mirrors probed in round " + probeNow,
                browser.find("#live-" + probeNow + " .live-progress").getAttribute("aria-label"));
        browser.screenshot("screenshots/probe-live-rounds");

        TestDatabase.execute("UPDATE probe_run SET state = 'DONE', finished = now(), mirrors_done = mirrors_total"
                + " WHERE state = 'RUNNING'");
        for (long round : List.of(archive, probeNow, release)) {
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                    By.cssSelector("#live-" + round + " .live-state"), "DONE"));
        }
        assertEquals("100", browser.find("#live-" + release + " .live-progress").getAttribute("value"));

        browser.get("/admin/probe.xhtml");
        assertEquals(List.of(probeNow), panels(), "when none runs, the newest round that ended");
    }

    // --- the list, sorted and paged -----------------------------------------------------------------------

    @Test
    void theListSortedByFreshness_isFlat_keepsItsOrderAndFiltersInTheUrl_andPagesOn() {
        TestDatabase.reset("access-world", "thousand-mirrors", "thousand-mirrors-probed");
        browser.get("/");
        new Select(browser.find("#filter-sort")).selectByValue("-freshness");
        new Select(browser.find("#filter-country")).selectByValue("FR");
        browser.clickAndWait("filter-submit");

        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("sort=-freshness") && url.contains("country=FR"), url);
        assertEquals("-freshness", new Select(browser.find("#filter-sort")).getFirstSelectedOption()
                .getAttribute("value"), "the form shows the order it was asked for");
        assertTrue(browser.all("tr.country").isEmpty(), "a list sorted by freshness is not grouped");
        assertEquals("descending", browser.find("#mirror-list th[aria-sort]").getAttribute("aria-sort"));
        assertEquals("Freshness", browser.text("#mirror-list th[aria-sort]"));
        List<String> expected = TestDatabase.rows("SELECT m.name FROM distribution_mirror m JOIN country c ON c.id = m.country_id"
                + " WHERE m.enabled AND m.content = 'ARCHIVE' AND c.iso_code = 'FR' ORDER BY"
                + " array_position(ARRAY['UP', 'ONEHOURBEHIND', 'TWOHOURSBEHIND', 'SIXHOURSBEHIND', 'ONEDAYBEHIND',"
                + " 'TWODAYSBEHIND', 'ONEWEEKBEHIND', 'UNKNOWN']::varchar[], m.probed_freshness) DESC, m.name");
        assertTrue(expected.size() > 100, "the list has a second page");
        assertEquals(expected.subList(0, 100), listedNames());
        assertEquals(List.of(), browser.seriousAccessibilityViolations());

        browser.clickAndWait("next-page");
        url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("sort=-freshness") && url.contains("country=FR") && url.contains("after="), url);
        assertEquals(expected.subList(100, Math.min(200, expected.size())), listedNames());
        assertTrue(browser.find("#first-page").getAttribute("href").contains("sort=-freshness"));

        try (Browser phone = Browser.open(server, 390, 844)) {
            phone.get("/?sort=-last-probe");
            phone.find("#mirror-list");
            assertFalse(phone.scrollsSideways(), "the sorted list scrolls sideways at 390 px");
            assertEquals(List.of(), phone.contentSecurityPolicyViolations());
        }
    }

    @Test
    void theListsPages_visitEveryMirrorOnce_inEachOrder_groupedByCountryByName() {
        TestDatabase.reset("access-world", "thousand-mirrors", "thousand-mirrors-probed");
        String archives = "SELECT m.name FROM distribution_mirror m JOIN country c ON c.id = m.country_id"
                + " WHERE m.enabled AND m.content = 'ARCHIVE' ORDER BY ";
        String lastProbe = "(SELECT max(r.date_created) FROM mirror_probe_record r WHERE r.distribution_mirror_id = m.id)";

        assertEquals(TestDatabase.rows(archives + "c.name, m.name"), pagesOf("content=archive"));
        assertEquals(TestDatabase.rows(archives + "c.name DESC, m.name DESC"), pagesOf("content=archive&sort=-name"));
        assertEquals(TestDatabase.rows(archives + lastProbe + " DESC NULLS LAST, m.name"), pagesOf("sort=-last-probe"));
        assertEquals(TestDatabase.rows(archives + "array_position(ARRAY['S128K', 'S256K', 'S512K', 'S1M', 'S2M', 'S10M', 'S45M',"
                + " 'S100M', 'S1G', 'S2G', 'S4G', 'S10G', 'S20G', 'S50G', 'S100G']::varchar[], m.speed) DESC, m.name"),
                pagesOf("sort=-speed"));
    }

    @Test
    void anUnknownOrder_orALinkOfAnotherOrder_showsTheListByNameFromTheFirstPage() {
        TestDatabase.reset("access-world", "thousand-mirrors", "thousand-mirrors-probed");
        String byCountry = get("/?sort=nonsense");
        assertTrue(byCountry.contains("class=\"country\""), "an unknown order is the default: grouped by name");

        Matcher next = NEXT_LINK.matcher(get("/?sort=freshness"));
        assertTrue(next.find());
        String after = next.group(1).replace("&amp;", "&").replaceAll(".*(after=[^&]*).*", "$1");
        assertEquals(listed(get("/?sort=speed")), listed(get("/?sort=speed&" + after)),
                "a link of another order starts from the first page");
    }

    private List<String> pagesOf(String query) {
        List<String> names = new ArrayList<>();
        String next = query;
        for (int page = 0; next != null; page++) {
            assertTrue(page < 50, "the pages end");
            String body = get("/?" + next);
            names.addAll(listed(body));
            Matcher link = NEXT_LINK.matcher(body);
            next = link.find() ? link.group(1).replace("&amp;", "&") : null;
        }
        return names;
    }

    /** The names of the mirrors a page of the list links to, in its order. */
    private static List<String> listed(String page) {
        List<String> names = new ArrayList<>();
        Matcher link = MIRROR_LINK.matcher(page);
        while (link.find()) {
            names.add(link.group(1));
        }
        return names;
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve(path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> listedNames() {
        return browser.all("#mirror-list td.name a").stream()
                .map(link -> link.getAttribute("href").replaceAll(".*name=", "")).toList();
    }

    private List<Long> panels() {
        return browser.all("#live section.live").stream().map(panel -> Long.parseLong(panel.getAttribute("data-round")))
                .toList();
    }

    private List<String> texts(String cssSelector) {
        browser.find(cssSelector);
        return browser.all(cssSelector).stream().map(WebElement::getText).toList();
    }

    private static WebElement cell(String suite, String column) {
        return browser.find("#content-matrix td[data-suite='" + suite + "'][data-column='" + column + "']");
    }

    private static void assertCell(String suite, String column, String text, String cssClass) {
        WebElement cell = cell(suite, column);
        assertEquals(text, cell.getText(), suite + " " + column);
        assertTrue(cell.getAttribute("class").contains(cssClass), suite + " " + column + ": " + cell.getAttribute("class"));
    }

    private static void logIn(String name) {
        browser.get("/login.xhtml");
        browser.type("login:name", name);
        browser.type("login:password", TestLogin.PASSWORD);
        browser.clickAndWait("login:submit");
    }
}
