package org.mirrorwatch.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * What the operator is told in the log about settings that are wrong for the way the server is used: a
 * base URL that mailed links cannot reach, and a batch size that leaves due mirrors for later rounds.
 */
@Tag("black-box")
class OperatorWarningsIT {

    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    /** More than the default batch size (100), on a loopback address that the address guard refuses at once. */
    private static final int DUE_MIRRORS = 101;

    private static SharedServer server;
    private static ApiClient api;

    @BeforeAll
    static void world() {
        server = SharedServer.get();
        api = new ApiClient(server);
        TestDatabase.reset("access-world");
        TestDatabase.execute("INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id,"
                + " content, pulse_type, http_base_url, enabled, official_candidate, review_status, date_created)"
                + " SELECT 1, (SELECT id FROM person WHERE name = 'alice'), 'batch-' || n, 'S1G',"
                + " (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE', 'PULL', 'http://127.0.0.9/batch-' || n || '/',"
                + " true, true, 'OFFICIAL', now() FROM generate_series(1, " + DUE_MIRRORS + ") AS n");
    }

    @Test
    void aRequestUnderANameTheMailedLinksDoNotUse_isReportedOnce() throws IOException {
        long before = server.logLength();

        assertEquals(200, statusOfHealthCheckAs("mirrors.example.org"));
        assertEquals(200, statusOfHealthCheckAs("other.example.org"));

        String logged = server.logSince(before);
        assertTrue(logged.contains("This server is reached as mirrors.example.org, but mirrorwatch.base-url points"
                + " mailed links at localhost"), logged);
        assertEquals(1, logged.lines().filter(line -> line.contains("This server is reached as")).count(),
                "the Host header is the client's: one warning, not one per made-up name");
    }

    @Test
    void aRoundThatCannotTakeEveryDueMirror_saysSoAndNamesTheSetting() {
        long before = server.logLength();
        long due = TestDatabase.count("SELECT count(*) FROM distribution_mirror m WHERE m.content = 'ARCHIVE'"
                + " AND (m.enabled OR m.disabled_by = 'PROBER')"
                + " AND NOT EXISTS (SELECT 1 FROM mirror_probe_record r WHERE r.distribution_mirror_id = m.id)");

        HttpResponse<String> started = api.send("POST", "/api/v1/probe-rounds", "{\"content\":\"ARCHIVE\"}",
                "Authorization", ADMIN);
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        String round = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !api.get(round).body().contains("\"state\":\"RUNNING\""));

        String logged = server.logSince(before);
        assertTrue(due > 100, "the world has more due mirrors than a round takes: " + due);
        assertTrue(logged.contains("mirrors takes only 100 of the " + due + " due mirrors; the rest wait for later"
                + " rounds. Raise mirrorwatch.probe.batch-size"), logged);
    }

    /** A health check sent with this Host header, which the JDK's client does not let a caller set. */
    private static int statusOfHealthCheckAs(String host) throws IOException {
        try (Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + server.baseUri().getPath() + "api/health/live HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
