package org.mirrorwatch.bench;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mirrorwatch.bench.ProbeBenchmark.Database;
import org.mirrorwatch.testing.DatabaseServer;
import org.mirrorwatch.testing.FreePorts;

/**
 * The API benchmark of issue 6 (see bench/README.md): the server time of the mirror list and of the
 * freshness feed over N mirrors. It starts PostgreSQL and Payara Micro with the packaged WAR, writes N
 * mirrors in SQL, warms each request up, then reads the application's own {@code Server-Timing} of each
 * of K requests (the resource method with its queries, until the answer's entity is ready), and the wall
 * time the client saw (which adds JSON serialization and the transfer over loopback).
 *
 * <pre>
 * mvn -B -ntp -Pbench package -Dbench.main=org.mirrorwatch.bench.ApiBenchmark -Dbench.args="--mirrors 10000"
 * </pre>
 *
 * Arguments: --mirrors N (10000), --requests K (50), --name (results file name), --results-dir (bench/results).
 */
public final class ApiBenchmark {

    private static final Pattern SERVER_TIME = Pattern.compile("app;dur=([0-9.]+)");

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String[] split = args.length == 1 ? args[0].trim().split("\\s+") : args;
        for (int i = 0; i + 1 < split.length; i += 2) {
            options.put(split[i].replaceFirst("^--", ""), split[i + 1]);
        }
        int mirrors = Integer.parseInt(options.getOrDefault("mirrors", "10000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "50"));
        File root = ProbeBenchmark.projectRoot();
        String name = options.getOrDefault("name", "api-" + mirrors);
        File resultsDir = new File(options.getOrDefault("results-dir", new File(root, "bench/results").getPath()));
        try (DatabaseServer server = DatabaseServer.start()) {
            Database database = new Database(server.host(), server.port(), server.user(), server.password(),
                    server.databaseName());
            String report = run(root, database, mirrors, requests);
            System.out.println(report);
            resultsDir.mkdirs();
            File text = new File(resultsDir, name + ".txt");
            Files.writeString(text.toPath(), report, StandardCharsets.UTF_8);
            System.out.println("Written to " + text);
        }
    }

    private static String run(File root, Database database, int mirrors, int requests) throws Exception {
        String dbName = "mirrorwatch_api_bench_" + System.currentTimeMillis();
        try (Connection admin = database.connect(database.adminDatabase()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + dbName);
        }
        Map<String, String> properties = ProbeBenchmark.serverProperties(database, dbName);
        properties.put("mirrorwatch.probe.timer.enabled", "false");
        File work = new File(root, "target/bench");
        try (PayaraProcess payara = PayaraProcess.start(new File(root, "target/payara-micro.jar"),
                new File(root, "target/mirrorwatch.war"), new File(root, "server-config/payara/post-boot-commands.asadmin"),
                FreePorts.next(), "1g", properties, new File(work, "api-bench-payara.log"))) {
            payara.awaitReady(Duration.ofMinutes(5));
            try (Connection db = database.connect(dbName); Statement statement = db.createStatement()) {
                writeWorld(statement, mirrors);
            }
            HttpClient client = HttpClient.newHttpClient();
            String firstPage = get(client, payara, "/api/v1/mirrors?limit=1000").body();
            Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(firstPage);
            String cursor = next.find() ? next.group(1) : "";
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("a page of 1,000 mirrors (the first)", "/api/v1/mirrors?limit=1000");
            paths.put("a page of 1,000 mirrors (the second, by cursor)", "/api/v1/mirrors?limit=1000&cursor=" + cursor);
            paths.put("a page of 100 mirrors, filtered (country, content, freshness)",
                    "/api/v1/mirrors?limit=100&country=FR&content=ARCHIVE&freshness=ONEHOURBEHIND");
            paths.put("the freshness feed of all " + String.format(Locale.ROOT, "%,d", mirrors) + " mirrors",
                    "/api/v1/freshness");
            paths.put("the console's public list, first page of 100 (HTML; no server timing)", "/?content=archive");
            paths.put("a client mirror list (country FR)", "/api/v1/distributions/ubuntu/country-mirrors/archive?country=FR");
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "API benchmark: %,d mirrors, %d requests each after %d to warm up%n%s%n%n", mirrors, requests,
                    requests, Machine.describe()));
            report.append(String.format(Locale.ROOT, "%-58s %10s %10s %10s %12s%n", "request", "server p50",
                    "server p95", "wall p50", "bytes"));
            for (Map.Entry<String, String> path : paths.entrySet()) {
                for (int i = 0; i < requests; i++) {
                    get(client, payara, path.getValue());
                }
                List<Double> server = new ArrayList<>();
                List<Double> wall = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(client, payara, path.getValue());
                    wall.add((System.nanoTime() - start) / 1e6);
                    Matcher timing = SERVER_TIME.matcher(response.headers().firstValue("Server-Timing").orElse(""));
                    server.add(timing.find() ? Double.parseDouble(timing.group(1)) : Double.NaN);
                    bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
                }
                report.append(String.format(Locale.ROOT, "%-58s %8.1f ms %8.1f ms %8.1f ms %12d%n", path.getKey(),
                        percentile(server, 50), percentile(server, 95), percentile(wall, 50), bytes));
            }
            return report.toString();
        }
    }

    /** The distribution, its owner and N official mirrors over 20 countries, both contents and four states. */
    private static void writeWorld(Statement statement, int mirrors) throws Exception {
        SqlWorld.distribution(statement);
        SqlWorld.mirrors(statement, mirrors, SqlWorld.HOST_NAMES, List.of("DE", "FR", "US", "BR", "JP", "GB", "NL",
                "SE", "IT", "ES", "PL", "CZ", "AT", "CH", "CA", "AU", "IN", "ZA", "KR", "AR"), List.of("UP",
                "ONEHOURBEHIND", "ONEDAYBEHIND", "UNKNOWN"));
        statement.execute("ANALYZE");
    }

    private static HttpResponse<String> get(HttpClient client, PayaraProcess payara, String path)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(payara.base().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
