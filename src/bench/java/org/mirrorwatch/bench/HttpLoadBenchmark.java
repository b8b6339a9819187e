package org.mirrorwatch.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mirrorwatch.bench.ProbeBenchmark.Database;
import org.mirrorwatch.testing.DatabaseServer;
import org.mirrorwatch.testing.FreePorts;

/**
 * The HTTP load benchmark of issue 14 (see bench/README.md): how many requests per second, at what latency
 * and for how much CPU, Payara Micro with the packaged WAR answers, beside nginx serving a static file of
 * the same size on the same machine in the same run. It starts PostgreSQL and Payara Micro (timer off),
 * loads the seed's world, starts nginx on a random port with a configuration of its own, warms every URL
 * up, then runs {@code wrk} against each URL and its nginx twin, several times.
 *
 * <pre>
 * mvn -B -ntp -o -Pbench package -Dbench.main=org.mirrorwatch.bench.HttpLoadBenchmark -Dbench.args="--runs 3"
 * </pre>
 *
 * Arguments: --threads 2, --connections 32, --duration 10s, --warmup 10s (per URL), --runs 3,
 * --urls a,b,c (paths), --lua script (passed to wrk with -s, for both servers), --jfr (a JFR recording of
 * one more wrk run per URL, summarized in the report), --xmx 1g, --jvm option (one more JVM option for
 * Payara; repeat it for several), --post-boot file (instead of the working tree's), --pre-boot file,
 * --name, --results-dir, --war (another build of the WAR, to compare).
 */
public final class HttpLoadBenchmark {

    static final String STYLESHEET = "/jakarta.faces.resource/css/mirrorwatch.css.xhtml";
    static final String DEFAULT_URLS = "/api/health/live,/api/v1/components," + STYLESHEET;

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(m?s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");
    private static final Pattern HEAP = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

    private HttpLoadBenchmark() {
    }

    record Options(int threads, int connections, String duration, String warmup, int runs, List<String> urls,
            String lua, boolean jfr, String xmx, String name, File resultsDir, File war, int routingMirrors,
            List<String> jvmOptions, File postBoot, File preBoot) {

        static Options parse(String[] args, File root) {
            Map<String, String> o = new LinkedHashMap<>();
            List<String> jvmOptions = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String key = args[i].replaceFirst("^--", "");
                if (key.equals("jfr")) {
                    o.put(key, "true");
                } else if (key.equals("jvm") && i + 1 < args.length) {
                    jvmOptions.add(args[++i]);
                } else if (i + 1 < args.length) {
                    o.put(key, args[++i]);
                }
            }
            return new Options(Integer.parseInt(o.getOrDefault("threads", "2")),
                    Integer.parseInt(o.getOrDefault("connections", "32")), o.getOrDefault("duration", "10s"),
                    o.getOrDefault("warmup", "10s"), Integer.parseInt(o.getOrDefault("runs", "3")),
                    List.of(o.getOrDefault("urls", DEFAULT_URLS).split(",")), o.get("lua"),
                    o.containsKey("jfr"), o.getOrDefault("xmx", "1g"), o.getOrDefault("name", "http-load"),
                    new File(o.getOrDefault("results-dir", new File(root, "bench/results").getPath())),
                    new File(o.getOrDefault("war", new File(root, "target/mirrorwatch.war").getPath())),
                    Integer.parseInt(o.getOrDefault("routing-mirrors", "0")),
                    List.copyOf(jvmOptions),
                    new File(o.getOrDefault("post-boot",
                            new File(root, "server-config/payara/post-boot-commands.asadmin").getPath())),
                    o.containsKey("pre-boot") ? new File(o.get("pre-boot")) : null);
        }
    }

    /** What one wrk run reported. */
    record WrkResult(double rate, long requests, double seconds, double p50, double p90, double p99, long non2xx,
            String socketErrors) {
    }

    public static void main(String[] args) throws Exception {
        String[] split = args.length == 1 ? args[0].trim().split("\\s+") : args;
        File root = ProbeBenchmark.projectRoot();
        Options options = Options.parse(split, root);
        try (DatabaseServer server = DatabaseServer.start()) {
            Database database = new Database(server.host(), server.port(), server.user(), server.password(),
                    server.databaseName());
            String report = run(root, options, database);
            System.out.println(report);
            options.resultsDir().mkdirs();
            File text = new File(options.resultsDir(), options.name() + ".txt");
            Files.writeString(text.toPath(), report, StandardCharsets.UTF_8);
            System.out.println("Written to " + text);
        }
    }

    private static String run(File root, Options options, Database database) throws Exception {
        String dbName = "mirrorwatch_http_bench_" + System.currentTimeMillis();
        try (Connection admin = database.connect(database.adminDatabase()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + dbName);
        }
        Map<String, String> properties = ProbeBenchmark.serverProperties(database, dbName);
        properties.put("mirrorwatch.probe.timer.enabled", "false");
        properties.put("mirrorwatch.mail.retry.enabled", "false");
        // wrk's requests come from here and may name their client in X-Forwarded-For (--lua).
        properties.put("mirrorwatch.client.trusted-proxies", "127.0.0.1/32");
        File work = new File(root, "target/bench");
        work.mkdirs();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "HTTP load benchmark: wrk -t%d -c%d -d%s --latency%s, %d runs after"
                + " %s of warm-up per URL%n", options.threads(), options.connections(), options.duration(),
                options.lua() == null ? "" : " -s " + options.lua(), options.runs(), options.warmup()));
        report.append("machine: ").append(Machine.describe()).append('\n');
        report.append("application: ").append(options.war().equals(new File(root, "target/mirrorwatch.war"))
                ? Machine.applicationVersion(root) : options.war().getPath()).append('\n');
        report.append("wrk: ").append(firstLine(List.of("wrk", "--version"))).append('\n');
        report.append("Payara: -Xmx").append(options.xmx()).append(' ').append(String.join(" ", options.jvmOptions()))
                .append(", post-boot file ").append(options.postBoot().getName())
                .append(options.preBoot() == null ? "" : ", pre-boot file " + options.preBoot().getName()).append('\n');
        report.append("started: ").append(Instant.now()).append(", load average ").append(loadAverage()).append("\n\n");
        try (PayaraProcess payara = PayaraProcess.start(new File(root, "target/payara-micro.jar"),
                options.war(), options.postBoot(), FreePorts.next(), options.xmx(), options.jvmOptions(),
                options.preBoot() == null ? List.of() : List.of("--prebootcommandfile", options.preBoot().getPath()),
                properties,
                new File(work, options.name() + "-payara.log"))) {
            payara.awaitReady(Duration.ofMinutes(5));
            try (Connection db = database.connect(dbName); Statement statement = db.createStatement()) {
                if (options.routingMirrors() > 0) {
                    RoutingBenchmark.writeWorld(statement, options.routingMirrors(), false);
                } else {
                    statement.execute(seedWorld());
                }
            }
            if (options.routingMirrors() > 0) {
                HttpResponse<String> rebuilt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        payara.base().resolve("api/v1/routing/snapshot")).POST(HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", RoutingBenchmark.AUTHORIZATION).build(),
                        HttpResponse.BodyHandlers.ofString());
                report.append("world: RoutingBenchmark's, ").append(options.routingMirrors())
                        .append(" mirrors; the routing snapshot: ").append(rebuilt.body()).append('\n');
            }
            report.append(String.format(Locale.ROOT, "Payara Micro pid %d: %d threads, heap %s after a full GC when"
                    + " ready%n", payara.pid(), payara.threads(), heapMib(payara)));
            Path docs = Files.createTempDirectory("mirrorwatch-nginx-");
            docs.toFile().setReadable(true, false);
            docs.toFile().setExecutable(true, false);
            HttpClient client = HttpClient.newHttpClient();
            List<String> twins = new ArrayList<>();
            for (int i = 0; i < options.urls().size(); i++) {
                String url = options.urls().get(i);
                // The twin's bytes are the answer for one client in Germany (a mirror list's length depends on
                // where its client is; the --lua script spreads the measured requests over the world).
                HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(payara.base().resolve(url.substring(1)))
                        .header("X-Forwarded-For", "193.99.144.80").build(), HttpResponse.BodyHandlers.ofByteArray());
                Path file = docs.resolve("answer-" + i);
                Files.write(file, answer.body());
                file.toFile().setReadable(true, false);
                twins.add("/answer-" + i);
                report.append(String.format(Locale.ROOT, "%s: %d, %,d bytes%n", url, answer.statusCode(),
                        answer.body().length));
            }
            try (Nginx nginx = Nginx.start(docs, work)) {
                report.append("nginx: ").append(firstLine(List.of("nginx", "-v"))).append(", pid ")
                        .append(nginx.pid()).append(", ").append(Nginx.WORKERS).append(" worker(s)\n\n");
                for (String url : options.urls()) {
                    wrk(options, payara.base().resolve(url.substring(1)), options.warmup());
                }
                for (String twin : twins) {
                    wrk(options, nginx.base().resolve(twin.substring(1)), "2s");
                }
                report.append(String.format(Locale.ROOT, "%-4s %-46s %10s %8s %8s %8s %7s %10s %8s %9s %8s %6s %7s%n",
                        "run", "url", "req/s", "p50 ms", "p90 ms", "p99 ms", "non2xx", "nginx/s", "ratio",
                        "cpu cores", "cpu µs/req", "heap", "threads"));
                for (int run = 1; run <= options.runs(); run++) {
                    for (int i = 0; i < options.urls().size(); i++) {
                        String url = options.urls().get(i);
                        String load = loadAverage();
                        long cpuBefore = ProcStat.cpuTicks(payara.pid());
                        Map<Long, ProcStat.ThreadTicks> threadsBefore = ProcStat.threadTicks(payara.pid());
                        long start = System.nanoTime();
                        WrkResult ours = wrk(options, payara.base().resolve(url.substring(1)), options.duration());
                        double wall = (System.nanoTime() - start) / 1e9;
                        double cpu = (ProcStat.cpuTicks(payara.pid()) - cpuBefore) / ProcStat.TICKS_PER_SECOND;
                        String byThread = cpuByThreadGroup(threadsBefore, ProcStat.threadTicks(payara.pid()), 6);
                        long nginxBefore = nginx.cpuTicks();
                        long nginxStart = System.nanoTime();
                        WrkResult theirs = wrk(options, nginx.base().resolve(twins.get(i).substring(1)), options.duration());
                        double nginxCpu = (nginx.cpuTicks() - nginxBefore) / ProcStat.TICKS_PER_SECOND;
                        double nginxWall = (System.nanoTime() - nginxStart) / 1e9;
                        report.append(String.format(Locale.ROOT,
                                "%-4d %-46s %10.0f %8.2f %8.2f %8.2f %7d %10.0f %8.1f %9.2f %10.0f %6s %7d%n", run,
                                abbreviate(url, 46), ours.rate(), ours.p50(), ours.p90(), ours.p99(), ours.non2xx(),
                                theirs.rate(), theirs.rate() / ours.rate(), cpu / wall,
                                cpu * 1e6 / Math.max(1, ours.requests()), heapMib(payara), payara.threads()));
                        report.append(String.format(Locale.ROOT,
                                "     (load before %s; socket errors: %s; nginx p50/p90/p99 %.2f/%.2f/%.2f ms,"
                                        + " %.2f cores, %.0f µs/req; socket errors: %s)%n", load,
                                ours.socketErrors(), theirs.p50(), theirs.p90(), theirs.p99(),
                                nginxCpu / nginxWall, nginxCpu * 1e6 / Math.max(1, theirs.requests()),
                                theirs.socketErrors()));
                        report.append("     (Payara CPU seconds by thread: ").append(byThread).append(")\n");
                    }
                }
                if (options.jfr()) {
                    report.append('\n');
                    for (String url : options.urls()) {
                        report.append(profile(options, payara, url, work));
                    }
                }
            } finally {
                deleteTree(docs);
            }
            report.append(String.format(Locale.ROOT, "%nat the end: %d threads, heap %s after a full GC%n",
                    payara.threads(), heapMib(payara)));
        } finally {
            try (Connection admin = database.connect(database.adminDatabase());
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
        }
        return report.toString();
    }

    /** One more wrk run with a JFR recording of Payara, summarized by {@link JfrTopFrames}. */
    private static String profile(Options options, PayaraProcess payara, String url, File work) throws Exception {
        File recording = new File(work, options.name() + "-" + url.replaceAll("[^A-Za-z0-9]+", "_") + ".jfr");
        recording.delete();
        payara.jcmd("JFR.start name=bench settings=profile filename=" + recording.getAbsolutePath());
        WrkResult result = wrk(options, payara.base().resolve(url.substring(1)), options.duration());
        payara.jcmd("JFR.stop name=bench");
        return String.format(Locale.ROOT, "JFR profile of %s (%.0f requests/s while recording; %s):%n%s%n", url,
                result.rate(), recording, JfrTopFrames.summarize(recording.toPath(), 40));
    }

    private static WrkResult wrk(Options options, URI url, String duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + options.threads(), "-c" + options.connections(),
                "-d" + duration, "--latency"));
        if (options.lua() != null) {
            command.addAll(List.of("-s", options.lua()));
        }
        command.add(url.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (is the server still running?"
                    + " something else on the machine may have stopped it):\n" + out);
        }
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rate.find() || !total.find()) {
            throw new IllegalStateException("Unexpected wrk output:\n" + out);
        }
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher socket = SOCKET_ERRORS.matcher(out);
        double seconds = Double.parseDouble(total.group(2)) / (total.group(3).equals("ms") ? 1000 : 1);
        return new WrkResult(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), seconds,
                percentile(out, "50%"), percentile(out, "90%"), percentile(out, "99%"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socket.find() ? socket.group(1).strip() : "none");
    }

    /** A latency of wrk's distribution ("  99%   12.34ms"), in milliseconds. */
    private static double percentile(String out, String which) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    /** CPU seconds between two readings, by thread name with its numbers taken out, the largest first. */
    private static String cpuByThreadGroup(Map<Long, ProcStat.ThreadTicks> before, Map<Long, ProcStat.ThreadTicks> after,
            int groups) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        after.forEach((tid, t) -> {
            ProcStat.ThreadTicks earlier = before.get(tid);
            long used = t.ticks() - (earlier == null ? 0 : earlier.ticks());
            ticks.merge(t.name().replaceAll("[0-9]+", "#"), used, Long::sum);
        });
        return ticks.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(groups)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / ProcStat.TICKS_PER_SECOND))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private static String heapMib(PayaraProcess payara) {
        payara.jcmd("GC.run");
        Matcher m = HEAP.matcher(payara.jcmd("GC.heap_info"));
        return m.find() ? String.format(Locale.ROOT, "%.0fM", Long.parseLong(m.group(2)) / 1024.0) : "?";
    }

    private static String seedWorld() throws IOException {
        try (InputStream in = HttpLoadBenchmark.class.getClassLoader().getResourceAsStream("datasets/seed-world.sql")) {
            if (in == null) {
                throw new IllegalStateException("datasets/seed-world.sql is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${mirrorBase}", "http://127.0.0.1:9/");
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstLine(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return "not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : "…" + text.substring(text.length() - length + 1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * nginx in the foreground (daemon off) with a configuration of its own on a random loopback port: no
     * access log, keep-alive, sendfile; temp paths and pid file in a directory of its own, so it needs no
     * root and touches nothing of the machine's nginx.
     */
    static final class Nginx implements AutoCloseable {

        /** As many workers as Debian's default configuration ("auto"): one per core. */
        static final String WORKERS = "auto";

        private final Process process;
        private final URI base;
        private final Path dir;

        private Nginx(Process process, URI base, Path dir) {
            this.process = process;
            this.base = base;
            this.dir = dir;
        }

        static Nginx start(Path docs, File work) throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("mirrorwatch-nginx-conf-");
            int port = FreePorts.next();
            String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
            String conf = user + "worker_processes " + WORKERS + ";\n"
                    + "daemon off;\n"
                    + "pid " + dir.resolve("nginx.pid") + ";\n"
                    + "error_log " + dir.resolve("error.log") + " warn;\n"
                    + "events { worker_connections 1024; }\n"
                    + "http {\n"
                    + "  access_log off;\n"
                    + "  sendfile on;\n"
                    + "  tcp_nopush on;\n"
                    + "  keepalive_requests 1000000;\n"
                    + "  default_type application/octet-stream;\n"
                    + "  client_body_temp_path " + dir.resolve("body") + ";\n"
                    + "  proxy_temp_path " + dir.resolve("proxy") + ";\n"
                    + "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                    + "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                    + "  scgi_temp_path " + dir.resolve("scgi") + ";\n"
                    + "  server {\n"
                    + "    listen 127.0.0.1:" + port + ";\n"
                    + "    root " + docs + ";\n"
                    + "  }\n"
                    + "}\n";
            Path file = dir.resolve("nginx.conf");
            Files.writeString(file, conf);
            Process process = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", file.toString())
                    .redirectErrorStream(true).redirectOutput(new File(work, "nginx.log")).start();
            Nginx nginx = new Nginx(process, URI.create("http://127.0.0.1:" + port + "/"), dir);
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 100; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited; see " + new File(work, "nginx.log") + " and "
                            + dir.resolve("error.log"));
                }
                try {
                    client.send(HttpRequest.newBuilder(nginx.base).build(), HttpResponse.BodyHandlers.discarding());
                    return nginx;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            nginx.close();
            throw new IllegalStateException("nginx did not answer on port " + port);
        }

        URI base() {
            return base;
        }

        long pid() {
            return process.pid();
        }

        /** CPU ticks of the master and its workers. */
        long cpuTicks() {
            long ticks = ProcStat.cpuTicks(process.pid());
            for (ProcessHandle child : process.descendants().toList()) {
                ticks += Math.max(0, ProcStat.cpuTicks(child.pid()));
            }
            return ticks;
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            deleteTree(dir);
        }
    }
}
