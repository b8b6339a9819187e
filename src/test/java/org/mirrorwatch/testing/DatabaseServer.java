package org.mirrorwatch.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * The PostgreSQL server that tests and the run command use: the one named by MIRRORWATCH_DB_URL (with
 * MIRRORWATCH_DB_USER and MIRRORWATCH_DB_PASSWORD), or else an embedded one on a random port.
 */
public final class DatabaseServer implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** Connects to the configured server, or starts an embedded one. */
    public static DatabaseServer start() {
        Optional<String> configured = setting("MIRRORWATCH_DB_URL");
        if (configured.isPresent()) {
            return new DatabaseServer(configured.get(), setting("MIRRORWATCH_DB_USER").orElse("postgres"),
                    setting("MIRRORWATCH_DB_PASSWORD").orElse(""), null);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new DatabaseServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
    }

    /** An environment variable, or the system property of the same name in lower case with dots. */
    private static Optional<String> setting(String name) {
        String property = name.toLowerCase().replace('_', '.');
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(value -> !value.isBlank());
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The JDBC URL, e.g. {@code jdbc:postgresql://localhost:41234/postgres?user=postgres}. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The URL without parameters, for tools that take the credentials separately. */
    public String plainUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    public String host() {
        return URI.create(plainUrl().substring("jdbc:".length())).getHost();
    }

    public int port() {
        int port = URI.create(plainUrl().substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    public String databaseName() {
        return URI.create(plainUrl().substring("jdbc:".length())).getPath().substring(1);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
