package org.mirrorwatch.operations;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.PayaraMicro;
import org.mirrorwatch.testing.ServerProperties;
import org.mirrorwatch.testing.TestDatabase;

/**
 * An operator's first day, as the README's deployment section tells it: Payara Micro started from the WAR
 * and the post-boot command file on an empty database, no demo data and no test dataset; the first
 * administrator made with the setup token from the server's log; then the distribution, a mirror
 * registered, approved and probed on a mirror of the test's own. Nothing is set up in SQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorDeploymentIT {

    private static final String DATABASE = "mirrorwatch_operator_day";
    private static final String PASSWORD = "first-day-password";
    private static final Path LOG = Path.of("target/operator-deployment.log");

    private static PayaraMicro payara;
    private static String firstMirror;
    private static FakeMirrorFarm farm;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void deployAsTheReadmeSays() throws Exception {
        TestDatabase.createEmpty(DATABASE);
        Files.deleteIfExists(LOG);
        payara = PayaraMicro.start(OperatorDeploymentIT::settings, LOG);
        farm = new FakeMirrorFarm();
    }

    private static Map<String, String> settings(int port) {
        Map<String, String> settings = ServerProperties.onDatabase(DATABASE);
        settings.put("mirrorwatch.base-url", "http://localhost:" + port);
        // The mirror of this test is on a private address, which a production registry would refuse.
        settings.put("mirrorwatch.probe.allowed-cidrs", FakeMirrorFarm.ALLOWED_CIDR);
        settings.put("mirrorwatch.probe.timer.enabled", "false");
        settings.put("mirrorwatch.mail.retry.enabled", "false");
        // Only the database's notifications may bring a change made in SQL into the client lists here.
        settings.put("mirrorwatch.client-list.refresh", "PT1H");
        return settings;
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
        if (farm != null) {
            farm.close();
        }
    }

    @Test
    @Order(1)
    void theFirstDay_setupTokenFromTheLog_thenADistribution_thenAMirrorRegisteredApprovedAndProbed()
            throws Exception {
        String token = setupTokenInTheLog();
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            HtmlPage form = browser.getPage(payara.baseUri().resolve("setup.xhtml").toString());
            fill(form, "setup:token", token);
            fill(form, "setup:name", "root");
            fill(form, "setup:displayName", "The Operator");
            fill(form, "setup:email", "root@example.org");
            fill(form, "setup:password", PASSWORD);
            HtmlPage done = ((HtmlElement) form.getElementById("setup:submit")).click();
            assertTrue(done.asNormalizedText().contains("is a mirror administrator now"), done.asNormalizedText());
        }
        String admin = basic("root", PASSWORD);

        // The API reads reference data from a copy in memory (mirrorwatch.reference.cache-time, 30 s here):
        // what was read empty before is shown at once after each change, which drops the copy.
        assertEquals("[]", ok(send("GET", "/api/v1/components", null, null)).body());
        assertEquals("[]", ok(send("GET", "/api/v1/distributions", null, null)).body());
        created(send("POST", "/api/v1/components", "{\"name\":\"main\"}", admin));
        assertEquals("main", json(ok(send("GET", "/api/v1/components", null, null))).at("/0/name").asText());
        created(send("POST", "/api/v1/distributions", "{\"name\":\"ubuntu\",\"displayName\":\"Ubuntu\","
                + "\"mainArchiveUrl\":\"http://archive.ubuntu.com/ubuntu/\","
                + "\"mainReleasesUrl\":\"http://releases.ubuntu.com/\"}", admin));
        created(send("POST", "/api/v1/distributions/ubuntu/series", "{\"name\":\"noble\",\"version\":\"24.04\","
                + "\"status\":\"CURRENT\",\"components\":[\"main\"]}", admin));
        created(send("POST", "/api/v1/distributions/ubuntu/series/noble/architectures",
                "{\"architecture\":\"amd64\",\"official\":true}", admin));
        JsonNode noble = json(ok(send("GET", "/api/v1/distributions/ubuntu/series/noble", null, null)));
        assertEquals("[\"main\"]", noble.path("components").toString());
        assertEquals("amd64", noble.at("/architectures/0/architecture").asText());

        // The archive's publishing job: the operator gives the publisher role (here to themself) and imports
        // what was published, which is what freshness is measured against.
        ok(send("PUT", "/api/v1/people/root/roles", "{\"mirrorAdmin\":true,\"publisher\":true}", admin));
        ok(send("POST", "/api/v1/publications", "{\"kind\":\"SOURCE\",\"name\":\"hello\",\"version\":\"1.0-1\","
                + "\"distribution\":\"ubuntu\",\"series\":\"noble\",\"pocket\":\"RELEASE\",\"component\":\"main\","
                + "\"status\":\"PUBLISHED\",\"datePublished\":\"2026-01-10T11:00:00Z\","
                + "\"files\":[{\"filename\":\"hello_1.0-1.dsc\",\"type\":\"DSC\"}]}", admin));

        FakeMirror mirror = farm.newMirror().serve(List.of("dists/noble/main/source/Sources.gz",
                "pool/main/h/hello/hello_1.0-1.dsc"));
        created(send("POST", "/api/v1/mirrors", "{\"distribution\":\"ubuntu\",\"name\":\"first-mirror\","
                + "\"speed\":\"S1G\",\"country\":\"DE\",\"content\":\"ARCHIVE\",\"pulseType\":\"PULL\","
                + "\"httpBaseUrl\":\"" + mirror.baseUrl() + "\",\"officialCandidate\":true}", admin));
        ok(send("PUT", "/api/v1/mirrors/first-mirror/review", "{\"status\":\"OFFICIAL\",\"whiteboard\":\"checked\"}",
                admin));
        ok(send("PUT", "/api/v1/mirrors/first-mirror/enabled", "{\"enabled\":true}", admin));

        HttpResponse<String> probe = send("POST", "/api/v1/mirrors/first-mirror/probes", null, admin);
        assertEquals(202, probe.statusCode(), probe.body());
        String round = URI.create(probe.headers().firstValue("Location").orElseThrow()).getPath();
        await().atMost(Duration.ofSeconds(30)).until(() -> !send("GET", round, null, admin).body()
                .contains("\"state\":\"RUNNING\""));

        JsonNode probed = json(ok(send("GET", "/api/v1/mirrors/first-mirror", null, null)));
        assertTrue(probed.path("enabled").asBoolean(), probed.toString());
        assertTrue(probed.path("official").asBoolean(), probed.toString());
        assertTrue(probed.hasNonNull("lastProbed"), probed.toString());
        assertTrue(mirror.requests() > 0, "the server probed the test's mirror");
        JsonNode content = json(ok(send("GET", "/api/v1/mirrors/first-mirror/content", null, null)));
        assertEquals("noble", content.at("/sources/0/series").asText(), content.toString());
        assertEquals("UP", content.at("/sources/0/freshness").asText(), content.toString());
        assertEquals(404, send("GET", "/setup.xhtml", null, null).statusCode(), "the setup is closed now");
        firstMirror = mirror.baseUrl();
    }

    /**
     * What another instance, or a person in SQL, commits reaches this instance's copies in memory through
     * the database's notifications: the reference catalog (kept 30 s here) and the client lists (refreshed
     * only hourly here) show it within seconds.
     */
    @Test
    @Order(2)
    void changesCommittedElsewhere_reachTheCopiesInMemory_withinSeconds() throws Exception {
        assertEquals(List.of("main"), names(ok(send("GET", "/api/v1/components", null, null))));
        sql("INSERT INTO component (name) VALUES ('universe')");
        await("the component inserted in SQL, in the API").atMost(Duration.ofSeconds(5))
                .until(() -> names(send("GET", "/api/v1/components", null, null)),
                        List.of("main", "universe")::equals);

        String list = "/ubuntu/+countrymirrors-archive?country=DE";
        await("the probed mirror in the client list").atMost(Duration.ofSeconds(10))
                .until(() -> send("GET", list, null, null).body().contains(firstMirror));
        sql("UPDATE distribution_mirror SET enabled = FALSE WHERE name = 'first-mirror'");
        await("the mirror disabled in SQL, out of the client list").atMost(Duration.ofSeconds(10))
                .until(() -> !send("GET", list, null, null).body().contains(firstMirror));
    }

    private static List<String> names(HttpResponse<String> jsonArray) {
        List<String> names = new ArrayList<>();
        json(jsonArray).forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = TestDatabase.connect(DATABASE); Statement update = connection.createStatement()) {
            update.execute(statement);
        }
    }

    /** The token as an operator finds it: the last setup line of the server's log. */
    private static String setupTokenInTheLog() {
        Pattern line = Pattern.compile("setup token (mwsetup_[A-Za-z0-9_-]+)");
        await("a setup token in " + LOG).atMost(Duration.ofSeconds(10)).until(() -> line.matcher(log()).find());
        Matcher found = line.matcher(log());
        String token = null;
        while (found.find()) {
            token = found.group(1);
        }
        return token;
    }

    private static String log() {
        try {
            return Files.readString(LOG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void fill(HtmlPage page, String id, String value) {
        HtmlInput input = (HtmlInput) page.getElementById(id);
        assertNotNull(input, id + " is on " + page.getUrl());
        input.setValue(value);
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(payara.baseUri().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return response;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }
}
