package org.mirrorwatch.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * A mirror's TLS state as its newest probe left it, over HTTP on the shared server (so on both servers:
 * the embedded columns and the JPQL paths under EclipseLink and Hibernate): the client list and the
 * redirector hand out its HTTPS URL only while the certificate works, and the API's mirror, the freshness
 * feed, the mirror page and the metrics show the state. The prober's own TLS check is TlsProbeIT's.
 */
@Tag("black-box")
class TlsRoutingIT {

    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);

    private static ApiClient api;

    @BeforeAll
    static void server() {
        api = new ApiClient(SharedServer.get());
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world", "routing-world");
    }

    @Test
    void anExpiredCertificate_takesTheHttpsUrlOutOfTheListsAndTheRedirects_andIsShownEverywhere() {
        tls("de-all", "EXPIRED", "2026-01-06 00:00:00+00");

        String list = api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", RoutingIT.GERMANY).body();
        assertTrue(list.contains("http://de-all.example.org/ubuntu/\tpriority:1"), list);
        assertFalse(list.contains("https://de-all.example.org/"), list);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> redirect = api.get("/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb",
                    "X-Forwarded-For", RoutingIT.GERMANY);
            assertEquals(302, redirect.statusCode(), redirect.body());
            assertFalse(redirect.headers().firstValue("Location").orElseThrow().startsWith("https://de-all"));
            assertFalse(redirect.headers().firstValue("Link").orElse("").contains("https://de-all"));
        }

        JsonNode tls = json(api.get("/api/v1/mirrors/de-all")).path("tls");
        assertEquals("EXPIRED", tls.path("state").asText(), tls.toString());
        assertEquals("2026-01-06T00:00:00Z", tls.path("notAfter").asText());
        assertEquals("CN=R3,O=Let's Encrypt,C=US", tls.path("issuer").asText());
        assertEquals("TLSv1.3", tls.path("protocol").asText());
        assertFalse(tls.path("inClientLists").asBoolean(true));
        assertTrue(json(api.get("/api/v1/mirrors/fr-all")).path("tls").isNull(), "fr-all has no HTTPS URL");

        JsonNode feed = json(api.get("/api/v1/freshness?distribution=ubuntu")).path("mirrors");
        for (JsonNode entry : feed) {
            if (entry.path("name").asText().equals("de-all")) {
                assertEquals("EXPIRED", entry.path("tls").asText(), entry.toString());
                assertEquals("2026-01-06T00:00:00Z", entry.path("tlsNotAfter").asText(), entry.toString());
            }
        }

        String page = api.get("/mirror.xhtml?name=de-all").body();
        assertTrue(page.contains("tls-EXPIRED\">Expired</span>"), page);
        assertTrue(page.contains("Clients refuse it, so the mirror lists and redirects leave out its HTTPS URL."), page);

        String metrics = api.get("/api/metrics").body();
        assertTrue(metrics.contains("mirrorwatch_mirrors_tls{state=\"EXPIRED\"} 1.0"), metrics);
        assertTrue(metrics.contains("mirrorwatch_mirrors_tls_expiring{within_days=\"0\"} 1.0"), metrics);
        assertTrue(metrics.contains("mirrorwatch_mirrors_tls_earliest_expiry_days -"), metrics);
    }

    @Test
    void anExpiringCertificate_stillWorks_andHttpsComesBackWhenValid() {
        tls("de-all", "EXPIRING", "2099-01-01 00:00:00+00");
        String list = api.get("/ubuntu/+countrymirrors-archive", "X-Forwarded-For", RoutingIT.GERMANY).body();
        assertTrue(list.contains("https://de-all.example.org/ubuntu/\tpriority:1"), list);
        assertTrue(json(api.get("/api/v1/mirrors/de-all")).path("tls").path("inClientLists").asBoolean(false));
    }

    private static void tls(String mirror, String state, String notAfter) {
        TestDatabase.execute("UPDATE distribution_mirror SET tls_state = '" + state + "', tls_not_after = '" + notAfter
                + "', tls_issuer = 'CN=R3,O=Let''s Encrypt,C=US', tls_protocol = 'TLSv1.3', tls_fingerprint = '"
                + "ab".repeat(32) + "' WHERE name = '" + mirror + "'");
        HttpResponse<String> rebuilt = api.send("POST", "/api/v1/routing/snapshot", "", "Authorization", ADMIN);
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
    }
}
