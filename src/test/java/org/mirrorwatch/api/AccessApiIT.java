package org.mirrorwatch.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.bearer;
import static org.mirrorwatch.testing.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.identity.control.SecretTokens;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The access rules over HTTP, against the packaged WAR: anonymous callers get 401 with the login
 * challenges, logged-in callers without the right get 403, the allowed ones succeed. Basic and bearer
 * tokens log in; failures are throttled alike for known and unknown names. The world is access-world.sql.
 */
@Tag("black-box")
class AccessApiIT {

    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String ALICE = basic("alice", TestLogin.PASSWORD);
    private static final String BOB = basic("bob", TestLogin.PASSWORD);
    private static final String AUTHORIZATION = "Authorization";

    private static SharedServer server;
    private static ApiClient api;

    @BeforeAll
    static void server() {
        server = SharedServer.get();
        api = new ApiClient(server);
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world");
    }

    @Test
    void anAnonymousWrite_gets401_withBothLoginChallenges_asProblemJson() {
        HttpResponse<String> response = api.send("POST", "/api/v1/probe-rounds", "{}");

        assertEquals(401, response.statusCode());
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(value -> value.startsWith("Basic realm=\"Mirrorwatch\"")), challenges.toString());
        assertTrue(challenges.stream().anyMatch(value -> value.startsWith("Bearer realm=\"Mirrorwatch\"")), challenges.toString());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":401"), response.body());
    }

    @Test
    void anAccountNamedAnonymous_isNotWhoAnAnonymousCallerIs() {
        // WildFly names an anonymous caller "anonymous", and anyone may sign up with that name.
        TestDatabase.execute("UPDATE person SET name = 'anonymous' WHERE name = 'bob'");

        assertEquals(404, api.get("/api/v1/mirrors/bob-broken").statusCode(), "a disabled mirror, anonymously");
        assertEquals(200, api.get("/api/v1/mirrors/bob-broken", AUTHORIZATION, basic("anonymous", TestLogin.PASSWORD))
                .statusCode(), "its owner");
    }

    @Test
    void startingAProbeRound_isForAdmins() {
        assertEquals(403, api.send("POST", "/api/v1/probe-rounds", "{\"content\":\"RELEASE\"}", AUTHORIZATION, ALICE)
                .statusCode());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM probe_run"));

        HttpResponse<String> started = api.send("POST", "/api/v1/probe-rounds", "{\"content\":\"RELEASE\"}",
                AUTHORIZATION, ADMIN);

        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/api/v1/probe-rounds/\\d+"), location);
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(path).body().contains("\"state\":\"DONE\""));
        assertTrue(api.get(path).body().contains("\"mirrorsTotal\":1"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'PROBE_ROUND_STARTED'"));
    }

    @Test
    void registering_isForAnyPerson_forThemselves_andForAdmins_forAnyone() {
        String mine = mirror("alice-two", "http://two.example.org/", null);
        String forBob = mirror("for-bob", "http://for-bob.example.org/", "bob");

        assertEquals(401, api.send("POST", "/api/v1/mirrors", mine).statusCode());
        HttpResponse<String> created = api.send("POST", "/api/v1/mirrors", mine, AUTHORIZATION, ALICE);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"owner\":\"alice\""), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/mirrors/alice-two"));
        assertEquals(403, api.send("POST", "/api/v1/mirrors", forBob, AUTHORIZATION, ALICE).statusCode());
        HttpResponse<String> byAdmin = api.send("POST", "/api/v1/mirrors", forBob, AUTHORIZATION, ADMIN);
        assertEquals(201, byAdmin.statusCode(), byAdmin.body());
        assertTrue(byAdmin.body().contains("\"owner\":\"bob\""), byAdmin.body());
    }

    @Test
    void editing_isForTheOwnerAndAdmins() {
        String edited = urlChange("http://edited.example.org/ubuntu/");

        assertEquals(401, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edited).statusCode());
        HttpResponse<String> byBob = api.send("PATCH", "/api/v1/mirrors/alice-mirror", edited, AUTHORIZATION, BOB);
        assertEquals(403, byBob.statusCode());
        assertTrue(byBob.body().contains("Only the owner of alice-mirror or a mirror administrator can change it."),
                byBob.body());
        assertEquals(200, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edited, AUTHORIZATION, ALICE).statusCode());
        assertEquals(200, api.send("PATCH", "/api/v1/mirrors/alice-mirror",
                urlChange("http://again.example.org/ubuntu/"), AUTHORIZATION, ADMIN).statusCode());
        assertTrue(api.get("/api/v1/mirrors/alice-mirror").body().contains("http://again.example.org/ubuntu/"));
    }

    @Test
    void resubmittingABrokenMirror_isForTheOwnerAndAdmins() {
        // A broken mirror is disabled, so to anyone but its owner and the admins it does not exist.
        assertEquals(404, api.send("POST", "/api/v1/mirrors/bob-broken/resubmission", null).statusCode());
        assertEquals(404, api.send("POST", "/api/v1/mirrors/bob-broken/resubmission", null, AUTHORIZATION, ALICE)
                .statusCode());
        HttpResponse<String> byBob = api.send("POST", "/api/v1/mirrors/bob-broken/resubmission", null,
                AUTHORIZATION, BOB);
        assertEquals(200, byBob.statusCode(), byBob.body());
        assertTrue(byBob.body().contains("\"reviewStatus\":\"PENDING_REVIEW\""), byBob.body());
        assertEquals(409, api.send("POST", "/api/v1/mirrors/bob-broken/resubmission", null, AUTHORIZATION, BOB)
                .statusCode());
    }

    @Test
    void eachAdminAction_is401Anonymous_403ForAnOwner_andDoneAndAuditedForAnAdmin() {
        TestDatabase.recordProbe("alice-mirror", "bob-mirror");
        List<String[]> actions = List.of(
                new String[] {"PUT", "/api/v1/mirrors/alice-pending/review", "{\"status\":\"OFFICIAL\",\"whiteboard\":\"ok\"}"},
                new String[] {"PUT", "/api/v1/mirrors/alice-pending/owner", "{\"owner\":\"bob\"}"},
                new String[] {"PUT", "/api/v1/mirrors/bob-mirror/enabled", "{\"enabled\":false}"},
                new String[] {"PUT", "/api/v1/mirrors/alice-mirror/country-dns-mirror", null},
                new String[] {"DELETE", "/api/v1/mirrors/alice-mirror/country-dns-mirror", null},
                new String[] {"DELETE", "/api/v1/mirrors/bob-unofficial", null},
                new String[] {"GET", "/api/v1/distributions/ubuntu/disabled-mirrors", null},
                new String[] {"GET", "/api/v1/distributions/ubuntu/pending-review-mirrors", null},
                new String[] {"GET", "/api/v1/distributions/ubuntu/unofficial-mirrors", null},
                new String[] {"GET", "/api/v1/audit-events", null});
        for (String[] action : actions) {
            String label = action[0] + " " + action[1];
            assertEquals(401, api.send(action[0], action[1], action[2]).statusCode(), label);
            assertEquals(403, api.send(action[0], action[1], action[2], AUTHORIZATION, ALICE).statusCode(), label);
            HttpResponse<String> byAdmin = api.send(action[0], action[1], action[2], AUTHORIZATION, ADMIN);
            assertTrue(byAdmin.statusCode() == 200 || byAdmin.statusCode() == 204, label + ": " + byAdmin.body());
        }
        String audit = api.get("/api/v1/audit-events", AUTHORIZATION, ADMIN).body();
        for (String action : List.of("MIRROR_REVIEWED", "MIRROR_OWNER_CHANGED", "MIRROR_DISABLED",
                "COUNTRY_DNS_MIRROR_DESIGNATED", "COUNTRY_DNS_MIRROR_REMOVED", "MIRROR_DELETED")) {
            assertTrue(audit.contains("\"action\":\"" + action + "\""), action + " in " + audit);
        }
        assertTrue(audit.contains("\"actor\":\"admin\""), audit);
        assertEquals(404, api.get("/api/v1/mirrors/bob-unofficial").statusCode());
    }

    @Test
    void probeLogs_areForTheOwnerAndAdmins_asPlainText() {
        HttpResponse<String> started = api.send("POST", "/api/v1/probe-rounds", "{\"content\":\"RELEASE\"}",
                AUTHORIZATION, ADMIN);
        String round = started.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get(round.substring(round.indexOf("/api/"))).body().contains("\"state\":\"DONE\""));
        String probes = api.get("/api/v1/mirrors/alice-pending/probes", AUTHORIZATION, ALICE).body();
        Matcher log = Pattern.compile("\"log\":\"(/api/v1/files/[^\"]+)\"").matcher(probes);
        assertTrue(log.find(), probes);
        String path = log.group(1);

        assertEquals(401, api.get(path).statusCode());
        assertEquals(403, api.get(path, AUTHORIZATION, BOB).statusCode());
        HttpResponse<String> byOwner = api.get(path, AUTHORIZATION, ALICE);
        assertEquals(200, byOwner.statusCode());
        assertTrue(byOwner.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertEquals("nosniff", byOwner.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(byOwner.body().contains("alice-pending"), byOwner.body());
        assertEquals(200, api.get(path, AUTHORIZATION, ADMIN).statusCode());
    }

    @Test
    void aBearerToken_worksUntilItIsRevokedOrExpires() {
        String secret = "mw_test-token-of-alice";
        TestDatabase.execute("INSERT INTO api_token (person_id, name, token_hash, prefix, date_created, expires_at)"
                + " VALUES ((SELECT id FROM person WHERE name = 'alice'), 'script', '" + SecretTokens.hash(secret)
                + "', 'mw_test', now(), now() + interval '1 day')");
        String edit = urlChange("http://by-token.example.org/ubuntu/");

        assertEquals(200, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edit, AUTHORIZATION, bearer(secret))
                .statusCode());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM api_token WHERE last_used_at IS NOT NULL"));
        assertEquals(403, api.send("PATCH", "/api/v1/mirrors/bob-mirror", urlChange("http://x.example.org/"), AUTHORIZATION, bearer(secret)).statusCode());
        assertEquals(401, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edit, AUTHORIZATION,
                bearer("mw_not-a-token")).statusCode());

        TestDatabase.execute("UPDATE api_token SET expires_at = now() - interval '1 second'");
        assertEquals(401, api.send("PATCH", "/api/v1/mirrors/alice-mirror", edit, AUTHORIZATION, bearer(secret))
                .statusCode());
        TestDatabase.execute("UPDATE api_token SET expires_at = now() + interval '1 day', revoked_at = now()");
        HttpResponse<String> revoked = api.send("PATCH", "/api/v1/mirrors/alice-mirror", edit, AUTHORIZATION,
                bearer(secret));
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.body().contains("invalid, expired or revoked"), revoked.body());
    }

    @Test
    void failedLogins_areThrottled_andAnswerAlikeForKnownAndUnknownNames() {
        List<HttpResponse<String>> known = failSixTimes("bob");
        List<HttpResponse<String>> unknown = failSixTimes("nobody-by-this-name");

        for (int i = 0; i < 6; i++) {
            assertEquals(known.get(i).statusCode(), unknown.get(i).statusCode(), "attempt " + (i + 1));
            assertEquals(known.get(i).body(), unknown.get(i).body(), "attempt " + (i + 1));
            assertEquals(known.get(i).headers().allValues("WWW-Authenticate"),
                    unknown.get(i).headers().allValues("WWW-Authenticate"), "attempt " + (i + 1));
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429), known.stream().map(HttpResponse::statusCode).toList());
        assertEquals("30", known.get(5).headers().firstValue("Retry-After").orElseThrow());
        assertTrue(known.get(5).body().contains("Too many failed logins for this name. Try again in 30 seconds."),
                known.get(5).body());

        HttpResponse<String> rightPasswordWhileBlocked = api.get("/api/v1/audit-events", AUTHORIZATION, BOB);
        assertEquals(429, rightPasswordWhileBlocked.statusCode());
        assertEquals(200, api.get("/api/v1/mirrors/bob-mirror/probes", AUTHORIZATION, ALICE).statusCode(),
                "other names are not slowed down");
    }

    private List<HttpResponse<String>> failSixTimes(String name) {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(api.send("POST", "/api/v1/probe-rounds", "{}", AUTHORIZATION, basic(name, "wrong password")));
        }
        return responses;
    }

    /** A merge patch that moves the mirror's HTTP URL. */
    private static String urlChange(String http) {
        return "{\"httpBaseUrl\":\"" + http + "\"}";
    }

    /** A round also probes disabled mirrors, so which one it is probing is for administrators' eyes. */
    @Test
    void theMirrorARoundIsProbing_isNamedToAdministratorsOnly() {
        TestDatabase.execute("INSERT INTO probe_run (content, trigger, state, started, mirrors_total, current_mirror)"
                + " VALUES ('ARCHIVE', 'MANUAL', 'RUNNING', now(), 3, 'bob-mirror')");
        long round = TestDatabase.count("SELECT max(id) FROM probe_run");
        try {
            String path = "/api/v1/probe-rounds/" + round;
            assertFalse(json(api.get(path)).hasNonNull("currentMirror"), "anonymous");
            assertFalse(json(api.get(path, AUTHORIZATION, ALICE)).hasNonNull("currentMirror"), "an owner");
            assertEquals("bob-mirror", json(api.get(path, AUTHORIZATION, ADMIN)).path("currentMirror").asText());
            assertFalse(api.get("/api/v1/probe-rounds").body().contains("bob-mirror"), "nor in the list");
            assertTrue(api.get("/api/v1/probe-rounds", AUTHORIZATION, ADMIN).body().contains("bob-mirror"));
        } finally {
            TestDatabase.execute("DELETE FROM probe_run WHERE id = " + round);
        }
    }

    private static String mirror(String name, String http, String owner) {
        return "{\"distribution\":\"ubuntu\"," + (owner == null ? "" : "\"owner\":\"" + owner + "\",")
                + "\"name\":\"" + name + "\",\"speed\":\"S1G\",\"country\":\"FR\",\"content\":\"ARCHIVE\","
                + "\"pulseType\":\"PULL\",\"httpBaseUrl\":\"" + http + "\",\"officialCandidate\":true}";
    }
}
