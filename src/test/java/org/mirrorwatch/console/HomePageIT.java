package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.SeedWorld;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;

/**
 * Black-box smoke test: the packaged WAR deploys on the shared server and its home page lists mirrors.
 * Every answer, pages, stylesheets, the API and error pages alike, carries the security headers.
 */
@Tag("black-box")
class HomePageIT {

    private static SharedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void seedWorld() {
        server = SharedServer.get();
        SeedWorld.load();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getUnchecked(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void homePage_listsTheEnabledArchiveMirrorsByCountry_andTheCdImageMirrorsOnTheirTab() throws Exception {
        HttpResponse<String> response = get("/");

        assertEquals(200, response.statusCode());
        String page = response.body();
        assertTrue(page.contains("Ubuntu mirrors"), page);
        assertTrue(page.contains("Archive mirrors") && page.contains("CD image mirrors"), page);
        for (String expected : new String[] {"valid-mirror", "archive-404-mirror", "Afghanistan",
                "British Indian Ocean Territory", "http://localhost:11375/valid-mirror/", "2 mirrors, 4 Mbps in all"}) {
            assertTrue(page.contains(expected), expected + " is on the page");
        }
        assertTrue(page.indexOf("Afghanistan") < page.indexOf("British Indian Ocean Territory"),
                "countries are in alphabetical order");
        String release = get("/?content=release").body();
        assertTrue(release.contains("invalid-mirror") && release.contains("unreachable-mirror"), release);
        assertFalse(release.contains(">valid-mirror<"), "archive mirrors are not on the CD tab");
    }

    @Test
    void homePage_showsEachMirrorsFreshnessAsOfItsLastProbe_andFiltersByIt() throws Exception {
        TestDatabase.execute("UPDATE distribution_mirror SET probed_freshness = 'ONEDAYBEHIND' WHERE name = 'valid-mirror'");
        try {
            String page = get("/").body();

            assertTrue(page.matches("(?s).*valid-mirror</a></td>.*?freshness-ONEDAYBEHIND.*"), page);
            assertTrue(page.matches("(?s).*archive-404-mirror</a></td>.*?freshness-UNKNOWN.*"), page);
            String filtered = get("/?content=archive&freshness=ONEDAYBEHIND").body();
            assertTrue(filtered.contains("valid-mirror") && !filtered.contains("archive-404-mirror"), filtered);
        } finally {
            SeedWorld.load();
        }
    }

    @Test
    void stylesheet_isServed() throws Exception {
        assertEquals(200, get("/jakarta.faces.resource/css/mirrorwatch.css.xhtml").statusCode());
    }

    @Test
    void everyKindOfAnswer_carriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/login.xhtml", "/jakarta.faces.resource/css/mirrorwatch.css.xhtml",
                "/jakarta.faces.resource/js/copy.js.xhtml", "/api/v1/distributions", "/api/v1/files/424242/x.log",
                "/no-such-page.xhtml")) {
            HttpResponse<String> response = get(path);
            assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), path);
            assertEquals(List.of("same-origin"), response.headers().allValues("Referrer-Policy"), path);
            assertEquals(List.of("DENY"), response.headers().allValues("X-Frame-Options"), path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")) {
                assertTrue(policy.contains(directive), path + " has " + directive + " in: " + policy);
            }
            assertFalse(policy.contains("unsafe"), path + ": " + policy);
        }
    }

    @Test
    void theSessionCookie_isHttpOnlyAndSameSite() throws Exception {
        List<String> cookies = get("/login.xhtml").headers().allValues("Set-Cookie");

        String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
        String attributes = session.toLowerCase(Locale.ROOT).replace(" ", "");
        assertTrue(attributes.contains(";httponly"), session);
        assertTrue(attributes.contains(";samesite=lax") || attributes.contains(";samesite=strict"), session);
    }

    @Test
    void anUnexpectedFailure_answers500_withAPlainPage_thatShowsNothingOfTheServer() throws Exception {
        // The list reads the countries; without their table it fails as no page expects.
        List<HttpResponse<String>> answers = new ArrayList<>();
        server.deliberateFailure(() -> TestDatabase.whileTableIsMissing("country", () -> answers.add(getUnchecked("/"))));
        HttpResponse<String> response = answers.get(0);

        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("Something went wrong"), response.body());
        for (String leak : List.of("Exception", "SELECT", "PSQL", "at org.", "at jakarta.", "Payara", "WELD")) {
            assertFalse(response.body().contains(leak), leak + " is on the error page: " + response.body());
        }
        assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"));
    }

    @Test
    void storedFiles_askAnonymousCallersToLogIn_beforeSayingWhetherTheyExist() throws Exception {
        HttpResponse<String> response = get("/api/v1/files/424242/nothing.log");

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("\"status\":401"), response.body());
    }
}
