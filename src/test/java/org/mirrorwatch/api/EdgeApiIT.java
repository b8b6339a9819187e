package org.mirrorwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.errorFields;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.SharedServer;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The API's edge as a careless client and an attacker meet it: every write endpoint with a catalogue of
 * hostile bodies, every query parameter with hostile values, and one test per finding of the review that
 * asked for a strict edge. Each refusal must be a 4xx problem JSON, and the database (audit trail
 * included) must be exactly as before.
 */
@Tag("black-box")
class EdgeApiIT {

    private static final String AUTHORIZATION = "Authorization";
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String ALICE = basic("alice", TestLogin.PASSWORD);
    private static final String PUBLISHER = basic("publisher", TestLogin.PASSWORD);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiClient api;

    /** A write endpoint, who may call it, and a body it takes, whose fields the catalogue breaks one by one. */
    record Endpoint(String method, String path, String caller, String validBody) {
    }

    private static final String PUBLICATION = "{\"kind\":\"SOURCE\",\"name\":\"hello\",\"version\":\"1.0-1\","
            + "\"distribution\":\"ubuntu\",\"series\":\"noble\",\"pocket\":\"RELEASE\",\"component\":\"main\","
            + "\"status\":\"PUBLISHED\",\"datePublished\":\"2026-01-10T11:00:00Z\","
            + "\"files\":[{\"filename\":\"hello_1.0-1.dsc\",\"type\":\"DSC\"}]}";

    private static final List<Endpoint> WRITES = List.of(
            new Endpoint("POST", "/api/v1/mirrors", ALICE, "{\"distribution\":\"ubuntu\",\"name\":\"edge-new\","
                    + "\"displayName\":\"Edge\",\"description\":\"A mirror\",\"speed\":\"S1G\",\"country\":\"FR\","
                    + "\"content\":\"ARCHIVE\",\"pulseType\":\"PULL\",\"httpBaseUrl\":\"http://edge.example.org/u/\","
                    + "\"officialCandidate\":true}"),
            new Endpoint("PUT", "/api/v1/mirrors/alice-mirror", ALICE, "{\"name\":\"alice-mirror\","
                    + "\"displayName\":\"A\",\"description\":\"d\",\"speed\":\"S1G\",\"country\":\"FR\","
                    + "\"content\":\"ARCHIVE\",\"pulseType\":\"PULL\",\"httpBaseUrl\":\"http://a.example.org/u/\","
                    + "\"httpsBaseUrl\":\"https://a.example.org/u/\",\"ftpBaseUrl\":\"ftp://a.example.org/u/\","
                    + "\"rsyncBaseUrl\":\"rsync://a.example.org/u/\",\"officialCandidate\":false}"),
            new Endpoint("PATCH", "/api/v1/mirrors/alice-mirror", ALICE, "{\"displayName\":\"A\","
                    + "\"description\":\"d\",\"speed\":\"S1G\",\"officialCandidate\":false}"),
            new Endpoint("PUT", "/api/v1/mirrors/alice-pending/review", ADMIN,
                    "{\"status\":\"OFFICIAL\",\"whiteboard\":\"ok\"}"),
            new Endpoint("PUT", "/api/v1/mirrors/alice-pending/owner", ADMIN, "{\"owner\":\"bob\"}"),
            new Endpoint("PUT", "/api/v1/mirrors/bob-mirror/enabled", ADMIN, "{\"enabled\":false}"),
            new Endpoint("POST", "/api/v1/mirrors/alice-mirror/maintenance", ALICE, "{\"startsAt\":"
                    + "\"2027-06-01T22:00:00Z\",\"endsAt\":\"2027-06-02T02:00:00Z\",\"weekly\":false,"
                    + "\"note\":\"New disks\"}"),
            new Endpoint("POST", "/api/v1/distributions", ADMIN, "{\"name\":\"debian\",\"displayName\":\"Debian\","
                    + "\"mainArchiveUrl\":\"http://deb.example.org/debian\",\"mainReleasesUrl\":\"http://cd.example.org/\","
                    + "\"mirrorAdminAddress\":\"m@example.org\"}"),
            new Endpoint("PUT", "/api/v1/distributions/ubuntu", ADMIN, "{\"displayName\":\"Ubuntu!\","
                    + "\"mainArchiveUrl\":\"http://archive.example.org/ubuntu\","
                    + "\"mainReleasesUrl\":\"http://releases.example.org/\"}"),
            new Endpoint("POST", "/api/v1/distributions/ubuntu/series", ADMIN, "{\"name\":\"oracular\","
                    + "\"version\":\"24.10\",\"status\":\"EXPERIMENTAL\",\"components\":[\"main\"]}"),
            new Endpoint("PUT", "/api/v1/distributions/ubuntu/series/noble", ADMIN,
                    "{\"version\":\"24.04.1\",\"status\":\"SUPPORTED\"}"),
            new Endpoint("POST", "/api/v1/distributions/ubuntu/series/noble/architectures", ADMIN,
                    "{\"architecture\":\"riscv64\",\"official\":false}"),
            new Endpoint("PUT", "/api/v1/distributions/ubuntu/series/noble/architectures/amd64", ADMIN,
                    "{\"official\":false}"),
            new Endpoint("POST", "/api/v1/components", ADMIN, "{\"name\":\"universe\"}"),
            new Endpoint("POST", "/api/v1/probe-rounds", ADMIN, "{\"content\":\"RELEASE\"}"),
            new Endpoint("POST", "/api/v1/publications", PUBLISHER, PUBLICATION),
            new Endpoint("POST", "/api/v1/publications/batch", PUBLISHER, "[" + PUBLICATION + "]"),
            new Endpoint("PUT", "/api/v1/people/alice/roles", ADMIN, "{\"mirrorAdmin\":true,\"publisher\":false}"),
            new Endpoint("PUT", "/api/v1/people/bob/active", ADMIN, "{\"active\":false}"));

    /** Bodies that are wrong whatever the endpoint: no object of known fields, or no JSON at all. */
    private static final List<String> HOSTILE_DOCUMENTS = List.of(
            "{", "}", "{\"a\":", "nul", "xyz", "\"text\"", "12", "true", "{} xyz", "{}{}", "{\"zzz\":1}",
            "{\"zzz\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
            "{\"zzz\":1e400}", "{\"zzz\":123456789012345678901234567890}",
            "{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":\"\\u0000\"}", "{\"name\":\"\\ud800\"}",
            "{'name':'a'}", "{name:\"a\"}", "{\"name\":\"a\",}", "{\"zzz\":NaN}");

    @BeforeAll
    static void server() {
        api = new ApiClient(SharedServer.get());
    }

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world", "api-world");
    }

    // --- every write endpoint, every hostile body --------------------------------------------------------

    @Test
    void everyWriteEndpoint_refusesHostileDocuments_with4xxProblemJson_andChangesNothing() {
        String before = fingerprint();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : WRITES) {
            for (String body : HOSTILE_DOCUMENTS) {
                expectRefused(endpoint, body, null, failures);
            }
            expectRefused(endpoint, endpoint.validBody() + " xyz", null, failures);
        }
        assertEquals(List.of(), failures);
        assertEquals(before, fingerprint(), "a refused request changed the database");
    }

    @Test
    void everyFieldOfEveryWriteEndpoint_refusesValuesOfTheWrongType_namingTheField() throws Exception {
        String before = fingerprint();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : WRITES) {
            JsonNode valid = JSON.readTree(endpoint.validBody());
            ObjectNode object = (ObjectNode) (valid.isArray() ? valid.get(0) : valid);
            String prefix = valid.isArray() ? "body[0]." : "";
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                for (String wrong : wrongValuesFor(object.get(field))) {
                    ObjectNode broken = object.deepCopy();
                    broken.set(field, JSON.readTree(wrong));
                    String body = valid.isArray() ? "[" + broken + "]" : broken.toString();
                    expectRefused(endpoint, body, prefix + field, failures);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, fingerprint(), "a refused request changed the database");
    }

    @Test
    void everyTextFieldOfEveryWriteEndpoint_refusesControlCharactersAndOversizeTexts() throws Exception {
        String before = fingerprint();
        List<String> failures = new ArrayList<>();
        String[] hostileTexts = {"\"a\\u0000b\"", "\"bell\\u0007\"", "\"esc\\u001b[31m\"", "\"" + "x".repeat(20_000) + "\""};
        for (Endpoint endpoint : WRITES) {
            JsonNode valid = JSON.readTree(endpoint.validBody());
            ObjectNode object = (ObjectNode) (valid.isArray() ? valid.get(0) : valid);
            String prefix = valid.isArray() ? "body[0]." : "";
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isTextual()) {
                    continue;
                }
                for (String hostile : hostileTexts) {
                    ObjectNode broken = object.deepCopy();
                    broken.set(field.getKey(), JSON.readTree(hostile));
                    String body = valid.isArray() ? "[" + broken + "]" : broken.toString();
                    expectRefused(endpoint, body, prefix + field.getKey(), failures);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, fingerprint(), "a refused request changed the database");
    }

    @Test
    void bodiesLargerThanAnEndpointTakes_answer413ProblemJson() throws Exception {
        String before = fingerprint();
        String overLimit = "{\"description\":\"" + "x".repeat(100 * 1024) + "\"}";
        for (Endpoint endpoint : WRITES) {
            // A careful client announces a large body and waits to be told whether to send it.
            // Over every endpoint's limit, yet under the 10 MiB at which WildFly's listener refuses a body itself.
            List<String> announced = announce(endpoint, 9 * 1024 * 1024);
            assertEquals("413", announced.get(0).split(" ")[1], endpoint + " " + announced);
            assertTrue(announced.stream().anyMatch(line -> line.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("content-type: application/problem+json")), announced.toString());
            // A body sent whole, over the limit but not by much, is refused all the same.
            HttpResponse<String> sent = api.send(endpoint.method(), endpoint.path(), overLimit, AUTHORIZATION,
                    endpoint.caller());
            assertEquals(endpoint.path().endsWith("/batch") ? 400 : 413, sent.statusCode(), endpoint + " " + sent.body());
            assertProblemJson(sent);
        }
        assertEquals(before, fingerprint());
    }

    /**
     * Sends only the head of a request that announces a body of {@code length} bytes and asks to be told to
     * send it (Expect: 100-continue), as curl does for large bodies; the answer's status line and headers.
     * Written on a socket, since the JDK's client waits for a body it was never asked for on some servers.
     */
    private static List<String> announce(Endpoint endpoint, long length) throws java.io.IOException {
        java.net.URI base = SharedServer.get().baseUri();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = endpoint.method() + " " + endpoint.path() + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAuthorization: " + endpoint.caller() + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
            List<String> lines = head(in);
            if (!lines.isEmpty() && lines.get(0).contains(" 100 ")) {
                // Payara's listener invites the body at once ("100 Continue"), before the application has
                // seen the request, and reads it before it sends the application's answer; a client that was
                // invited sends it. WildFly answers at once and never asks for it.
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                for (long sent = 0; sent < length; sent += chunk.length) {
                    socket.getOutputStream().write(chunk, 0, (int) Math.min(chunk.length, length - sent));
                }
                socket.getOutputStream().flush();
                return head(in);
            }
            return lines;
        }
    }

    private static List<String> head(java.io.BufferedReader in) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    // --- every query parameter of every read endpoint ----------------------------------------------------

    /** A read endpoint's parameter and the kind of value it takes. */
    record Parameter(String path, String name, Kind kind, String caller) {
    }

    enum Kind { NUMBER, BOOLEAN, CHOICE, TEXT, CURSOR }

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("/api/v1/mirrors", "limit", Kind.NUMBER, null),
            new Parameter("/api/v1/mirrors", "enabled", Kind.BOOLEAN, ADMIN),
            new Parameter("/api/v1/mirrors", "official", Kind.BOOLEAN, null),
            new Parameter("/api/v1/mirrors", "content", Kind.CHOICE, null),
            new Parameter("/api/v1/mirrors", "freshness", Kind.CHOICE, null),
            new Parameter("/api/v1/mirrors", "speed", Kind.CHOICE, null),
            new Parameter("/api/v1/mirrors", "cursor", Kind.CURSOR, null),
            new Parameter("/api/v1/mirrors", "sort", Kind.CHOICE, null),
            new Parameter("/api/v1/mirrors", "distribution", Kind.TEXT, null),
            new Parameter("/api/v1/mirrors", "country", Kind.TEXT, null),
            new Parameter("/api/v1/mirrors", "owner", Kind.TEXT, null),
            new Parameter("/api/v1/mirrors", "q", Kind.TEXT, null),
            new Parameter("/api/v1/probe-rounds", "limit", Kind.NUMBER, null),
            new Parameter("/api/v1/audit-events", "limit", Kind.NUMBER, ADMIN),
            new Parameter("/api/v1/people", "limit", Kind.NUMBER, ADMIN),
            new Parameter("/api/v1/people", "cursor", Kind.CURSOR, ADMIN),
            new Parameter("/api/v1/people", "q", Kind.TEXT, ADMIN),
            new Parameter("/api/v1/freshness", "distribution", Kind.TEXT, null),
            new Parameter("/api/v1/distributions/ubuntu/country-mirrors/archive", "country", Kind.TEXT, null));

    private static final List<String> HOSTILE_TEXTS = List.of("%00", "%E2%80%AE%00%0A", "a%0Db", "%1B%5B31m",
            "x".repeat(600), "%ED%A0%80");

    private static final Map<Kind, List<String>> HOSTILE_VALUES = Map.of(
            Kind.NUMBER, List.of("abc", "2147483648", "1e3", "NaN", "-1", "0", "1.5", "%2B5", "0x10", "99999999999999999999"),
            Kind.BOOLEAN, List.of("maybe", "1", "yes", "tru"),
            Kind.CHOICE, List.of("nope", "0", "ARCHIVE%20"),
            Kind.CURSOR, List.of("not-a-cursor", "MTpcAA", "%FF"),
            Kind.TEXT, List.of());

    @Test
    void everyQueryParameter_refusesHostileValues_with400NamingTheParameter() {
        List<String> failures = new ArrayList<>();
        for (Parameter parameter : PARAMETERS) {
            List<String> values = new ArrayList<>(HOSTILE_TEXTS);
            values.addAll(HOSTILE_VALUES.get(parameter.kind()));
            for (String value : values) {
                String path = parameter.path() + "?" + parameter.name() + "=" + value;
                HttpResponse<String> answer = parameter.caller() == null ? api.get(path)
                        : api.get(path, AUTHORIZATION, parameter.caller());
                if (answer.statusCode() != 400 || !isProblemJson(answer)
                        || !errorFields(answer).equals(List.of(parameter.name()))) {
                    failures.add(path + " -> " + answer.statusCode() + " " + shorten(answer.body()));
                }
            }
            String repeated = parameter.path() + "?" + parameter.name() + "=a&" + parameter.name() + "=b";
            if (api.get(repeated, AUTHORIZATION, ADMIN).statusCode() != 400) {
                failures.add(repeated + " was not refused");
            }
        }
        assertEquals(List.of(), failures);
    }

    // --- one test per finding ----------------------------------------------------------------------------

    @Test
    void aStringForABoolean_neitherDisablesAMirrorNorChangesAnArchitecture() {
        HttpResponse<String> maybe = api.send("PUT", "/api/v1/mirrors/bob-mirror/enabled", "{\"enabled\":\"maybe\"}",
                AUTHORIZATION, ADMIN);
        assertEquals(400, maybe.statusCode());
        assertEquals(List.of("enabled"), errorFields(maybe));
        assertTrue(json(api.get("/api/v1/mirrors/bob-mirror")).path("enabled").asBoolean(), "still enabled");
        HttpResponse<String> yes = api.send("PUT", "/api/v1/distributions/ubuntu/series/noble/architectures/amd64",
                "{\"official\":\"yes\"}", AUTHORIZATION, ADMIN);
        assertEquals(List.of("official"), errorFields(yes));
        HttpResponse<String> number = api.send("POST", "/api/v1/mirrors", "{\"distribution\":\"ubuntu\",\"name\":12345,"
                + "\"speed\":\"S1G\",\"country\":\"FR\",\"content\":\"ARCHIVE\",\"httpBaseUrl\":\"http://n.example.org/\"}",
                AUTHORIZATION, ALICE);
        assertEquals(List.of("name"), errorFields(number));
        assertEquals(404, api.get("/api/v1/mirrors/12345").statusCode());
    }

    @Test
    void nulAndOversizeTexts_answerAProblemThatNamesTheField_neverAServerPage() {
        HttpResponse<String> nul = api.send("PATCH", "/api/v1/mirrors/alice-mirror", "{\"displayName\":\"a\\u0000b\"}",
                AUTHORIZATION, ALICE);
        assertEquals(400, nul.statusCode());
        assertEquals(List.of("displayName"), errorFields(nul));
        HttpResponse<String> long1 = api.send("PATCH", "/api/v1/mirrors/alice-mirror",
                "{\"description\":\"" + "d".repeat(2001) + "\"}", AUTHORIZATION, ALICE);
        assertEquals(List.of("description"), errorFields(long1));
        assertTrue(json(long1).path("errors").get(0).path("message").asText().contains("at most 2,000"), long1.body());
        HttpResponse<String> query = api.get("/api/v1/mirrors?q=%E2%80%AE%00%0A");
        assertEquals(400, query.statusCode());
        assertEquals(List.of("q"), errorFields(query));
        for (HttpResponse<String> answer : List.of(nul, long1, query)) {
            assertFalse(answer.body().contains("Exception") || answer.body().contains("INSERT"), answer.body());
        }
    }

    @Test
    void anUnexpectedFailure_answersABareProblemWithAnIncidentId_thatTheLogHasOnce() {
        long logStart = SharedServer.get().logLength();
        List<HttpResponse<String>> answers = new ArrayList<>();
        SharedServer.get().deliberateFailure(() ->
                TestDatabase.whileTableIsMissing("country", () -> answers.add(api.get("/api/v1/mirrors"))));
        HttpResponse<String> failed = answers.get(0);
        assertEquals(500, failed.statusCode());
        assertProblemJson(failed);
        String incident = json(failed).path("incident").asText();
        assertTrue(incident.matches("[0-9a-f-]{36}"), failed.body());
        for (String leak : List.of("Exception", "SELECT", "country", "PSQL", "org.", "jakarta.")) {
            assertFalse(failed.body().contains(leak), leak + " in " + failed.body());
        }
        String log = SharedServer.get().logSince(logStart);
        assertEquals(1, log.split(java.util.regex.Pattern.quote("Incident " + incident), -1).length - 1, log);
    }

    @Test
    void numberParameters_thatAreNotNumbers_answer400NamingTheParameter_not404() {
        for (String path : List.of("/api/v1/mirrors", "/api/v1/probe-rounds", "/api/v1/audit-events")) {
            for (String value : List.of("abc", "2147483648", "1e3", "NaN")) {
                HttpResponse<String> answer = api.get(path + "?limit=" + value, AUTHORIZATION, ADMIN);
                assertEquals(400, answer.statusCode(), path + "?limit=" + value);
                assertEquals(List.of("limit"), errorFields(answer));
            }
            assertEquals(200, api.get(path + "?limit=5", AUTHORIZATION, ADMIN).statusCode(), path);
        }
    }

    @Test
    void mirrorUrls_onAddressesTheProberMayNotFetch_areRefusedAtRegistrationAndOnEdit() {
        String before = fingerprint();
        List<String> refusedHosts = List.of("127.0.0.1", "localhost", "LOCALHOST.", "mirror.localhost", "2130706433",
                "0x7f000001", "0177.0.0.1", "0.0.0.0", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1",
                "169.254.169.254", "[fe80::1]", "[fc00::1]", "[::ffff:169.254.169.254]", "[::ffff:127.0.0.1]",
                "[::]", "224.0.0.1", "mirror.example.org:99999", "mirror.example.org:0");
        List<String> failures = new ArrayList<>();
        for (String host : refusedHosts) {
            String url = "http://" + host + "/ubuntu/";
            HttpResponse<String> registered = api.send("POST", "/api/v1/mirrors", "{\"distribution\":\"ubuntu\","
                    + "\"name\":\"edge-ssrf\",\"speed\":\"S1G\",\"country\":\"FR\",\"content\":\"ARCHIVE\","
                    + "\"httpBaseUrl\":\"" + url + "\"}", AUTHORIZATION, ALICE);
            HttpResponse<String> edited = api.send("PATCH", "/api/v1/mirrors/alice-mirror",
                    "{\"httpsBaseUrl\":\"" + url.replace("http:", "https:") + "\"}", AUTHORIZATION, ALICE);
            if (registered.statusCode() != 400 || !errorFields(registered).equals(List.of("httpBaseUrl"))) {
                failures.add("registration " + url + " -> " + registered.statusCode() + " " + shorten(registered.body()));
            }
            if (edited.statusCode() != 400 || !errorFields(edited).equals(List.of("httpsBaseUrl"))) {
                failures.add("edit " + url + " -> " + edited.statusCode() + " " + shorten(edited.body()));
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, fingerprint());
        HttpResponse<String> loopback = api.send("PATCH", "/api/v1/mirrors/alice-mirror",
                "{\"httpBaseUrl\":\"http://localhost/ubuntu/\"}", AUTHORIZATION, ALICE);
        assertTrue(json(loopback).path("errors").get(0).path("message").asText()
                .contains("localhost resolves to 127.0.0.1, a loopback address"), loopback.body());
        assertEquals(200, api.send("PATCH", "/api/v1/mirrors/alice-mirror",
                "{\"httpBaseUrl\":\"http://192.0.2.10/ubuntu/\"}", AUTHORIZATION, ALICE).statusCode(),
                "a public address written plainly is a mirror's URL like any other");
    }

    @Test
    void patch_changesOnlyWhatItNames_andGetShowsEveryWritableField() throws Exception {
        HttpResponse<String> patched = api.send("PATCH", "/api/v1/mirrors/alice-mirror",
                "{\"displayName\":\"Alice's fast mirror\"}", AUTHORIZATION, ALICE, "Content-Type",
                "application/merge-patch+json");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonNode mirror = json(api.get("/api/v1/mirrors/alice-mirror"));
        assertEquals("Alice's fast mirror", mirror.path("displayName").asText());
        assertTrue(mirror.path("officialCandidate").asBoolean(), "a patch keeps what it leaves out");
        for (String field : List.of("name", "displayName", "description", "speed", "country", "content", "pulseType",
                "httpBaseUrl", "httpsBaseUrl", "ftpBaseUrl", "rsyncBaseUrl", "officialCandidate")) {
            assertTrue(mirror.has(field), "GET shows " + field + ": " + mirror);
        }
        assertEquals(200, api.send("PATCH", "/api/v1/mirrors/alice-mirror", "{\"displayName\":null}",
                AUTHORIZATION, ALICE).statusCode());
        assertTrue(json(api.get("/api/v1/mirrors/alice-mirror")).path("displayName").isNull(), "null clears");

        // A read, one change, and a write back of the writable fields keeps the candidacy too.
        ObjectNode writable = JSON.createObjectNode();
        for (String field : List.of("name", "displayName", "description", "speed", "country", "content", "pulseType",
                "httpBaseUrl", "httpsBaseUrl", "ftpBaseUrl", "rsyncBaseUrl", "officialCandidate")) {
            writable.set(field, mirror.get(field));
        }
        writable.put("description", "Now with IPv6");
        assertEquals(200, api.send("PUT", "/api/v1/mirrors/alice-mirror", writable.toString(), AUTHORIZATION, ALICE)
                .statusCode());
        assertTrue(json(api.get("/api/v1/mirrors/alice-mirror")).path("officialCandidate").asBoolean());
    }

    @Test
    void put_withoutEveryWritableField_isRefusedNamingWhatIsMissing() {
        String before = fingerprint();
        HttpResponse<String> partial = api.send("PUT", "/api/v1/mirrors/alice-mirror", "{\"name\":\"alice-mirror\","
                + "\"speed\":\"S1G\",\"country\":\"FR\",\"content\":\"ARCHIVE\",\"httpBaseUrl\":\"http://a.example.org/\"}",
                AUTHORIZATION, ALICE);
        assertEquals(400, partial.statusCode());
        assertTrue(errorFields(partial).contains("officialCandidate"), partial.body());
        assertEquals(before, fingerprint());
    }

    @Test
    void disabledMirrors_areReadOnlyByTheirOwnerAndAdmins_throughEveryPath() {
        assertEquals(200, api.send("PUT", "/api/v1/mirrors/bob-mirror/enabled", "{\"enabled\":false}",
                AUTHORIZATION, ADMIN).statusCode());
        for (String sub : List.of("", "/content", "/freshness", "/freshness-history", "/probes")) {
            String path = "/api/v1/mirrors/bob-mirror" + sub;
            assertEquals(404, api.get(path).statusCode(), "anonymous " + path);
            assertEquals(404, api.get(path, AUTHORIZATION, ALICE).statusCode(), "another owner " + path);
            assertEquals(200, api.get(path, AUTHORIZATION, basic("bob", TestLogin.PASSWORD)).statusCode(),
                    "owner " + path);
            assertEquals(200, api.get(path, AUTHORIZATION, ADMIN).statusCode(), "admin " + path);
        }
    }

    @Test
    void loginThrottle_countsFailuresPerAccount_whicheverNameOrAddressWasTyped() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.get("/api/v1/mirrors?owner=alice", AUTHORIZATION, basic("alice", "wrong-" + i))
                    .statusCode());
        }
        assertEquals(429, api.get("/api/v1/mirrors", AUTHORIZATION, basic("alice", "wrong-5")).statusCode());
        assertEquals(429, api.get("/api/v1/mirrors", AUTHORIZATION, basic("alice@example.org", "wrong-6"))
                .statusCode(), "the account's address gets no fresh guesses");
        assertEquals(429, api.get("/api/v1/mirrors", AUTHORIZATION, basic("alice@example.org", TestLogin.PASSWORD))
                .statusCode(), "even the right password waits");
        assertEquals(401, api.get("/api/v1/mirrors", AUTHORIZATION, basic("alice-not", "wrong")).statusCode(),
                "an unknown name has its own count");
        assertEquals(200, api.get("/api/v1/mirrors", AUTHORIZATION, basic("bob@example.org", TestLogin.PASSWORD))
                .statusCode(), "other accounts are not slowed");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static List<String> wrongValuesFor(JsonNode valid) {
        if (valid.isBoolean()) {
            return List.of("\"yes\"", "\"true\"", "1", "0", "[]", "{}");
        }
        if (valid.isTextual()) {
            return List.of("12345", "1.5", "true", "{}", "[\"a\"]");
        }
        if (valid.isArray()) {
            return List.of("\"main\"", "7", "{}");
        }
        return List.of("\"x\"", "[]");
    }

    private static void expectRefused(Endpoint endpoint, String body, String field, List<String> failures) {
        HttpResponse<String> answer = api.send(endpoint.method(), endpoint.path(), body, AUTHORIZATION,
                endpoint.caller());
        String what = endpoint.method() + " " + endpoint.path() + " " + shorten(body);
        if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
            failures.add(what + " -> " + answer.statusCode() + " " + shorten(answer.body()));
        } else if (!isProblemJson(answer)) {
            failures.add(what + " -> not problem JSON: " + shorten(answer.body()));
        } else if (field != null && !errorFields(answer).contains(field)) {
            failures.add(what + " -> named " + errorFields(answer) + ", not " + field);
        }
    }

    private static void assertProblemJson(HttpResponse<String> answer) {
        assertTrue(isProblemJson(answer), answer.headers().map() + " " + shorten(answer.body()));
    }

    private static boolean isProblemJson(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && json(answer).path("status").asInt() == answer.statusCode();
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    /**
     * Every table's rows, hashed: equal fingerprints mean nothing was written. The login throttle is left
     * out, since logging in is not what these tests change.
     */
    static String fingerprint() {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            // probe_instance is each instance's heartbeat, which it beats whatever the requests.
            try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename NOT IN ('login_throttle', 'flyway_schema_history', 'probe_instance')"
                    + " ORDER BY tablename")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text,"
                        + " '|' ORDER BY t::text)), '') FROM " + table + " t")) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables.toString();
    }
}
