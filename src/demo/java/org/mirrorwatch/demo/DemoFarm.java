package org.mirrorwatch.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mirrorwatch.publishing.entity.PoolPath;
import org.mirrorwatch.testing.DatabaseServer;

/**
 * The run command's fake mirrors, on 127.0.1.x:18080, so that a newcomer watches real probe rounds give
 * real results. Each serves the demo archive as it was some time ago: in sync, lagging, partial, or
 * broken. Which pool files exist is read from the demo's publication history in the database.
 */
final class DemoFarm implements AutoCloseable {

    static final int PORT = 18080;
    /** The farm's address range; the run command allows it to the prober, and nothing else uses it. */
    static final String ADDRESS_RANGE = "127.0.1.0/24";

    /** One fake mirror: its address, how far behind it is, and what it leaves out. */
    record Site(String address, Duration lag, String missing, boolean broken) {
    }

    static final List<Site> SITES = List.of(
            new Site("127.0.1.1", Duration.ZERO, null, false),
            new Site("127.0.1.2", Duration.ofHours(1), null, false),
            new Site("127.0.1.3", Duration.ZERO, null, false),
            new Site("127.0.1.4", Duration.ofHours(8), null, false),
            new Site("127.0.1.5", Duration.ofDays(3), null, false),
            new Site("127.0.1.6", Duration.ZERO, "binary-arm64", false),
            new Site("127.0.1.7", Duration.ZERO, null, false),
            new Site("127.0.1.8", Duration.ZERO, null, true),
            new Site("127.0.1.9", Duration.ZERO, null, false));

    private final DatabaseServer database;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private volatile Map<String, Instant> published = Map.of();
    private volatile Instant loaded = Instant.EPOCH;

    DemoFarm(DatabaseServer database) {
        this.database = database;
        for (Site site : SITES) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(site.address()), PORT),
                        50);
                server.setExecutor(threads);
                server.createContext("/", exchange -> answer(site, exchange));
                server.start();
                servers.add(server);
            } catch (IOException e) {
                throw new UncheckedIOException("The demo farm could not listen on " + site.address() + ":" + PORT
                        + "; is another run command still running?", e);
            }
        }
    }

    private void answer(Site site, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            exchange.sendResponseHeaders(serves(site, path) ? 200 : 404, -1);
        }
    }

    private boolean serves(Site site, String path) {
        if (site.broken() || !path.startsWith("/ubuntu/") || (site.missing() != null && path.contains(site.missing()))) {
            return false;
        }
        String relative = path.substring("/ubuntu/".length());
        if (relative.startsWith("dists/")) {
            return relative.endsWith("/Packages.gz") || relative.endsWith("/Sources.gz");
        }
        Instant date = publications().get(relative);
        return date != null && !date.isAfter(Instant.now().minus(site.lag()));
    }

    /** The pool paths of the demo's publications, re-read every half minute. */
    private Map<String, Instant> publications() {
        if (loaded.isBefore(Instant.now().minusSeconds(30))) {
            Map<String, Instant> paths = new HashMap<>();
            String query = """
                    SELECT c.name, p.source_package_name, f.filename, p.date_published
                    FROM binary_package_publication p JOIN binary_package_file f ON f.publication_id = p.id
                    JOIN component c ON c.id = p.component_id WHERE p.date_published IS NOT NULL
                    UNION ALL
                    SELECT c.name, p.source_package_name, f.filename, p.date_published
                    FROM source_package_publication p JOIN source_package_file f ON f.publication_id = p.id
                    JOIN component c ON c.id = p.component_id WHERE p.date_published IS NOT NULL""";
            try (Connection connection = DriverManager.getConnection(database.plainUrl(), database.user(),
                    database.password()); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    paths.merge(PoolPath.of(rows.getString(1), rows.getString(2), rows.getString(3)),
                            rows.getTimestamp(4).toInstant(), (a, b) -> a.isBefore(b) ? a : b);
                }
            } catch (SQLException e) {
                return published;
            }
            published = paths;
            loaded = Instant.now();
        }
        return published;
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        threads.shutdownNow();
    }
}
