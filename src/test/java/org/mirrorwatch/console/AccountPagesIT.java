package org.mirrorwatch.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.bearer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.SlowSmtpServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The account pages in a browser (HtmlUnit, without JavaScript: the forms must work without it) against
 * the packaged WAR, with the mail read from a real SMTP server: sign-up, the mailed verification link,
 * login, password reset and its links, API tokens, the login form on protected pages, and the cookies and
 * log lines that the pages leave.
 */
@Tag("black-box")
class AccountPagesIT {

    private static final String NEW_PASSWORD = "a brand new secret";
    /**
     * The most a test waits for a mail it expects; the wait ends as soon as the mail arrives. A probe round's
     * mail comes after the round and the outbox, which on a freshly deployed server on a loaded machine took
     * over 3 s (WildFly, load 10 on 2 cores, while the probe page compiled its first time tags).
     */
    private static final long MAIL_WAIT_MILLIS = 10_000;

    private static SharedServer server;
    private static GreenMail smtp;
    private static ApiClient api;

    private WebClient browser;

    @BeforeAll
    static void serverAndMailbox() {
        server = SharedServer.get();
        api = new ApiClient(server);
        smtp = new GreenMail(mailbox(server.mailPort()));
        smtp.start();
    }

    @AfterAll
    static void stopMailbox() {
        smtp.stop();
    }

    @BeforeEach
    void world() throws Exception {
        TestDatabase.reset("access-world");
        smtp.purgeEmailFromAllMailboxes();
        browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /**
     * A load balancer keeps a session on its instance by the route after the session id (README, "Behind a
     * load balancer"): Payara takes it from jvmRoute, WildFly's undertow from its instance-id, which is
     * jboss.node.name unless set; the shared server sets both to "shared".
     */
    @Test
    void aSessionId_endsWithTheInstancesRoute() throws Exception {
        open("/login.xhtml");
        String session = browser.getCookieManager().getCookie("JSESSIONID").getValue();
        assertTrue(session.endsWith(".shared"), session);
    }

    @Test
    void signUp_thenTheMailedLinkConfirmsTheAddress_andOnlyThenTheAccountLogsIn() throws Exception {
        HtmlPage page = open("/signup.xhtml");
        fill(page, "signup:name", "dora");
        fill(page, "signup:displayName", "Dora Newcomer");
        fill(page, "signup:email", "dora@example.org");
        fill(page, "signup:password", NEW_PASSWORD);
        page = click(page, "signup:submit");

        assertTrue(text(page, "signup-done").contains("We sent a link to dora@example.org"), page.asNormalizedText());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'dora' AND email_verified"));
        assertTrue(login("dora", NEW_PASSWORD).asNormalizedText().contains("The name or password is wrong."));

        MimeMessage mail = onlyMailTo("dora@example.org");
        assertEquals("Confirm your Mirrorwatch account", mail.getSubject());
        String link = link(mail, "verify.xhtml");
        HtmlPage confirmed = click(open(link), "verify:submit");
        assertTrue(text(confirmed, "verified").contains("Your address is confirmed"), confirmed.asNormalizedText());

        HtmlPage account = login("dora", NEW_PASSWORD);
        assertTrue(account.getUrl().getPath().endsWith("/account/"), account.getUrl().toString());
        assertEquals("dora", text(account, "me-name"));

        HtmlPage again = click(open(link), "verify:submit");
        assertTrue(again.asNormalizedText().contains("This link has expired or was used already."));
    }

    @Test
    void signUp_withBrokenFields_showsEachBesideItsField_andSavesNothing() throws Exception {
        HtmlPage page = open("/signup.xhtml");
        fill(page, "signup:name", "Not A Name");
        fill(page, "signup:email", "not-an-address");
        fill(page, "signup:password", "password123");
        page = click(page, "signup:submit");

        String text = page.asNormalizedText();
        assertTrue(text.contains("Choose a name of 2 to 64 characters"), text);
        assertTrue(text.contains("Enter the name people know you by"), text);
        assertTrue(text.contains("Enter an email address such as jane@example.org"), text);
        assertTrue(text.contains("That password is on the lists that attackers try first."), text);
        assertEquals(4, TestDatabase.count("SELECT count(*) FROM person"));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void signUp_withAnAddressThatHasAnAccount_answersAlike_andOnlyTellsTheOwner() throws Exception {
        HtmlPage page = open("/signup.xhtml");
        fill(page, "signup:name", "alice-again");
        fill(page, "signup:displayName", "Someone");
        fill(page, "signup:email", "alice@example.org");
        fill(page, "signup:password", NEW_PASSWORD);
        page = click(page, "signup:submit");

        assertTrue(text(page, "signup-done").contains("We sent a link to alice@example.org"));
        assertEquals("Your Mirrorwatch account", onlyMailTo("alice@example.org").getSubject());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM person WHERE name = 'alice-again'"));
    }

    @Test
    void signUp_withAKnownAddress_costsAsLongAsWithANewOne() throws Exception {
        List<Long> known = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fresh.add(timeSignUp("fresh" + i, "fresh" + i + "@example.org"));
            known.add(timeSignUp("again" + i, "alice@example.org"));
        }
        long knownMedian = known.stream().sorted().toList().get(2);
        long freshMedian = fresh.stream().sorted().toList().get(2);
        // The password hash takes hundreds of milliseconds here; an answer without it takes tens.
        assertTrue(knownMedian * 2 > freshMedian, "known address " + known + " ms, new address " + fresh + " ms");
    }

    private long timeSignUp(String name, String email) throws IOException {
        HtmlPage page = open("/signup.xhtml");
        fill(page, "signup:name", name);
        fill(page, "signup:displayName", "Someone");
        fill(page, "signup:email", email);
        fill(page, "signup:password", NEW_PASSWORD);
        long started = System.nanoTime();
        page = click(page, "signup:submit");
        long took = (System.nanoTime() - started) / 1_000_000;
        assertTrue(text(page, "signup-done").contains("We sent a link to " + email), page.asNormalizedText());
        return took;
    }

    @Test
    void passwordReset_byTheMailedLink_whichWorksOnce_andNotAfterItExpires() throws Exception {
        assertTrue(requestReset("nobody@example.org").contains("If an account has the address nobody@example.org"));
        assertTrue(requestReset("alice@example.org").contains("If an account has the address alice@example.org"));
        MimeMessage mail = onlyMailTo("alice@example.org");
        assertEquals("Reset your Mirrorwatch password", mail.getSubject());
        String link = link(mail, "reset-password.xhtml");

        HtmlPage form = open(link);
        fill(form, "reset:password", "short");
        HtmlPage weak = click(form, "reset:submit");
        assertTrue(weak.asNormalizedText().contains("Choose a password of at least 10 characters."));
        fill(weak, "reset:password", NEW_PASSWORD);
        HtmlPage done = click(weak, "reset:submit");
        assertTrue(text(done, "reset-done").contains("Your password is changed"), done.asNormalizedText());

        assertTrue(login("alice", TestLogin.PASSWORD).asNormalizedText().contains("The name or password is wrong."));
        assertEquals("alice", text(login("alice", NEW_PASSWORD), "me-name"));
        assertNotNull(open(link).getElementById("link-expired"), "a used link is refused");

        smtp.purgeEmailFromAllMailboxes();
        requestReset("alice@example.org");
        String expiring = link(onlyMailTo("alice@example.org"), "reset-password.xhtml");
        TestDatabase.execute("UPDATE account_token SET expires_at = now() - interval '1 second'");
        HtmlPage expired = open(expiring);
        assertNotNull(expired.getElementById("link-expired"), "an expired link is refused");
        fill(expired, "reset:password", "yet another secret");
        assertTrue(click(expired, "reset:submit").asNormalizedText()
                .contains("This link has expired or was used already. Ask for a new one."));
        assertEquals("alice", text(login("alice", NEW_PASSWORD), "me-name"));
    }

    /**
     * The shared server runs with mail retries off, so only the pass that was sending alice's mail, or one
     * that starts right after it, can send bob's: without them it would wait forever.
     */
    @Test
    void mailQueuedDuringARunningPass_isDeliveredWithinASecondOfThePassEnding() throws Exception {
        Duration perMessage = Duration.ofSeconds(2);
        smtp.stop();
        try (SlowSmtpServer slow = new SlowSmtpServer(server.mailPort(), perMessage)) {
            requestReset("alice@example.org");
            await("the pass sending alice's mail").atMost(Duration.ofSeconds(5)).until(() -> slow.started() == 1);
            requestReset("bob@example.org");
            Instant bobQueuedBy = Instant.now();

            await("bob's mail").atMost(perMessage.multipliedBy(2).plusSeconds(2))
                    .until(() -> slow.received().size() == 2);
            List<SlowSmtpServer.Received> mails = slow.received();
            SlowSmtpServer.Received alice = mails.get(0);
            SlowSmtpServer.Received bob = mails.get(1);
            assertTrue(alice.to().contains("alice@example.org") && bob.to().contains("bob@example.org"),
                    mails.toString());
            assertTrue(bobQueuedBy.isBefore(alice.accepted()),
                    "bob's mail was committed while alice's was being sent: " + bobQueuedBy + ", " + alice);
            Duration wait = Duration.between(alice.accepted(), bob.started());
            assertTrue(wait.compareTo(Duration.ofSeconds(1)) < 0, "bob's mail began " + wait + " after alice's ended");
        } finally {
            // The server's mail client may still hold a connection to the port for a moment.
            await("the mailbox back on its port").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        GreenMail mailbox = new GreenMail(mailbox(server.mailPort()));
                        try {
                            mailbox.start();
                        } catch (IllegalStateException portStillTaken) {
                            mailbox.stop();
                            return false;
                        }
                        smtp = mailbox;
                        return true;
                    });
        }
    }

    @Test
    void anAnonymousVisitToTheAdminPage_goesToTheLoginForm_andBackAfterLoggingIn() throws Exception {
        HttpResponse<String> redirect = api.get("/admin/probe.xhtml");
        assertEquals(302, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElseThrow()
                .endsWith("/login.xhtml?next=%2Fadmin%2Fprobe.xhtml"), redirect.headers().toString());

        HtmlPage loginForm = open("/admin/probe.xhtml");
        assertTrue(loginForm.getUrl().getPath().endsWith("/login.xhtml"));
        fill(loginForm, "login:name", "admin");
        fill(loginForm, "login:password", TestLogin.PASSWORD);
        HtmlPage probePage = click(loginForm, "login:submit");
        assertTrue(probePage.getUrl().getPath().endsWith("/admin/probe.xhtml"), probePage.getUrl().toString());

        HtmlSelect content = (HtmlSelect) probePage.getElementById("start:content");
        content.setSelectedAttribute("RELEASE", true);
        HtmlPage started = click(probePage, "start:submit");
        assertTrue(started.asNormalizedText().matches("(?s).*Round \\d+ started: 1 release mirror is due\\..*"),
                started.asNormalizedText());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'PROBE_ROUND_STARTED'"
                + " AND actor_name = 'admin'"));
        assertEquals("Verification of alice-pending failed", onlyMailTo("alice@example.org").getSubject(),
                "the round probed the one release mirror, found nothing, and told its owner");
    }

    @Test
    void anOwner_isRefusedTheAdminPage() throws Exception {
        login("alice", TestLogin.PASSWORD);
        HtmlPage refused = open("/admin/probe.xhtml");

        assertEquals(403, refused.getWebResponse().getStatusCode());
        assertTrue(refused.asNormalizedText().contains("Your account may not open this page."));
    }

    @Test
    void anApiToken_madeOnTheAccountPage_worksUntilRevoked_whileTheSessionCookieAloneCannotWrite()
            throws Exception {
        HtmlPage account = login("alice", TestLogin.PASSWORD);
        fill(account, "tokens:name", "deploy script");
        HtmlPage created = click(account, "tokens:create");
        String secret = text(created, "secret");
        assertTrue(secret.startsWith("mw_"), secret);
        String edit = "{\"httpBaseUrl\":\"http://token.example.org/ubuntu/\"}";

        assertEquals(200, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edit, "Authorization", bearer(secret))
                .statusCode());

        String session = "JSESSIONID=" + browser.getCookieManager().getCookie("JSESSIONID").getValue();
        assertEquals(401, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edit, "Cookie", session).statusCode(),
                "an API write never accepts the session cookie");
        assertEquals(200, api.get("/api/v1/mirrors/alice-mirror/probes", "Cookie", session).statusCode());

        HtmlPage reloaded = open("/account/");
        assertFalse(reloaded.asNormalizedText().contains(secret), "the secret is shown once");
        HtmlPage revoked = click(reloaded, "tokens:list:0:revoke");
        assertTrue(revoked.asNormalizedText().contains("The token was revoked"));
        assertEquals(401, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edit, "Authorization", bearer(secret))
                .statusCode());
    }

    @Test
    void loggingOut_endsTheSession() throws Exception {
        HtmlPage account = login("bob", TestLogin.PASSWORD);
        HtmlPage home = click(account, "logout:submit");

        assertNotNull(home.getElementById("login-link"), home.asNormalizedText());
        assertTrue(open("/account/").getUrl().getPath().endsWith("/login.xhtml"), "the account page asks for a login again");
    }

    @Test
    void consoleLoginFailures_readAlikeForKnownAndUnknownNames_andAreThrottled() throws Exception {
        for (String name : new String[] {"bob", "nobody-by-this-name"}) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals("The name or password is wrong.", loginError(name, "wrong password"), name + " " + attempt);
            }
            assertEquals("Too many failed logins for this name. Try again in 30 seconds.",
                    loginError(name, "wrong password"), name);
        }
        assertTrue(loginError("bob", TestLogin.PASSWORD).startsWith("Too many failed logins for this name."),
                "the right password waits too");
    }

    @Test
    void theFlashCookieOfANoticeAfterARedirect_isSameSite() throws Exception {
        login("admin", TestLogin.PASSWORD);
        HtmlPage actions = open("/admin/mirror.xhtml?name=bob-unofficial");
        browser.getOptions().setRedirectEnabled(false);
        Page redirect = ((HtmlElement) actions.getElementById("actions:delete")).click();

        assertEquals(302, redirect.getWebResponse().getStatusCode());
        List<String> cookies = redirect.getWebResponse().getResponseHeaders().stream()
                .filter(header -> header.getName().equalsIgnoreCase("Set-Cookie")).map(NameValuePair::getValue)
                .toList();
        assertFalse(cookies.isEmpty(), "the notice travels in a cookie");
        for (String cookie : cookies) {
            assertTrue(cookie.toLowerCase(Locale.ROOT).replace(" ", "").contains(";samesite=lax"), cookie);
        }
    }

    @Test
    void pagesWithViewParameters_logNoWarningThatTheirMetadataIsMisplaced() throws Exception {
        long before = server.logLength();
        for (String page : List.of("/login.xhtml?next=%2Faccount%2F", "/verify.xhtml?token=unknown",
                "/reset-password.xhtml?token=unknown", "/mirror.xhtml?name=alice-mirror")) {
            open(page);
        }
        login("alice", TestLogin.PASSWORD);
        open("/account/mirror.xhtml?name=alice-mirror");
        login("admin", TestLogin.PASSWORD);
        open("/admin/mirror.xhtml?name=alice-mirror");
        open("/admin/audit.xhtml?action=MIRROR_EDITED");
        // A failed login logs a line of its own, so once it is in the file, so is everything before it.
        login("marker-" + before, "wrong password");
        Awaitility.await().until(() -> server.logSince(before).contains("Console login failed for marker-" + before));

        String log = server.logSince(before);
        assertFalse(log.contains("JSF1103"), log);
    }

    private String loginError(String name, String password) throws IOException {
        HtmlPage page = login(name, password);
        HtmlElement messages = (HtmlElement) page.getElementById("login:messages");
        return messages == null ? "" : messages.asNormalizedText().strip();
    }

    private String requestReset(String email) throws IOException {
        HtmlPage page = open("/reset-password.xhtml");
        fill(page, "request:email", email);
        return click(page, "request:submit").asNormalizedText();
    }

    /** Logs in from a fresh session, as a new browser would. */
    private HtmlPage login(String name, String password) throws IOException {
        browser.getCookieManager().clearCookies();
        HtmlPage page = open("/login.xhtml");
        fill(page, "login:name", name);
        fill(page, "login:password", password);
        return click(page, "login:submit");
    }

    private HtmlPage open(String pathOrUrl) throws IOException {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : server.resolve(pathOrUrl).toString();
        try {
            return browser.getPage(url);
        } catch (FailingHttpStatusCodeException e) {
            throw new AssertionError(url + " answered " + e.getStatusCode(), e);
        }
    }

    private static void fill(HtmlPage page, String id, String value) {
        HtmlInput input = (HtmlInput) page.getElementById(id);
        assertNotNull(input, id + " is on " + page.getUrl());
        input.setValue(value);
    }

    private static HtmlPage click(HtmlPage page, String id) throws IOException {
        HtmlElement button = (HtmlElement) page.getElementById(id);
        assertNotNull(button, id + " is on " + page.getUrl());
        return button.click();
    }

    private static String text(HtmlPage page, String id) {
        HtmlElement element = (HtmlElement) page.getElementById(id);
        assertNotNull(element, id + " is on " + page.getUrl() + ":\n" + page.asNormalizedText());
        return element.asNormalizedText().strip();
    }

    /** The shared server's mailbox; a loaded machine may need more than GreenMail's 2 s to start it. */
    private static ServerSetup mailbox(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", "smtp");
        setup.setServerStartupTimeout(5_000);
        return setup;
    }

    private static MimeMessage onlyMailTo(String address) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(MAIL_WAIT_MILLIS, 1), "a mail arrives");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertTrue(received[0].getHeader("To")[0].contains("<" + address + ">"), received[0].getHeader("To")[0]);
        return received[0];
    }

    private static String link(MimeMessage mail, String page) throws Exception {
        Matcher link = Pattern.compile("http://localhost:\\d+/" + Pattern.quote(page) + "\\?token=[A-Za-z0-9_-]+")
                .matcher((String) mail.getContent());
        assertTrue(link.find(), "a link to " + page + " is in the mail");
        return link.group();
    }
}
