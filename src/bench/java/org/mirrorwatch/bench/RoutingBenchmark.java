package org.mirrorwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.mirrorwatch.bench.ProbeBenchmark.Database;
import org.mirrorwatch.testing.DatabaseServer;
import org.mirrorwatch.testing.FreePorts;

/**
 * The routing snapshot's benchmark (see bench/README.md, "The routing snapshot"): how long the snapshot
 * that the mirror lists and the redirector answer from takes to read over N mirrors, how much memory it
 * holds, and how long a change of the registry takes to reach the lists. It starts PostgreSQL and Payara
 * Micro with the packaged WAR (timer off), writes N mirrors with their content records in SQL, then
 * <ol>
 * <li>rebuilds the snapshot K times with {@code POST /api/v1/routing/snapshot} after 3 warm-ups, and reads
 * its {@code buildMillis}, and the heap used after a full GC before the world was written and after;</li>
 * <li>K times disables a mirror of the client's country ({@code PUT /api/v1/mirrors/{name}/enabled}) and
 * polls that country's {@code /ubuntu/+countrymirrors-archive} every 20 ms until the mirror is gone, then
 * enables it and polls until it is back.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -ntp -Pbench package -Dbench.main=org.mirrorwatch.bench.RoutingBenchmark -Dbench.args="--mirrors 10000"
 * </pre>
 *
 * Arguments: --mirrors N (10000), --rebuilds K (10), --changes K (as --rebuilds), --country (FI),
 * --thread-dumps D (0: jcmd Thread.print samples during the timed rebuilds), --host-names true|false (false:
 * the mirrors' URLs name addresses in 198.18.0.0/15, which need no DNS; true: m&lt;n&gt;.example.org, which
 * the server's background resolver looks up one by one after the first snapshot), --xmx (1g), --name
 * (routing-N), --results-dir (bench/results).
 */
public final class RoutingBenchmark {

    /** The country codes the mirrors are spread over, weighted by repetition; 31 entries, 22 countries on 6 continents. */
    static final List<String> COUNTRIES = List.of("US", "US", "US", "US", "DE", "DE", "DE", "FR", "FR", "GB", "GB",
            "NL", "SE", "FI", "IT", "ES", "PL", "CZ", "AT", "BR", "BR", "AR", "CA", "JP", "JP", "KR", "CN", "IN", "AU",
            "NZ", "ZA");
    /** Overall freshness, 25 entries: 22 fresh enough for the lists (the default stalest is ONEDAYBEHIND). */
    static final List<String> FRESHNESS = List.of("UP", "UP", "UP", "UP", "UP", "UP", "UP", "UP", "UP", "UP", "UP",
            "UP", "ONEHOURBEHIND", "ONEHOURBEHIND", "ONEHOURBEHIND", "ONEHOURBEHIND", "ONEHOURBEHIND", "ONEHOURBEHIND",
            "ONEHOURBEHIND", "TWOHOURSBEHIND", "SIXHOURSBEHIND", "ONEDAYBEHIND", "TWODAYSBEHIND", "ONEWEEKBEHIND",
            "UNKNOWN");
    static final String ADMIN = "bench-admin";
    /** {@code test-password}, as in src/test/resources/datasets/access-world.sql (1024 iterations). */
    private static final String TEST_PASSWORD_HASH = "PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc="
            + ":YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==";
    private static final int WARMUPS = 3;
    private static final long POLL_MILLIS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> options;
    private final int mirrors;
    private final int rebuilds;
    private final int changes;
    private final String country;
    private final int threadDumps;
    private final boolean hostNames;
    private final String name;
    private final File root = ProbeBenchmark.projectRoot();
    private final File work = new File(root, "target/bench");
    private final StringBuilder report = new StringBuilder();
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String authorization = AUTHORIZATION;
    /** HTTP Basic of the world's administrator. */
    static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":test-password").getBytes(StandardCharsets.UTF_8));
    private PayaraProcess payara;

    private RoutingBenchmark(Map<String, String> options) {
        this.options = options;
        mirrors = Integer.parseInt(options.getOrDefault("mirrors", "10000"));
        rebuilds = Integer.parseInt(options.getOrDefault("rebuilds", "10"));
        changes = Integer.parseInt(options.getOrDefault("changes", String.valueOf(rebuilds)));
        country = options.getOrDefault("country", "FI");
        threadDumps = Integer.parseInt(options.getOrDefault("thread-dumps", "0"));
        hostNames = Boolean.parseBoolean(options.getOrDefault("host-names", "false"));
        name = options.getOrDefault("name", "routing-" + mirrors);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String[] split = args.length == 1 ? args[0].trim().split("\\s+") : args;
        for (int i = 0; i + 1 < split.length; i += 2) {
            options.put(split[i].replaceFirst("^--", ""), split[i + 1]);
        }
        RoutingBenchmark benchmark = new RoutingBenchmark(options);
        File resultsDir = new File(options.getOrDefault("results-dir", new File(benchmark.root, "bench/results").getPath()));
        try (DatabaseServer server = DatabaseServer.start()) {
            Database database = new Database(server.host(), server.port(), server.user(), server.password(),
                    server.databaseName());
            String text = benchmark.run(database);
            System.out.println(text);
            resultsDir.mkdirs();
            File file = new File(resultsDir, benchmark.name + ".txt");
            Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
            System.out.println("Written to " + file);
        }
    }

    private String run(Database database) throws Exception {
        String dbName = "mirrorwatch_routing_bench_" + System.currentTimeMillis();
        try (Connection admin = database.connect(database.adminDatabase()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + dbName);
        }
        Map<String, String> properties = ProbeBenchmark.serverProperties(database, dbName);
        properties.put("mirrorwatch.probe.timer.enabled", "false");
        properties.put("mirrorwatch.mail.retry.enabled", "false");
        properties.put("mirrorwatch.client.trusted-proxies", "127.0.0.1/32");
        // The change test looks for one mirror in its country's list, so the list must hold them all.
        properties.put("mirrorwatch.client-list.maximum", "1000");
        File log = new File(work, name + "-payara.log");
        line("Routing snapshot benchmark: %,d mirrors, %d rebuilds after %d to warm up, %d changes (country %s)",
                mirrors, rebuilds, WARMUPS, changes, country);
        line("machine: %s", Machine.describe());
        line("application: %s", Machine.applicationVersion(root));
        line("load average at start: %s", loadAverage());
        line("server: Payara Micro -Xmx%s, mirrorwatch.client-list.maximum 1000, the other mirrorwatch.client-list.*"
                + " at their defaults (rebuild-delay PT2S, refresh PT1M, stalest ONEDAYBEHIND), -Dmirrorwatch.client.trusted-proxies=127.0.0.1/32, timer off; log %s",
                options.getOrDefault("xmx", "1g"), log);
        try (PayaraProcess started = PayaraProcess.start(new File(root, "target/payara-micro.jar"),
                new File(root, "target/mirrorwatch.war"), new File(root, "server-config/payara/post-boot-commands.asadmin"),
                FreePorts.next(), options.getOrDefault("xmx", "1g"), properties, log)) {
            payara = started;
            long boot = System.nanoTime();
            payara.awaitReady(Duration.ofMinutes(5));
            line("Payara ready in %.1f s (pid %d)", seconds(boot), payara.pid());
            long heapIdle = payara.heapUsedAfterFullGcKib();

            String mirror;
            try (Connection db = database.connect(dbName); Statement statement = db.createStatement()) {
                long write = System.nanoTime();
                writeWorld(statement, mirrors, hostNames);
                line("%nWorld written in %.1f s:", seconds(write));
                for (String count : List.of(
                        "SELECT count(*) FROM distribution_mirror",
                        "SELECT count(*) FROM distribution_mirror WHERE probed_freshness IN ('UP', 'ONEHOURBEHIND',"
                                + " 'TWOHOURSBEHIND', 'SIXHOURSBEHIND', 'ONEDAYBEHIND')",
                        "SELECT count(*) FROM distribution_mirror m JOIN country c ON c.id = m.country_id"
                                + " WHERE c.iso_code = '" + country + "' AND m.content = 'ARCHIVE'",
                        "SELECT count(DISTINCT country_id) FROM distribution_mirror",
                        "SELECT count(*) FROM mirror_distro_arch_release",
                        "SELECT count(*) FROM mirror_distro_release_source",
                        "SELECT count(*) FROM mirror_cd_image_distro_release")) {
                    line("  %,10d  %s", single(statement, count), count);
                }
                // The mirror that is turned off and on: a fresh archive mirror of the client's country.
                try (ResultSet rs = statement.executeQuery("SELECT m.name, m.http_base_url FROM distribution_mirror m"
                        + " JOIN country c ON c.id = m.country_id WHERE c.iso_code = '" + country + "'"
                        + " AND m.content = 'ARCHIVE' AND m.probed_freshness = 'UP' ORDER BY m.name LIMIT 1")) {
                    rs.next();
                    mirror = rs.getString(1) + " " + rs.getString(2);
                }
            }
            measureRebuilds(log, heapIdle);
            measureChanges(mirror.split(" ")[0], mirror.split(" ")[1]);
            line("%nload average at the end: %s", loadAverage());
            line("%nSummary%n%-62s %s", "figure", "value");
            summary.forEach((figure, value) -> line("%-62s %s", figure, value));
            return report.toString();
        } finally {
            try (Connection admin = database.connect(database.adminDatabase()); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
        }
    }

    /**
     * The admin, ubuntu with 2 series (noble, jammy), 2 components (main, universe) and 2 architectures
     * (amd64, arm64); N mirrors over {@link #COUNTRIES} with the freshness of {@link #FRESHNESS}. An
     * archive mirror has a record per series, pocket (RELEASE, SECURITY, UPDATES), component and
     * architecture (every seventh has no arm64) and one per series, pocket and component for the sources,
     * as fresh as the mirror; every second release mirror lists the images of both series (2 flavours).
     */
    static void writeWorld(Statement statement, int mirrors, boolean hostNames) throws Exception {
        SqlWorld.distribution(statement);
        statement.execute("INSERT INTO person (name, display_name, email, mirror_admin, email_verified, active,"
                + " password_hash, date_created) VALUES ('" + ADMIN + "', 'Bench Admin', 'bench-admin@example.org',"
                + " true, true, true, '" + TEST_PASSWORD_HASH + "', now())");
        statement.execute("INSERT INTO component (name) VALUES ('main'), ('universe')");
        statement.execute("INSERT INTO distro_release (distribution_id, name, version, status)"
                + " SELECT id, s.name, s.version, s.status FROM distribution, (VALUES ('noble', '24.04', 'CURRENT'),"
                + " ('jammy', '22.04', 'SUPPORTED')) AS s(name, version, status)");
        statement.execute("INSERT INTO distro_release_component (distro_release_id, component_id, position)"
                + " SELECT r.id, c.id, c.id - 1 FROM distro_release r, component c");
        statement.execute("INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official)"
                + " SELECT r.id, a.tag, true FROM distro_release r, (VALUES ('amd64'), ('arm64')) AS a(tag)");
        SqlWorld.mirrors(statement, mirrors, hostNames ? SqlWorld.HOST_NAMES : SqlWorld.ADDRESSES, COUNTRIES, FRESHNESS);
        String pockets = "(VALUES ('RELEASE'), ('SECURITY'), ('UPDATES')) AS p(pocket)";
        statement.execute("INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id,"
                + " pocket, component_id, freshness)"
                + " SELECT m.id, a.id, p.pocket, c.id, m.probed_freshness FROM distribution_mirror m, distro_arch_release a,"
                + " component c, " + pockets + " WHERE m.content = 'ARCHIVE'"
                + " AND (a.architecture_tag = 'amd64' OR m.id % 7 <> 0)");
        statement.execute("INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket,"
                + " component_id, freshness)"
                + " SELECT m.id, r.id, p.pocket, c.id, m.probed_freshness FROM distribution_mirror m, distro_release r,"
                + " component c, " + pockets + " WHERE m.content = 'ARCHIVE'");
        statement.execute("INSERT INTO mirror_cd_image_distro_release (distribution_mirror_id, distro_release_id, flavour)"
                + " SELECT m.id, r.id, f.flavour FROM distribution_mirror m, distro_release r,"
                + " (VALUES ('ubuntu'), ('kubuntu')) AS f(flavour) WHERE m.content = 'RELEASE' AND m.id % 8 = 0");
        statement.execute("ANALYZE");
    }

    private void measureRebuilds(File log, long heapIdleKib) throws Exception {
        line("%n1. Rebuild time (POST /api/v1/routing/snapshot)");
        long first = System.nanoTime();
        JsonNode built = rebuild();
        line("first rebuild after the world was written: %d ms in the server (%.0f ms over HTTP), %d mirrors",
                built.path("buildMillis").asLong(), seconds(first) * 1000, built.path("mirrors").asInt());
        // The first snapshot queues every mirror's host for the background resolver; its end asks for a
        // rebuild. Wait for both, so that they do not run during the timed rebuilds.
        // A host written as an address is known at once; names are resolved in the background, and each
        // answer asks for a rebuild. Wait until no rebuild has come for 5 s, so none runs during the timing.
        long resolving = System.nanoTime();
        String lastBuilt = built.path("builtAt").asText();
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            String builtAt = status().path("builtAt").asText();
            if (!builtAt.equals(lastBuilt)) {
                lastBuilt = builtAt;
                quietSince = System.nanoTime();
            }
        }
        line("background resolution of the mirrors' hosts (%s) and the rebuilds it asks for: quiet %.1f s after the"
                + " first rebuild", hostNames ? "host names" : "addresses, known at once", seconds(resolving) - 5);
        summary.put("hosts resolved in the background after the first snapshot", String.format(Locale.ROOT,
                "%.1f s", seconds(resolving) - 5));
        for (int i = 0; i < WARMUPS; i++) {
            rebuild();
        }
        List<Double> server = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        int count = -1;
        line("load average before the timed rebuilds: %s", loadAverage());
        ThreadSampler sampler = threadDumps > 0 ? ThreadSampler.start(payara, threadDumps, work, name) : null;
        for (int i = 0; i < rebuilds; i++) {
            long start = System.nanoTime();
            JsonNode snapshot = rebuild();
            wall.add(seconds(start) * 1000);
            server.add((double) snapshot.path("buildMillis").asLong());
            count = snapshot.path("mirrors").asInt();
        }
        if (sampler != null) {
            line("%s", sampler.stop());
        }
        line("buildMillis (server) of %d rebuilds: %s", rebuilds, server.stream()
                .map(value -> String.format(Locale.ROOT, "%.0f", value)).collect(Collectors.joining(" ")));
        line("POST wall time (ms):                  %s", wall.stream()
                .map(value -> String.format(Locale.ROOT, "%.0f", value)).collect(Collectors.joining(" ")));
        summary.put("rebuild: buildMillis min / median / max", minMedianMax(server, "ms"));
        summary.put("rebuild: POST wall time min / median / max", minMedianMax(wall, "ms"));
        summary.put("mirrors in the snapshot", String.format(Locale.ROOT, "%,d (of %,d)", count, mirrors));
        long heapAfter = payara.heapUsedAfterFullGcKib();
        line("heap used after a full GC: %.1f MiB idle (before the world), %.1f MiB with the snapshot built",
                heapIdleKib / 1024.0, heapAfter / 1024.0);
        summary.put("heap after full GC: idle -> snapshot built (difference)", String.format(Locale.ROOT,
                "%.1f -> %.1f MiB (+%.1f MiB)", heapIdleKib / 1024.0, heapAfter / 1024.0,
                (heapAfter - heapIdleKib) / 1024.0));
        String histogram = payara.jcmd("GC.class_histogram");
        line("the routing classes on the heap (jcmd GC.class_histogram: instances, bytes, class):");
        histogram.lines().filter(l -> l.contains("org.mirrorwatch.routing")).limit(15).forEach(l -> line("%s", l));
        line("the largest classes:");
        histogram.lines().limit(15).forEach(l -> line("%s", l));
    }

    private void measureChanges(String mirror, String url) throws Exception {
        line("%n2. Change to serving: %s (%s) turned off and on, /ubuntu/+countrymirrors-archive?country=%s polled every"
                + " %d ms", mirror, url, country, POLL_MILLIS);
        String list = "/ubuntu/+countrymirrors-archive?country=" + country;
        HttpResponse<String> before = get(list);
        if (!before.body().contains(url)) {
            throw new IllegalStateException(mirror + " is not in the list of " + country + ":\n" + before.body());
        }
        line("the list has %d lines (%d bytes)", before.body().lines().count(), before.body().length());
        List<Double> gone = new ArrayList<>();
        List<Double> back = new ArrayList<>();
        List<Double> puts = new ArrayList<>();
        List<Double> polls = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            gone.add(change(mirror, false, list, body -> !body.contains(url), puts, polls));
            back.add(change(mirror, true, list, body -> body.contains(url), puts, polls));
            line("  change %2d: gone after %6.0f ms, back after %6.0f ms", i + 1, gone.get(i), back.get(i));
        }
        summary.put("change to serving: disabled -> gone from the list, min / median / max", minMedianMax(gone, "ms"));
        summary.put("change to serving: enabled -> back in the list, min / median / max", minMedianMax(back, "ms"));
        summary.put("PUT /api/v1/mirrors/{name}/enabled (HTTP Basic), median", String.format(Locale.ROOT, "%.0f ms",
                median(puts)));
        summary.put("GET +countrymirrors-archive while polling, median", String.format(Locale.ROOT, "%.1f ms",
                median(polls)));
    }

    /** Turns the mirror on or off, then polls the list until it shows; the time from the PUT's answer. */
    private double change(String mirror, boolean enabled, String list, Predicate<String> shows, List<Double> puts,
            List<Double> polls) throws Exception {
        long put = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(payara.base()
                .resolve("api/v1/mirrors/" + mirror + "/enabled")).header("Authorization", authorization)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT enabled=" + enabled + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        puts.add((answered - put) / 1e6);
        long deadline = answered + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long poll = System.nanoTime();
            HttpResponse<String> answer = get(list);
            long arrived = System.nanoTime();
            polls.add((arrived - poll) / 1e6);
            if (shows.test(answer.body())) {
                return (arrived - answered) / 1e6;
            }
            long sleep = POLL_MILLIS - (System.nanoTime() - poll) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        throw new IllegalStateException("the list did not show " + mirror + " enabled=" + enabled + " within 120 s");
    }

    private JsonNode rebuild() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(payara.base().resolve("api/v1/routing/snapshot"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/routing/snapshot answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode status() throws IOException, InterruptedException {
        return JSON.readTree(get("/api/v1/routing/snapshot").body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(payara.base().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(new File("/proc/loadavg").toPath()).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String minMedianMax(List<Double> values, String unit) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f %s", sorted.get(0), median(values),
                sorted.get(sorted.size() - 1), unit);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Takes {@code jcmd Thread.print} samples while the timed rebuilds run, writes them to target/bench,
     * and tallies the top frames of the thread that reads the snapshot.
     */
    private static final class ThreadSampler {
        private final Thread thread;
        private final File work;
        private final String name;
        private final List<String> dumps = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;

        private ThreadSampler(PayaraProcess payara, int samples, File work, String name) {
            this.work = work;
            this.name = name;
            thread = new Thread(() -> {
                while (running && dumps.size() < samples) {
                    dumps.add(payara.threadDump());
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "routing-bench-thread-dumps");
        }

        static ThreadSampler start(PayaraProcess payara, int samples, File work, String name) {
            ThreadSampler sampler = new ThreadSampler(payara, samples, work, name);
            sampler.thread.start();
            return sampler;
        }

        String stop() throws Exception {
            running = false;
            thread.join();
            Map<String, Integer> top = new TreeMap<>();
            Map<String, Integer> phase = new TreeMap<>();
            int stacks = 0;
            for (int i = 0; i < dumps.size(); i++) {
                Files.writeString(new File(work, name + "-threads-" + (i + 1) + ".txt").toPath(), dumps.get(i));
                for (String block : dumps.get(i).split("\n\n")) {
                    if (!block.contains("SnapshotLoader.load")) {
                        continue;
                    }
                    stacks++;
                    List<String> frames = block.lines().map(String::strip).filter(l -> l.startsWith("at "))
                            .toList();
                    top.merge(frames.isEmpty() ? "?" : frames.get(0), 1, Integer::sum);
                    String caller = frames.stream().filter(f -> f.contains("org.mirrorwatch.")).findFirst().orElse("?");
                    String where = frames.stream().anyMatch(f -> f.contains("org.postgresql.")) ? "in the JDBC driver"
                            : frames.stream().anyMatch(f -> f.contains("org.eclipse.persistence.")) ? "in EclipseLink"
                            : "in the application";
                    phase.merge(where + ", under " + caller, 1, Integer::sum);
                }
            }
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "thread dumps during the timed rebuilds: %d, %d stacks in SnapshotLoader.load (target/bench/%s-threads-*.txt)%n",
                    dumps.size(), stacks, name));
            phase.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.append(String.format(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey())));
            out.append("top frames:\n");
            top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(e -> out.append(String.format(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey())));
            return out.toString().stripTrailing();
        }
    }
}
