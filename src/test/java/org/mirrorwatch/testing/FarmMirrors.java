package org.mirrorwatch.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Mirrors of a fake farm as the black-box probe tests register them (official archive mirrors of the
 * datasets' distribution 1 in Germany, owned by {@code owner}, enabled), and a probe of one on request.
 */
public final class FarmMirrors {

    private FarmMirrors() {
    }

    /** The SQL that registers one, for a database of a test's own. */
    public static String registration(String name, String baseUrl) {
        return "INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id,"
                + " content, pulse_type, http_base_url, enabled, official_candidate, review_status, date_created)"
                + " VALUES (1, (SELECT id FROM person WHERE name = 'owner'), '" + name + "', 'S1G',"
                + " (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE', 'PULL', '" + baseUrl
                + "', true, true, 'OFFICIAL', now())";
    }

    /** Registers one in the shared server's database. */
    public static void register(String name, String baseUrl) {
        TestDatabase.execute(registration(name, baseUrl));
    }

    public static void register(String name, FakeMirror mirror) {
        register(name, mirror.baseUrl());
    }

    /** Probes the mirror now through the API, as {@code authorization}, and waits until its probe is recorded. */
    public static void probe(ApiClient api, String name, String authorization, Duration limit) {
        String records = "SELECT count(*) FROM mirror_probe_record r JOIN distribution_mirror m"
                + " ON m.id = r.distribution_mirror_id WHERE m.name = '" + name + "'";
        long before = TestDatabase.count(records);
        HttpResponse<String> started = api.send("POST", "/api/v1/mirrors/" + name + "/probes", "", "Authorization",
                authorization);
        assertEquals(202, started.statusCode(), started.body());
        await().atMost(limit).until(() -> TestDatabase.count(records) > before);
    }
}
