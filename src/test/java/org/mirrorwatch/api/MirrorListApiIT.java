package org.mirrorwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.errorFields;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * The mirror list over 1,000 mirrors (thousand-mirrors.sql, with speeds and probes from
 * thousand-mirrors-probed.sql): each filter agrees with the same question asked of the database, and paging
 * with the cursor visits every mirror once, in name order or in the order {@code sort} asks for.
 */
@Tag("black-box")
class MirrorListApiIT {

    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final String ALICE = basic("alice", TestLogin.PASSWORD);

    private static ApiClient api;

    @BeforeAll
    static void server() {
        api = new ApiClient(SharedServer.get());
        TestDatabase.reset("access-world", "thousand-mirrors", "thousand-mirrors-probed");
    }

    @BeforeEach
    void unchangedWorld() {
        assertEquals(1005, TestDatabase.count("SELECT count(*) FROM distribution_mirror"), "the tests only read");
    }

    @Test
    void pagingWithTheCursor_visitsEveryEnabledMirrorOnce_inNameOrder() {
        List<String> names = allPages("/api/v1/mirrors?limit=100", null);

        assertEquals(TestDatabase.count("SELECT count(*) FROM distribution_mirror WHERE enabled"), names.size());
        assertEquals(names.stream().sorted().distinct().toList(), names);
    }

    @Test
    void anAdmin_pagesThroughEveryMirror_andAnOwnerAlsoThroughTheirDisabledOnes() {
        assertEquals(1005, allPages("/api/v1/mirrors?limit=1000", ADMIN).size());
        assertEquals(TestDatabase.count("SELECT count(*) FROM distribution_mirror m JOIN person p ON p.id = m.owner_id"
                + " WHERE m.enabled OR p.name = 'alice'"), allPages("/api/v1/mirrors?limit=250", ALICE).size());
    }

    @Test
    void eachFilter_agreesWithTheDatabase() {
        assertFilter("country=DE", "c.iso_code = 'DE'");
        assertFilter("content=RELEASE", "m.content = 'RELEASE'");
        assertFilter("freshness=ONEDAYBEHIND", "m.probed_freshness = 'ONEDAYBEHIND'");
        assertFilter("official=true", "m.official_candidate AND m.review_status = 'OFFICIAL'");
        assertFilter("official=false", "NOT (m.official_candidate AND m.review_status = 'OFFICIAL')");
        assertFilter("owner=bob", "p.name = 'bob'");
        assertFilter("q=m09", "m.name LIKE '%m09%'");
        assertFilter("country=FR&content=ARCHIVE&freshness=ONEHOURBEHIND&official=true",
                "c.iso_code = 'FR' AND m.content = 'ARCHIVE' AND m.probed_freshness = 'ONEHOURBEHIND'"
                        + " AND m.official_candidate AND m.review_status = 'OFFICIAL'");
        assertEquals(0, json(api.get("/api/v1/mirrors?enabled=false")).path("mirrors").size(),
                "anonymous callers see no disabled mirror");
    }

    private static final String SPEED_RANK = "array_position(ARRAY['S128K', 'S256K', 'S512K', 'S1M', 'S2M', 'S10M',"
            + " 'S45M', 'S100M', 'S1G', 'S2G', 'S4G', 'S10G', 'S20G', 'S50G', 'S100G']::varchar[], m.speed)";
    private static final String LAST_PROBE = "(SELECT max(r.date_created) FROM mirror_probe_record r"
            + " WHERE r.distribution_mirror_id = m.id)";

    /** Each order as the database says it, ties by name; a never-probed mirror has the oldest last probe. */
    private static final Map<String, String> ORDERS = Map.of(
            "name", "m.name",
            "-name", "m.name DESC",
            "freshness", "array_position(ARRAY['UP', 'ONEHOURBEHIND', 'TWOHOURSBEHIND', 'SIXHOURSBEHIND',"
                    + " 'ONEDAYBEHIND', 'TWODAYSBEHIND', 'ONEWEEKBEHIND', 'UNKNOWN']::varchar[], m.probed_freshness), m.name",
            "-freshness", "array_position(ARRAY['UP', 'ONEHOURBEHIND', 'TWOHOURSBEHIND', 'SIXHOURSBEHIND',"
                    + " 'ONEDAYBEHIND', 'TWODAYSBEHIND', 'ONEWEEKBEHIND', 'UNKNOWN']::varchar[], m.probed_freshness) DESC, m.name",
            "speed", SPEED_RANK + ", m.name",
            "-speed", SPEED_RANK + " DESC, m.name",
            "last-probe", LAST_PROBE + " ASC NULLS FIRST, m.name",
            "-last-probe", LAST_PROBE + " DESC NULLS LAST, m.name");

    @Test
    void pagingInEveryOrder_visitsEveryEnabledMirrorOnce_inTheDatabasesOrder_evenWhenPagesEndInsideTies() {
        assertTrue(TestDatabase.count("SELECT count(DISTINCT date_created) FROM mirror_probe_record") < 10,
                "many mirrors share each last probe");
        for (String sort : ORDERS.keySet()) {
            List<String> expected = TestDatabase.rows("SELECT m.name FROM distribution_mirror m WHERE m.enabled ORDER BY "
                    + ORDERS.get(sort));
            assertEquals(expected, allPages("/api/v1/mirrors?limit=37&sort=" + sort, null), sort);
        }
    }

    @Test
    void aSortedList_keepsItsFilters_andAnAdminPagesThroughDisabledMirrorsToo() {
        assertEquals(TestDatabase.rows("SELECT m.name FROM distribution_mirror m JOIN country c ON c.id = m.country_id"
                        + " WHERE m.enabled AND c.iso_code = 'DE' ORDER BY " + ORDERS.get("-last-probe")),
                allPages("/api/v1/mirrors?limit=50&country=DE&sort=-last-probe", null));
        assertEquals(TestDatabase.rows("SELECT m.name FROM distribution_mirror m ORDER BY " + ORDERS.get("-freshness")),
                allPages("/api/v1/mirrors?limit=300&sort=-freshness", ADMIN));
    }

    @Test
    void anUnknownSort_andACursorOfAnotherOrder_areA400ThatNamesThem() {
        for (String sort : List.of("fresh", "FRESHNESS", "+speed", "--name", "last_probe")) {
            HttpResponse<String> answer = api.get("/api/v1/mirrors?sort=" + sort);
            assertEquals(400, answer.statusCode(), sort);
            assertEquals(List.of("sort"), errorFields(answer), sort);
        }
        String byFreshness = json(api.get("/api/v1/mirrors?limit=5&sort=freshness")).path("next").asText();
        assertEquals(List.of("cursor"), errorFields(api.get("/api/v1/mirrors?limit=5&sort=speed&cursor=" + byFreshness)));
        assertEquals(List.of("cursor"), errorFields(api.get("/api/v1/mirrors?limit=5&sort=-freshness&cursor="
                + byFreshness)));
        String byName = json(api.get("/api/v1/mirrors?limit=5")).path("next").asText();
        assertEquals(List.of("cursor"), errorFields(api.get("/api/v1/mirrors?limit=5&sort=-last-probe&cursor=" + byName)));
    }

    @Test
    void badParameters_areA400ThatNamesThem() {
        HttpResponse<String> content = api.get("/api/v1/mirrors?content=FLOPPY");
        assertEquals(400, content.statusCode());
        assertEquals(List.of("content"), errorFields(content));
        assertEquals(List.of("limit"), errorFields(api.get("/api/v1/mirrors?limit=1001")));
        assertEquals(List.of("cursor"), errorFields(api.get("/api/v1/mirrors?cursor=not-a-cursor")));
        assertEquals(List.of("enabled"), errorFields(api.get("/api/v1/mirrors?enabled=maybe")));
    }

    @Test
    void aPage_carriesEachMirrorsFreshnessAndTheCursorOfTheNext() {
        JsonNode page = json(api.get("/api/v1/mirrors?limit=3&country=FR"));

        assertEquals(3, page.path("mirrors").size());
        assertEquals("alice-mirror", page.at("/mirrors/0/name").asText());
        assertTrue(page.path("next").isTextual());
        JsonNode next = json(api.get("/api/v1/mirrors?limit=3&country=FR&cursor=" + page.path("next").asText()));
        assertTrue(next.at("/mirrors/0/name").asText().compareTo(page.at("/mirrors/2/name").asText()) > 0);
        assertTrue(List.of("UP", "ONEHOURBEHIND", "ONEDAYBEHIND", "UNKNOWN")
                .contains(next.at("/mirrors/0/freshness").asText()));
    }

    private void assertFilter(String parameters, String where) {
        long expected = TestDatabase.count("SELECT count(*) FROM distribution_mirror m JOIN country c ON c.id = m.country_id"
                + " JOIN person p ON p.id = m.owner_id WHERE m.enabled AND " + where);
        assertTrue(expected > 0, parameters + " selects something");
        assertEquals(expected, allPages("/api/v1/mirrors?limit=500&" + parameters, null).size(), parameters);
    }

    private static List<String> allPages(String first, String authorization) {
        List<String> names = new ArrayList<>();
        String next = null;
        do {
            String path = first + (next == null ? "" : "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> response = authorization == null ? api.get(path)
                    : api.get(path, "Authorization", authorization);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = json(response);
            page.path("mirrors").forEach(mirror -> names.add(mirror.path("name").asText()));
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (next != null);
        return names;
    }
}
