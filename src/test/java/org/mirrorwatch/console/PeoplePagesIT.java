package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.bearer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The setup of the first administrator and the administrators' People page, in HtmlUnit without
 * JavaScript, against the packaged WAR. The setup token comes from the server's log, as an operator reads
 * it there: the log is the route, and nothing else hands the token out.
 */
@Tag("black-box")
class PeoplePagesIT {

    private static final String PASSWORD = "the first admin's secret";

    private static SharedServer server;
    private static ApiClient api;

    private final List<WebClient> browsers = new ArrayList<>();

    @BeforeAll
    static void server() {
        server = SharedServer.get();
        api = new ApiClient(server);
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world", "api-world");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebClient::close);
    }

    @Test
    void theTokenFromTheLog_makesTheFirstAdministrator_once_andThenTheSetupPageIsGone() throws Exception {
        noAdministrator();
        WebClient operator = browser();
        long logStart = server.logLength();
        HtmlPage form = open(operator, "/setup.xhtml");
        assertEquals(200, form.getWebResponse().getStatusCode());
        String token = server.setupTokenLoggedSince(logStart);
        HtmlPage lateForm = open(browser(), "/setup.xhtml");

        fillSetup(form, token, "root", "", "not-an-address", "short");
        HtmlPage refused = click(form, "setup:submit");
        String errors = refused.asNormalizedText();
        assertTrue(errors.contains("Enter the name people know you by"), errors);
        assertTrue(errors.contains("Enter an email address such as jane@example.org"), errors);
        assertTrue(errors.contains("Choose a password of at least 10 characters."), errors);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'root'"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM setup_token"), "a refused form keeps the token");

        fillSetup(refused, token, "root", "Root Admin", "root@example.org", PASSWORD);
        HtmlPage done = click(refused, "setup:submit");
        assertTrue(text(done, "setup-done").contains("Root Admin (root) is a mirror administrator now"),
                done.asNormalizedText());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'root' AND mirror_admin"
                + " AND NOT publisher AND email_verified AND active AND password_hash LIKE 'PBKDF2WithHmacSHA512:%'"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'FIRST_ADMIN_CREATED'"
                + " AND actor_name = 'root' AND subject_type = 'person' AND subject_name = 'root'"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM setup_token"), "the token is used up");

        HtmlPage people = login(operator, "root", PASSWORD, "/admin/people.xhtml");
        assertEquals(200, people.getWebResponse().getStatusCode());
        assertNotNull(people.getElementById("person-root"), people.asNormalizedText());

        assertEquals(404, open(browser(), "/setup.xhtml").getWebResponse().getStatusCode());
        fillSetup(lateForm, token, "mallory", "Mallory", "mallory@example.org", PASSWORD);
        HtmlPage tooLate = click(lateForm, "setup:submit");
        assertTrue(tooLate.asNormalizedText().contains("A mirror administrator exists, so the setup is closed."),
                tooLate.asNormalizedText());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'mallory'"));
    }

    @Test
    void twoSetupsAtOnce_withTheOneToken_makeOneAdministrator() throws Exception {
        noAdministrator();
        long logStart = server.logLength();
        HtmlPage first = open(browser(), "/setup.xhtml");
        HtmlPage second = open(browser(), "/setup.xhtml");
        String token = server.setupTokenLoggedSince(logStart);
        fillSetup(first, token, "first-root", "First", "first@example.org", PASSWORD);
        fillSetup(second, token, "second-root", "Second", "second@example.org", PASSWORD);

        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<HtmlPage> one = CompletableFuture.supplyAsync(() -> clickTogether(start, first));
        CompletableFuture<HtmlPage> two = CompletableFuture.supplyAsync(() -> clickTogether(start, second));
        List<String> answers = List.of(one.get().asNormalizedText(), two.get().asNormalizedText());

        assertEquals(1, TestDatabase.count("SELECT count(*) FROM person WHERE mirror_admin"), answers.toString());
        assertEquals(1, answers.stream().filter(answer -> answer.contains("is a mirror administrator now")).count(),
                answers.toString());
        assertEquals(1, answers.stream().filter(answer -> answer.contains("the setup is closed. Log in instead."))
                .count(), answers.toString());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'FIRST_ADMIN_CREATED'"));
    }

    @Test
    void wrongSetupTokens_areThrottledLikeLogins_andWhileTheyAre_theRightOneWaitsToo() throws Exception {
        noAdministrator();
        long logStart = server.logLength();
        HtmlPage page = open(browser(), "/setup.xhtml");
        String token = server.setupTokenLoggedSince(logStart);

        for (int attempt = 1; attempt <= 5; attempt++) {
            fillSetup(page, "mwsetup_guess-" + attempt, "root", "Root", "root@example.org", PASSWORD);
            page = click(page, "setup:submit");
            assertTrue(page.asNormalizedText().contains("This is not the setup token, or it has expired."),
                    "attempt " + attempt + ": " + page.asNormalizedText());
        }
        fillSetup(page, "mwsetup_guess-6", "root", "Root", "root@example.org", PASSWORD);
        page = click(page, "setup:submit");
        assertTrue(page.asNormalizedText().contains("Too many wrong setup tokens. Try again in 30 seconds."),
                page.asNormalizedText());
        fillSetup(page, token, "root", "Root", "root@example.org", PASSWORD);
        page = click(page, "setup:submit");
        assertTrue(page.asNormalizedText().contains("Too many wrong setup tokens."), page.asNormalizedText());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'root'"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM setup_token"));
    }

    @Test
    void anExpiredToken_isRefused_andOpeningThePageAgainWritesAFreshOne() throws Exception {
        noAdministrator();
        long logStart = server.logLength();
        HtmlPage page = open(browser(), "/setup.xhtml");
        String expired = server.setupTokenLoggedSince(logStart);
        TestDatabase.execute("UPDATE setup_token SET expires_at = now() - interval '1 second'");

        fillSetup(page, expired, "root", "Root", "root@example.org", PASSWORD);
        page = click(page, "setup:submit");
        assertTrue(page.asNormalizedText().contains("This is not the setup token, or it has expired."),
                page.asNormalizedText());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'root'"));

        long again = server.logLength();
        HtmlPage fresh = open(browser(), "/setup.xhtml");
        String token = server.setupTokenLoggedSince(again);
        assertNotEquals(expired, token, "a new token");
        fillSetup(fresh, token, "root", "Root", "root@example.org", PASSWORD);
        assertNotNull(click(fresh, "setup:submit").getElementById("setup-done"));
    }

    @Test
    void whileAnAdministratorExists_theSetupPageIsNotFound_andNoTokenIsMade() throws Exception {
        HtmlPage page = open(browser(), "/setup.xhtml");

        assertEquals(404, page.getWebResponse().getStatusCode());
        assertNull(page.getElementById("setup:token"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM setup_token"));
    }

    @Test
    void anAdmin_givesAndTakesARole_andTurnsAnAccountOff_whichCountsAtOnceInItsOpenSession() throws Exception {
        WebClient bobs = browser();
        login(bobs, "bob", TestLogin.PASSWORD, "/account/");
        assertEquals(403, open(bobs, "/admin/review.xhtml").getWebResponse().getStatusCode());

        HtmlPage people = login(browser(), "admin", TestLogin.PASSWORD, "/admin/people.xhtml?q=bob");
        assertEquals(List.of("person-bob"), rowIds(people));
        people = click(people, "people:list:0:admin");
        assertTrue(people.asNormalizedText().contains("bob is now a mirror administrator."), people.asNormalizedText());
        assertEquals(200, open(bobs, "/admin/review.xhtml").getWebResponse().getStatusCode(), "at bob's next request");

        people = click(people, "people:list:0:admin");
        assertTrue(people.asNormalizedText().contains("bob is now neither a mirror administrator nor an archive"
                + " publisher."), people.asNormalizedText());
        assertEquals(403, open(bobs, "/admin/review.xhtml").getWebResponse().getStatusCode(), "revoked at once");

        people = click(people, "people:list:0:active");
        assertTrue(people.asNormalizedText().contains("bob's account is off"), people.asNormalizedText());
        assertTrue(text(people, "person-bob").contains("Turned off"), text(people, "person-bob"));
        HtmlPage loggedOut = open(bobs, "/account/");
        assertTrue(loggedOut.getUrl().getPath().endsWith("/login.xhtml"), "bob's session ended: " + loggedOut.getUrl());
        assertTrue(login(bobs, "bob", TestLogin.PASSWORD, "/account/").asNormalizedText()
                .contains("The name or password is wrong."), "and bob cannot log in again");

        assertEquals(List.of("ROLE_GRANTED", "ROLE_REVOKED", "PERSON_DEACTIVATED"), TestDatabase.rows(
                "SELECT action FROM audit_event WHERE subject_name = 'bob' AND actor_name = 'admin' ORDER BY id"));
    }

    @Test
    void theLastAdministrator_cannotTurnThemselvesOff_andIsToldWhyInTheForm() throws Exception {
        HtmlPage people = login(browser(), "admin", TestLogin.PASSWORD, "/admin/people.xhtml?q=admin");
        people = click(people, "people:list:0:active");

        assertTrue(text(people, "people:messages").contains("admin is the last active mirror administrator; with the"
                + " account off nobody could administer Mirrorwatch."), people.asNormalizedText());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'admin' AND active"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void theAdministrationsNavigation_isOnItsPages_andLeadsToThePeoplePage() throws Exception {
        HtmlPage review = login(browser(), "admin", TestLogin.PASSWORD, "/admin/review.xhtml");
        HtmlAnchor people = review.getFirstByXPath("//nav[@aria-label='Administration']/a[normalize-space()='People']");
        assertNotNull(people, review.asNormalizedText());

        HtmlPage page = people.click();
        assertTrue(page.getUrl().getPath().endsWith("/admin/people.xhtml"), page.getUrl().toString());
        assertNotNull(page.getFirstByXPath("//nav[@aria-label='Administration']"), "the People page has it too");
        assertNotNull(page.getElementById("people-list"));
    }

    @Test
    void peopleAreFound_aPageAtATime_andAnOverlongSearchIsRefusedBesideItsField() throws Exception {
        TestDatabase.execute("INSERT INTO person (name, display_name, email, date_created) SELECT 'p' || lpad(i::text, 3,"
                + " '0'), 'Paged Person ' || i, 'paged' || i || '@example.org', now() FROM generate_series(1, 55) i");
        WebClient admin = browser();
        HtmlPage first = login(admin, "admin", TestLogin.PASSWORD, "/admin/people.xhtml?q=paged%20person");
        assertEquals(50, rowIds(first).size());
        assertEquals("person-p001", rowIds(first).get(0));
        HtmlPage second = ((HtmlElement) first.getElementById("next-page")).click();
        assertEquals(List.of("person-p051", "person-p052", "person-p053", "person-p054", "person-p055"),
                rowIds(second));
        assertNull(second.getElementById("next-page"));

        HtmlPage tooLong = open(admin, "/admin/people.xhtml?q=" + "x".repeat(300));
        assertTrue(text(tooLong, "q-problem").contains("Use at most 254 characters"), tooLong.asNormalizedText());
    }

    @Test
    void aPublisher_makesATokenThatOnlyImports_onTheAccountPage_whileOthersAreNotOfferedTheScope() throws Exception {
        assertNull(login(browser(), "alice", TestLogin.PASSWORD, "/account/").getElementById("tokens:scope"));

        HtmlPage account = login(browser(), "publisher", TestLogin.PASSWORD, "/account/");
        assertNotNull(account.getFirstByXPath("//nav[@aria-label='Your account']"), "the account's own navigation");
        assertEquals("Archive publishers", text(account, "me-teams"));
        ((HtmlInput) account.getElementById("tokens:name")).setValue("archive sync");
        ((HtmlSelect) account.getElementById("tokens:scope")).setSelectedAttribute("PUBLISH", true);
        HtmlPage created = click(account, "tokens:create");
        String secret = text(created, "secret");
        assertTrue(text(created, "tokens:list").contains("only import publications"), text(created, "tokens:list"));

        assertEquals(200, api.send("POST", "/api/v1/publications", "{\"kind\":\"SOURCE\",\"name\":\"hello\","
                + "\"version\":\"1.0-1\",\"distribution\":\"ubuntu\",\"series\":\"noble\",\"pocket\":\"RELEASE\","
                + "\"component\":\"main\",\"status\":\"PUBLISHED\",\"datePublished\":\"2026-01-10T11:00:00Z\","
                + "\"files\":[{\"filename\":\"hello_1.0-1.dsc\",\"type\":\"DSC\"}]}", "Authorization", bearer(secret))
                .statusCode());
        assertEquals(403, api.get("/api/v1/mirrors", "Authorization", bearer(secret)).statusCode());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM api_token WHERE scope = 'PUBLISH'"));
    }

    private static void noAdministrator() {
        TestDatabase.execute("UPDATE person SET mirror_admin = false");
    }

    private static HtmlPage clickTogether(CyclicBarrier start, HtmlPage form) {
        try {
            start.await();
            return click(form, "setup:submit");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fillSetup(HtmlPage page, String token, String name, String displayName, String email,
            String password) {
        fill(page, "setup:token", token);
        fill(page, "setup:name", name);
        fill(page, "setup:displayName", displayName);
        fill(page, "setup:email", email);
        fill(page, "setup:password", password);
    }

    private static List<String> rowIds(HtmlPage page) {
        return page.getByXPath("//table[@id='people-list']/tbody/tr").stream()
                .map(row -> ((HtmlElement) row).getId()).toList();
    }

    private WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browsers.add(browser);
        return browser;
    }

    /** Logs in from a fresh session through the login form, which then goes on to {@code next}. */
    private static HtmlPage login(WebClient browser, String name, String password, String next) throws IOException {
        browser.getCookieManager().clearCookies();
        HtmlPage page = open(browser, next);
        if (page.getElementById("login:name") == null) {
            page = open(browser, "/login.xhtml");
        }
        fill(page, "login:name", name);
        fill(page, "login:password", password);
        return click(page, "login:submit");
    }

    private static HtmlPage open(WebClient browser, String path) throws IOException {
        return browser.getPage(server.resolve(path).toString());
    }

    private static void fill(HtmlPage page, String id, String value) {
        HtmlInput input = (HtmlInput) page.getElementById(id);
        assertNotNull(input, id + " is on " + page.getUrl());
        input.setValue(value);
    }

    private static HtmlPage click(HtmlPage page, String id) throws IOException {
        HtmlElement button = (HtmlElement) page.getElementById(id);
        assertNotNull(button, id + " is on " + page.getUrl() + ":\n" + page.asNormalizedText());
        return button.click();
    }

    private static String text(HtmlPage page, String id) {
        HtmlElement element = (HtmlElement) page.getElementById(id);
        assertNotNull(element, id + " is on " + page.getUrl() + ":\n" + page.asNormalizedText());
        return element.asNormalizedText().strip();
    }
}
