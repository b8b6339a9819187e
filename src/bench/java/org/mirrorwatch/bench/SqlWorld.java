package org.mirrorwatch.bench;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a registry of many mirrors in a few set-based SQL statements ({@code generate_series}), for the
 * benchmarks that read mirrors rather than probe them (the API's and the routing snapshot's). Mirror
 * {@code n} (1..N) is named {@code mirror-00000n}, serves the URL that {@code url} makes of {@code n}
 * ({@link #HOST_NAMES} or {@link #ADDRESSES}), is in
 * {@code countries[n mod |countries|]} and has the freshness {@code freshness[n mod |freshness|]}; every
 * fourth is a release mirror, the others archive mirrors. Lists whose lengths share no factor with each
 * other and with 4 spread the combinations evenly.
 */
final class SqlWorld {

    /** {@code http://m<n>.example.org/ubuntu/}: host names, which do not resolve. */
    static final String HOST_NAMES = "'http://m' || n || '.example.org/ubuntu/'";
    /**
     * {@code http://198.18.x.y/ubuntu/}: addresses in 198.18.0.0/15 (RFC 2544, for benchmarks; up to
     * 131,071 mirrors), which need no DNS.
     */
    static final String ADDRESSES = "'http://198.' || (18 + n / 65536) || '.' || (n / 256 % 256) || '.' || (n % 256)"
            + " || '/ubuntu/'";

    private SqlWorld() {
    }

    /** The owner of the mirrors ({@code bench-owner}) and the distribution {@code ubuntu}. */
    static void distribution(Statement statement) throws SQLException {
        statement.execute("INSERT INTO person (name, display_name, email, date_created) VALUES"
                + " ('bench-owner', 'Bench Owner', 'bench@example.org', now())");
        statement.execute("INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url) VALUES"
                + " ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/')");
    }

    /** N enabled, official mirrors of {@code ubuntu}, with a speed of 1 Gbit/s. */
    static void mirrors(Statement statement, int mirrors, String url, List<String> countries, List<String> freshness)
            throws SQLException {
        statement.execute("INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content,"
                + " pulse_type, http_base_url, enabled, official_candidate, review_status, probed_freshness,"
                + " date_created)"
                + " SELECT (SELECT id FROM distribution), (SELECT id FROM person WHERE name = 'bench-owner'),"
                + " 'mirror-' || lpad(n::text, 6, '0'), 'S1G', (SELECT id FROM country WHERE iso_code = "
                + array(countries) + "[1 + n % " + countries.size() + "]),"
                + " CASE WHEN n % 4 = 0 THEN 'RELEASE' ELSE 'ARCHIVE' END, 'PULL',"
                + " " + url + ", true, true, 'OFFICIAL',"
                + " " + array(freshness) + "[1 + n % " + freshness.size() + "], now()"
                + " FROM generate_series(1, " + mirrors + ") AS n");
    }

    private static String array(List<String> values) {
        return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", ", "(ARRAY[", "])"));
    }
}
