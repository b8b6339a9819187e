package org.mirrorwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.bearer;
import static org.mirrorwatch.testing.ApiClient.errorFields;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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
 * People, roles and account state over HTTP, against the packaged WAR: administrators find people, give
 * and take roles and turn accounts off, every change counts at the next request and is audited, the last
 * active administrator stays, and API tokens limited to the publish scope open nothing else. The world is
 * access-world.sql with api-world.sql's publisher.
 */
@Tag("black-box")
class PeopleApiIT {

    private static final String AUTHORIZATION = "Authorization";
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String ALICE = basic("alice", TestLogin.PASSWORD);
    private static final String BOB = basic("bob", TestLogin.PASSWORD);
    private static final String PUBLICATION = "{\"kind\":\"SOURCE\",\"name\":\"hello\",\"version\":\"1.0-1\","
            + "\"distribution\":\"ubuntu\",\"series\":\"noble\",\"pocket\":\"RELEASE\",\"component\":\"main\","
            + "\"status\":\"PUBLISHED\",\"datePublished\":\"2026-01-10T11:00:00Z\","
            + "\"files\":[{\"filename\":\"hello_1.0-1.dsc\",\"type\":\"DSC\"}]}";
    private static final String ROLES = "{\"mirrorAdmin\":%s,\"publisher\":%s}";

    private static ApiClient api;

    @BeforeAll
    static void server() {
        api = new ApiClient(SharedServer.get());
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world", "api-world");
    }

    @Test
    void people_areListedForAdminsOnly_pagedByName_andFoundByAnyPartOfNameOrAddress() {
        assertEquals(401, api.get("/api/v1/people").statusCode());
        assertEquals(403, api.get("/api/v1/people", AUTHORIZATION, ALICE).statusCode());

        List<String> names = new ArrayList<>();
        String path = "/api/v1/people?limit=2";
        for (int page = 1; page <= 3; page++) {
            JsonNode body = json(ok(api.get(path, AUTHORIZATION, ADMIN)));
            body.path("people").forEach(person -> names.add(person.path("name").asText()));
            assertEquals(page < 3, body.hasNonNull("next"), "page " + page + ": " + body);
            path = "/api/v1/people?limit=2&cursor=" + body.path("next").asText();
        }
        assertEquals(List.of("admin", "alice", "bob", "carol", "publisher"), names);

        assertEquals(List.of("alice"), namesOf("/api/v1/people?q=ALICE"));
        assertEquals(List.of("alice", "bob"), namesOf("/api/v1/people?q=owner"), "by display name");
        assertEquals(List.of("publisher"), namesOf("/api/v1/people?q=publisher%40example"), "by address");
        assertEquals(List.of(), namesOf("/api/v1/people?q=nobody"));

        JsonNode carol = json(ok(api.get("/api/v1/people/carol", AUTHORIZATION, ADMIN)));
        assertEquals("Carol Unconfirmed", carol.path("displayName").asText());
        assertEquals("carol@example.org", carol.path("email").asText());
        assertTrue(carol.path("active").asBoolean());
        assertFalse(carol.path("emailVerified").asBoolean());
        assertFalse(carol.path("mirrorAdmin").asBoolean() || carol.path("publisher").asBoolean());
        assertTrue(json(ok(api.get("/api/v1/people/publisher", AUTHORIZATION, ADMIN))).path("publisher").asBoolean());
        assertEquals(404, api.get("/api/v1/people/nobody", AUTHORIZATION, ADMIN).statusCode());
        assertEquals(404, api.get("/api/v1/people/Not%20A%20Name", AUTHORIZATION, ADMIN).statusCode());
    }

    @Test
    void aGrantedRole_countsAtTheNextRequest_aRevokedOneToo_andEachChangeIsAudited() {
        assertEquals(403, api.get("/api/v1/audit-events", AUTHORIZATION, ALICE).statusCode());

        JsonNode granted = json(ok(api.send("PUT", "/api/v1/people/alice/roles", ROLES.formatted(true, false),
                AUTHORIZATION, ADMIN)));
        assertTrue(granted.path("mirrorAdmin").asBoolean(), granted.toString());
        assertEquals(200, api.get("/api/v1/audit-events", AUTHORIZATION, ALICE).statusCode(), "alice is an admin now");

        ok(api.send("PUT", "/api/v1/people/alice/roles", ROLES.formatted(false, true), AUTHORIZATION, ADMIN));
        assertEquals(403, api.get("/api/v1/audit-events", AUTHORIZATION, ALICE).statusCode(), "and no longer");
        assertEquals(200, api.send("POST", "/api/v1/publications", PUBLICATION, AUTHORIZATION, ALICE).statusCode(),
                "a publisher now");
        ok(api.send("PUT", "/api/v1/people/alice/roles", ROLES.formatted(false, true), AUTHORIZATION, ADMIN));

        assertEquals(List.of("ROLE_GRANTED", "ROLE_REVOKED", "ROLE_GRANTED"), TestDatabase.rows(
                "SELECT action FROM audit_event WHERE subject_type = 'person' AND subject_name = 'alice'"
                + " AND actor_name = 'admin' ORDER BY id"), "one row per role that changed, none for no change");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'ROLE_GRANTED'"
                + " AND before_state LIKE '%\"publisher\":false%' AND after_state LIKE '%\"publisher\":true%'"));
        String trail = api.get("/api/v1/audit-events", AUTHORIZATION, ADMIN).body();
        assertTrue(trail.contains("\"action\":\"ROLE_REVOKED\"") && trail.contains("\"subjectType\":\"person\""), trail);
    }

    @Test
    void aDeactivatedAccount_isRefusedByPasswordAndToken_andComesBackWithoutItsOldTokens() {
        String secret = "mw_test-token-of-bob";
        TestDatabase.execute("INSERT INTO api_token (person_id, name, token_hash, prefix, date_created, expires_at)"
                + " VALUES ((SELECT id FROM person WHERE name = 'bob'), 'script', '" + SecretTokens.hash(secret)
                + "', 'mw_test', now(), now() + interval '1 day')");
        assertEquals(200, api.get("/api/v1/mirrors/bob-broken", AUTHORIZATION, BOB).statusCode());
        assertEquals(200, api.get("/api/v1/mirrors/bob-broken", AUTHORIZATION, bearer(secret)).statusCode());

        JsonNode off = json(ok(api.send("PUT", "/api/v1/people/bob/active", "{\"active\":false}", AUTHORIZATION,
                ADMIN)));
        assertFalse(off.path("active").asBoolean());

        HttpResponse<String> byPassword = api.get("/api/v1/mirrors/bob-broken", AUTHORIZATION, BOB);
        assertEquals(401, byPassword.statusCode());
        assertTrue(byPassword.body().contains("The name or password is wrong."), byPassword.body());
        assertEquals(401, api.get("/api/v1/mirrors/bob-broken", AUTHORIZATION, bearer(secret)).statusCode());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM api_token WHERE revoked_at IS NOT NULL"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_DEACTIVATED'"
                + " AND subject_name = 'bob' AND after_state LIKE '%\"active\":false%'"));

        ok(api.send("PUT", "/api/v1/people/bob/active", "{\"active\":true}", AUTHORIZATION, ADMIN));
        assertEquals(200, api.get("/api/v1/mirrors/bob-broken", AUTHORIZATION, BOB).statusCode());
        assertEquals(401, api.get("/api/v1/mirrors/bob-broken", AUTHORIZATION, bearer(secret)).statusCode(),
                "a token revoked with the account stays revoked");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_REACTIVATED'"));
    }

    @Test
    void theLastActiveAdministrator_canNeitherLoseTheRoleNorBeTurnedOff_byThemselves() {
        String before = EdgeApiIT.fingerprint();
        HttpResponse<String> demoted = api.send("PUT", "/api/v1/people/admin/roles", ROLES.formatted(false, false),
                AUTHORIZATION, ADMIN);
        assertEquals(409, demoted.statusCode());
        assertEquals("application/problem+json", demoted.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of("mirrorAdmin"), errorFields(demoted));
        assertTrue(demoted.body().contains("admin is the last active mirror administrator"), demoted.body());
        HttpResponse<String> turnedOff = api.send("PUT", "/api/v1/people/admin/active", "{\"active\":false}",
                AUTHORIZATION, ADMIN);
        assertEquals(409, turnedOff.statusCode());
        assertEquals(List.of("active"), errorFields(turnedOff));
        assertEquals(before, EdgeApiIT.fingerprint(), "nothing changed");

        // An administrator whose account is off does not count.
        TestDatabase.execute("UPDATE person SET mirror_admin = true, active = false WHERE name = 'bob'");
        assertEquals(409, api.send("PUT", "/api/v1/people/admin/active", "{\"active\":false}", AUTHORIZATION, ADMIN)
                .statusCode());

        ok(api.send("PUT", "/api/v1/people/alice/roles", ROLES.formatted(true, false), AUTHORIZATION, ADMIN));
        ok(api.send("PUT", "/api/v1/people/admin/roles", ROLES.formatted(false, false), AUTHORIZATION, ADMIN));
        assertEquals(403, api.get("/api/v1/people", AUTHORIZATION, ADMIN).statusCode(), "admin stepped down");
        assertEquals(409, api.send("PUT", "/api/v1/people/alice/active", "{\"active\":false}", AUTHORIZATION, ALICE)
                .statusCode(), "alice is the last one now");
    }

    /**
     * Two administrators turn each other off at the same moment, several times over. Whichever comes
     * second finds itself the last one; without the lock both would pass and nobody would be left.
     */
    @Test
    void twoAdministratorsTurningEachOtherOffAtOnce_leaveOneOfThem() throws Exception {
        for (int round = 0; round < 6; round++) {
            TestDatabase.reset("access-world");
            TestDatabase.execute("UPDATE person SET mirror_admin = true WHERE name = 'alice'");
            boolean byRoles = round % 2 == 0;
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> adminOffAlice = CompletableFuture.supplyAsync(() -> remove(start, "alice", ADMIN,
                    byRoles));
            CompletableFuture<Integer> aliceOffAdmin = CompletableFuture.supplyAsync(() -> remove(start, "admin", ALICE,
                    byRoles));
            List<Integer> statuses = List.of(adminOffAlice.get(), aliceOffAdmin.get());

            assertEquals(1, TestDatabase.count("SELECT count(*) FROM person WHERE mirror_admin AND active"),
                    "round " + round + ", answers " + statuses);
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        }
    }

    private static int remove(CyclicBarrier start, String who, String by, boolean byRoles) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return byRoles ? api.send("PUT", "/api/v1/people/" + who + "/roles", ROLES.formatted(false, false),
                AUTHORIZATION, by).statusCode()
                : api.send("PUT", "/api/v1/people/" + who + "/active", "{\"active\":false}", AUTHORIZATION, by)
                        .statusCode();
    }

    @Test
    void badRequests_areRefusedWithProblemsNamingTheField_andChangeNothing() {
        String before = EdgeApiIT.fingerprint();
        HttpResponse<String> unknown = api.send("PUT", "/api/v1/people/alice/roles",
                "{\"mirrorAdmin\":true,\"publisher\":false,\"owner\":true}", AUTHORIZATION, ADMIN);
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).path("errors").get(0).path("message").asText()
                .contains("it takes mirrorAdmin, publisher"), unknown.body());
        assertEquals(List.of("mirrorAdmin"), errorFields(api.send("PUT", "/api/v1/people/alice/roles",
                "{\"mirrorAdmin\":\"yes\",\"publisher\":false}", AUTHORIZATION, ADMIN)));
        assertEquals(List.of("publisher"), errorFields(api.send("PUT", "/api/v1/people/alice/roles",
                "{\"mirrorAdmin\":true}", AUTHORIZATION, ADMIN)), "both roles are required");
        assertEquals(List.of("active"), errorFields(api.send("PUT", "/api/v1/people/bob/active", "{\"active\":1}",
                AUTHORIZATION, ADMIN)));
        assertEquals(List.of("active"), errorFields(api.send("PUT", "/api/v1/people/bob/active", "{}",
                AUTHORIZATION, ADMIN)));
        assertEquals(413, api.send("PUT", "/api/v1/people/bob/active", "{\"active\":\"" + "x".repeat(70_000) + "\"}",
                AUTHORIZATION, ADMIN).statusCode());
        assertEquals(404, api.send("PUT", "/api/v1/people/nobody/active", "{\"active\":false}", AUTHORIZATION, ADMIN)
                .statusCode());

        HttpResponse<String> longQuery = api.get("/api/v1/people?q=" + "x".repeat(255), AUTHORIZATION, ADMIN);
        assertEquals(400, longQuery.statusCode());
        assertEquals(List.of("q"), errorFields(longQuery));
        assertTrue(longQuery.body().contains("at most 254"), longQuery.body());
        assertEquals(List.of("limit"), errorFields(api.get("/api/v1/people?limit=501", AUTHORIZATION, ADMIN)));
        assertEquals(List.of("cursor"), errorFields(api.get("/api/v1/people?cursor=garbage", AUTHORIZATION, ADMIN)));
        assertEquals(before, EdgeApiIT.fingerprint());
    }

    @Test
    void aPublishToken_importsPublications_andIsRefusedAnywhereElse_evenOnPublicReads() {
        String publish = token("publisher", "PUBLISH");
        String full = token("publisher", "FULL");

        assertEquals(200, api.send("POST", "/api/v1/publications", PUBLICATION, AUTHORIZATION, bearer(publish))
                .statusCode());
        for (String[] elsewhere : List.of(new String[] {"GET", "/api/v1/mirrors"},
                new String[] {"GET", "/api/v1/tokens"}, new String[] {"GET", "/api/v1/distributions"},
                new String[] {"POST", "/api/v1/mirrors/alice-mirror/probes"})) {
            HttpResponse<String> refused = api.send(elsewhere[0], elsewhere[1], null, AUTHORIZATION, bearer(publish));
            assertEquals(403, refused.statusCode(), elsewhere[1]);
            assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertTrue(refused.body().contains("may only import publications"), refused.body());
        }

        JsonNode tokens = json(ok(api.get("/api/v1/tokens", AUTHORIZATION, bearer(full))));
        assertEquals(List.of("PUBLISH", "FULL"), List.of(tokens.get(0).path("scope").asText(),
                tokens.get(1).path("scope").asText()));
        assertTrue(tokens.get(0).has("revokedAt") && tokens.get(0).path("revokedAt").isNull(), tokens.toString());
        assertFalse(tokens.toString().contains(publish), "never the secret");
        assertEquals(200, api.get("/api/v1/mirrors", AUTHORIZATION, bearer(full)).statusCode());

        ok(api.send("PUT", "/api/v1/people/publisher/roles", ROLES.formatted(false, false), AUTHORIZATION, ADMIN));
        assertEquals(403, api.send("POST", "/api/v1/publications", PUBLICATION, AUTHORIZATION, bearer(publish))
                .statusCode(), "the token follows its holder's roles");
    }

    /** A token made for the person, with this scope and a name that orders it by creation; its secret. */
    private static String token(String person, String scope) {
        String secret = "mw_test-" + scope.toLowerCase(java.util.Locale.ROOT) + "-token";
        TestDatabase.execute("INSERT INTO api_token (person_id, name, scope, token_hash, prefix, date_created,"
                + " expires_at) VALUES ((SELECT id FROM person WHERE name = '" + person + "'), '" + scope + " script', '"
                + scope + "', '" + SecretTokens.hash(secret) + "', 'mw_test', now() - interval '1 minute' * "
                + (scope.equals("FULL") ? 2 : 1) + ", now() + interval '1 day')");
        return secret;
    }

    private static List<String> namesOf(String path) {
        List<String> names = new ArrayList<>();
        json(ok(api.get(path, AUTHORIZATION, ADMIN))).path("people").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }
}
