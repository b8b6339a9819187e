package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.SeedWorld;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;

/** Black-box smoke test: the packaged WAR deploys on Payara Micro and its home page lists mirrors. */
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

    @Test
    void homePage_listsTheEnabledMirrorsByCountry() throws Exception {
        HttpResponse<String> response = get("/");

        assertEquals(200, response.statusCode());
        String page = response.body();
        assertTrue(page.contains("<h2>Ubuntu</h2>"), page);
        assertTrue(page.contains("Archive mirrors"), page);
        assertTrue(page.contains("CD image mirrors"), page);
        for (String expected : new String[] {"valid-mirror", "invalid-mirror", "unreachable-mirror",
                "archive-404-mirror", "Afghanistan", "British Indian Ocean Territory",
                "http://localhost:11375/valid-mirror/"}) {
            assertTrue(page.contains(expected), expected + " is on the page");
        }
        int afghanistan = page.indexOf("Afghanistan");
        int biot = page.indexOf("British Indian Ocean Territory");
        assertTrue(afghanistan < biot, "countries are in alphabetical order");
    }

    @Test
    void homePage_showsEachMirrorsOverallFreshness_withoutLoadingTheirRecordsLazily() throws Exception {
        TestDatabase.execute("INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id,"
                + " pocket, component_id, freshness) VALUES (1, 1, 'RELEASE', 1, 'UP'), (1, 2, 'RELEASE', 1,"
                + " 'ONEDAYBEHIND'), (1, 2, 'UPDATES', 1, 'UNKNOWN')");
        TestDatabase.execute("INSERT INTO mirror_cd_image_distro_release (distribution_mirror_id, distro_release_id,"
                + " flavour) VALUES (2, 1, 'ubuntu')");
        try {
            String page = get("/").body();

            assertTrue(page.matches("(?s).*valid-mirror</td>.*?freshness-ONEDAYBEHIND.*"), page);
            assertTrue(page.matches("(?s).*invalid-mirror</td>.*?freshness-UP.*"), page);
            assertTrue(page.matches("(?s).*archive-404-mirror</td>.*?freshness-UNKNOWN.*"), page);
        } finally {
            SeedWorld.load();
        }
    }

    @Test
    void stylesheet_isServed() throws Exception {
        assertEquals(200, get("/jakarta.faces.resource/css/mirrorwatch.css.xhtml").statusCode());
    }

    @Test
    void storedFiles_askAnonymousCallersToLogIn_beforeSayingWhetherTheyExist() throws Exception {
        HttpResponse<String> response = get("/api/v1/files/424242/nothing.log");

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("\"status\":401"), response.body());
    }
}
