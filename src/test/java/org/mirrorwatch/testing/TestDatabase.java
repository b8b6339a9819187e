package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * Puts the test database in a known state: every table emptied (the country list and Flyway's history
 * excepted), ids restarted at 1, then the named datasets loaded from {@code datasets/<name>.sql}.
 * Datasets may hold {@code ${name}} placeholders, filled from the given values.
 *
 * <p>It runs in the test JVM, from a test class's {@code @BeforeAll}, over plain JDBC.
 */
public final class TestDatabase {

    /** Reference data loaded by migrations, which tests never change. */
    private static final List<String> KEPT_TABLES = List.of("flyway_schema_history", "country");
    /** Mails a delivery pass has claimed and not yet sent or given up. */
    private static final String MAILS_IN_FLIGHT =
            "SELECT count(*) FROM mail_outbox WHERE claimed_until IS NOT NULL AND sent_at IS NULL";
    /** Longer than the shared server's SMTP timeout, so that a mail in flight ends one way or the other. */
    private static final Duration MAIL_IN_FLIGHT_LIMIT = Duration.ofSeconds(15);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9_.-]+)}");

    private TestDatabase() {
    }

    public static void reset(String... datasets) {
        reset(Map.of(), datasets);
    }

    public static void reset(Map<String, String> values, String... datasets) {
        // A round the server's timer started may be writing while the tables are emptied; PostgreSQL then
        // gives up one of the two as a deadlock, and when it is this one, emptying again is safe.
        for (int attempt = 1; ; attempt++) {
            try {
                resetOnce(values, datasets);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5 || !(e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState()))) {
                    throw e;
                }
            }
        }
    }

    /**
     * Empties and loads in one transaction, so that the server never reads the empty tables in between
     * (its routing snapshot would otherwise serve no distribution until its next rebuild). It waits for
     * mails the server is sending at that moment: a previous test's mail would otherwise arrive in this
     * test's mailbox. Locking the outbox first means no pass can claim a mail between the look and the
     * emptying.
     */
    private static void resetOnce(Map<String, String> values, String... datasets) {
        long giveUpAt = System.nanoTime() + MAIL_IN_FLIGHT_LIMIT.toNanos();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                while (rs.next()) {
                    if (!KEPT_TABLES.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("The schema is missing: was the application deployed?");
            }
            connection.setAutoCommit(false);
            try {
                while (true) {
                    statement.execute("LOCK TABLE mail_outbox IN ACCESS EXCLUSIVE MODE");
                    if (countIn(statement, MAILS_IN_FLIGHT) == 0 || System.nanoTime() > giveUpAt) {
                        break;
                    }
                    connection.rollback();
                    awaitNoMailInFlight(giveUpAt);
                }
                statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
                for (String dataset : datasets) {
                    statement.execute(fill(read(dataset), values));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the test database: " + e.getMessage(), e);
        }
    }

    /** Makes {@code database} anew and empty on the test run's server: Flyway makes the schema when a server starts. */
    public static void createEmpty(String database) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads datasets into another database than the shared server's, one a test's own servers use (its
     * schema made by their start); nothing is emptied first.
     */
    public static void loadInto(String database, String... datasets) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String dataset : datasets) {
                statement.execute(fill(read(dataset), Map.of()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load " + String.join(", ", datasets) + " into " + database
                    + ": " + e.getMessage(), e);
        }
    }

    private static void awaitNoMailInFlight(long giveUpAt) {
        Awaitility.await("the mail the server is sending").pollDelay(Duration.ofMillis(20))
                .pollInterval(Duration.ofMillis(50)).atMost(Duration.ofNanos(Math.max(giveUpAt - System.nanoTime(), 1)))
                .ignoreExceptions().until(() -> count(MAILS_IN_FLIGHT) == 0);
    }

    private static long countIn(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The single number a query returns, e.g. {@code SELECT count(*) FROM probe_run}. */
    public static long count(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row a query returns, as text, e.g. the actions of the audit trail. */
    public static List<String> rows(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The single moment a query returns, e.g. {@code SELECT max(date_created) FROM mirror_probe_record}. */
    public static Instant instant(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The moments a query returns, one a row, in its order. */
    public static List<Instant> instants(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<Instant> instants = new ArrayList<>();
            while (rs.next()) {
                instants.add(rs.getObject(1, OffsetDateTime.class).toInstant());
            }
            return instants;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the named mirrors a probe record with a one-byte log, so rules that depend on "was probed"
     * apply, without running a probe over HTTP.
     */
    public static void recordProbe(String... mirrorNames) {
        execute("INSERT INTO library_file (filename, mime_type, content_length, sha256, content, date_created)"
                + " VALUES ('probe.log', 'text/plain', 1, repeat('0', 64), convert_to('x', 'UTF8'), now())");
        execute("INSERT INTO mirror_probe_record (distribution_mirror_id, log_file_id, date_created)"
                + " SELECT id, (SELECT max(id) FROM library_file), now() FROM distribution_mirror WHERE name IN ('"
                + String.join("', '", mirrorNames) + "')");
    }

    /** Runs a statement that sets up an odd state no facade would make, such as an expired lease. */
    public static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code action} while a table is missing, as a database in trouble would have it: every query
     * of that table fails, which is how tests make the server meet a failure no page or endpoint expects.
     */
    public static void whileTableIsMissing(String table, Runnable action) {
        execute("ALTER TABLE " + table + " RENAME TO " + table + "_missing");
        try {
            action.run();
        } finally {
            execute("ALTER TABLE " + table + "_missing RENAME TO " + table);
        }
    }

    /** A connection to the test database, for tests that look at rows directly. */
    public static Connection connect() throws SQLException {
        return connect(System.getProperty("mirrorwatch.db.name"));
    }

    /** A connection to another database on the test's PostgreSQL, such as one a test's own servers use. */
    public static Connection connect(String database) throws SQLException {
        String url = "jdbc:postgresql://" + System.getProperty("mirrorwatch.db.host") + ":"
                + System.getProperty("mirrorwatch.db.port") + "/" + database;
        return DriverManager.getConnection(url, System.getProperty("mirrorwatch.db.user"),
                System.getProperty("mirrorwatch.db.password"));
    }

    private static String read(String dataset) {
        String resource = "datasets/" + dataset + ".sql";
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("There is no dataset " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String sql, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The dataset needs a value for ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }
}
