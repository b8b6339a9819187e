package org.mirrorwatch.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirrorwatch.testing.DatabaseServer;
import org.mirrorwatch.testing.FreePorts;

/**
 * The probe benchmark of issue 4 (see bench/README.md). It starts PostgreSQL (embedded unless
 * MIRRORWATCH_DB_URL names one; either way in a database of its own), a farm of N fake mirrors on their
 * own loopback addresses with an injected latency, and Payara Micro with the packaged WAR and -Xmx2g. The
 * application's own timer starts the round, and its prober probes and records every mirror; the harness
 * only watches: the farm's counters, the probe_run row, the server's threads (/proc) and heap (jcmd).
 *
 * <pre>
 * mvn -B -ntp -Pbench package -Dbench.args="--mirrors 200 --latency-ms 50 --overall 100 --per-host 2"
 * </pre>
 *
 * Arguments: --mirrors N, --latency-ms L, --overall O, --per-host H, --series 1|2 (2), --mirmon, --name
 * (results file name), --results-dir (bench/results), --xmx (2g), --interval (PT5S), --thread-dumps K
 * (K jcmd Thread.print samples during the round, kept in target/bench/), --mirmon-max-probes (25).
 */
public final class ProbeBenchmark {

    /** The farm's address block: 127.0.112.1 to 127.0.119.254, away from the demo's and the tests' blocks. */
    static final String FARM_CIDR = "127.0.112.0/21";

    /** The benchmark's settings. */
    public record Options(int mirrors, int latencyMs, int overall, int perHost, int series, boolean mirmon,
            int mirmonMaxProbes, String name, File resultsDir, String xmx, Duration interval, int threadDumps,
            boolean quiet) {

        public static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean mirmon = false;
            boolean quiet = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.equals("--mirmon")) {
                    mirmon = true;
                } else if (arg.equals("--quiet")) {
                    quiet = true;
                } else if (arg.startsWith("--") && i + 1 < args.length) {
                    values.put(arg.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("Unknown argument " + arg + "; see bench/README.md");
                }
            }
            int mirrors = Integer.parseInt(values.getOrDefault("mirrors", "200"));
            int latency = Integer.parseInt(values.getOrDefault("latency-ms", "50"));
            int overall = Integer.parseInt(values.getOrDefault("overall", "100"));
            int perHost = Integer.parseInt(values.getOrDefault("per-host", "2"));
            int series = Integer.parseInt(values.getOrDefault("series", "2"));
            String name = values.getOrDefault("name", String.format("n%d-l%d-o%d-h%d-s%d", mirrors, latency, overall,
                    perHost, series));
            File root = projectRoot();
            return new Options(mirrors, latency, overall, perHost, series, mirmon,
                    Integer.parseInt(values.getOrDefault("mirmon-max-probes", "25")), name,
                    new File(values.getOrDefault("results-dir", new File(root, "bench/results").getPath())),
                    values.getOrDefault("xmx", "2g"), Duration.parse(values.getOrDefault("interval", "PT5S")),
                    Integer.parseInt(values.getOrDefault("thread-dumps", "0")), quiet);
        }
    }

    /** A PostgreSQL server; the benchmark creates its own database in it and drops it at the end. */
    public record Database(String host, int port, String user, String password, String adminDatabase) {

        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(url(database), user, password);
        }
    }

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] split = args.length == 1 ? args[0].trim().split("\\s+") : args;
        Options options = Options.parse(split);
        try (DatabaseServer server = DatabaseServer.start()) {
            Database database = new Database(server.host(), server.port(), server.user(), server.password(),
                    server.databaseName());
            BenchResult result = run(options, database);
            System.out.println(result.report());
            File text = new File(options.resultsDir(), options.name() + ".txt");
            System.out.println("Written to " + text + " and " + options.name() + ".json");
        }
    }

    static File projectRoot() {
        try {
            return new File(System.getProperty("mirrorwatch.project.dir", ".")).getCanonicalFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one benchmark and writes its results to the results directory. Everything it starts, it stops. */
    public static BenchResult run(Options options, Database database) throws Exception {
        File root = projectRoot();
        File microJar = new File(System.getProperty("payara.microJar", new File(root, "target/payara-micro.jar").getPath()));
        File war = new File(System.getProperty("mirrorwatch.test.war", new File(root, "target/mirrorwatch.war").getPath()));
        File postBoot = new File(System.getProperty("mirrorwatch.postboot.file",
                new File(root, "server-config/payara/post-boot-commands.asadmin").getPath()));
        for (File required : List.of(microJar, war, postBoot)) {
            if (!required.isFile()) {
                throw new IllegalStateException(required + " is missing; run the bench profile (mvn -Pbench package)");
            }
        }
        File work = new File(root, "target/bench");
        work.mkdirs();
        BenchResult result = new BenchResult(options);
        result.machine = Machine.describe();
        String dbName = "mirrorwatch_bench_" + System.currentTimeMillis();
        log(options, "database " + database.url(dbName));
        try (Connection admin = database.connect(database.adminDatabase());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + dbName);
        }

        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BenchWorld world = new BenchWorld(options.series(), published);
        List<String> addresses = new ArrayList<>();
        List<Duration> lags = new ArrayList<>();
        for (int i = 0; i < options.mirrors(); i++) {
            addresses.add("127.0." + (112 + i / 254) + "." + (1 + i % 254));
            lags.add(BenchWorld.lagOf(i));
        }
        if (options.mirrors() > 8 * 254) {
            throw new IllegalArgumentException("At most " + 8 * 254 + " mirrors fit in " + FARM_CIDR);
        }
        PayaraProcess payara = null;
        Thread stopHook = null;
        try (BenchFarm farm = new BenchFarm(addresses, lags, Duration.ofMillis(options.latencyMs()), world)) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("mirrorwatch.db.host", database.host());
            properties.put("mirrorwatch.db.port", String.valueOf(database.port()));
            properties.put("mirrorwatch.db.name", dbName);
            properties.put("mirrorwatch.db.user", database.user());
            properties.put("mirrorwatch.db.password", database.password());
            properties.put("mirrorwatch.mail.host", "localhost");
            properties.put("mirrorwatch.mail.port", String.valueOf(FreePorts.next()));
            properties.put("mirrorwatch.mail.from", "mirrorwatch@localhost");
            properties.put("mirrorwatch.mail.retry.enabled", "false");
            properties.put("mirrorwatch.probe.timer.enabled", "true");
            properties.put("mirrorwatch.probe.interval", options.interval().toString());
            properties.put("mirrorwatch.probe.batch-size", String.valueOf(options.mirrors()));
            properties.put("mirrorwatch.probe.overall-limit", String.valueOf(options.overall()));
            properties.put("mirrorwatch.probe.per-host-limit", String.valueOf(options.perHost()));
            properties.put("mirrorwatch.probe.timeout", "PT30S");
            properties.put("mirrorwatch.probe.allowed-cidrs", FARM_CIDR);
            result.serverProperties = properties;
            int port = FreePorts.next();
            long bootStart = System.nanoTime();
            payara = PayaraProcess.start(microJar, war, postBoot, port, options.xmx(), properties,
                    new File(work, options.name() + "-payara.log"));
            PayaraProcess started = payara;
            stopHook = new Thread(started::close, "bench-stop-payara");
            Runtime.getRuntime().addShutdownHook(stopHook);
            log(options, "Payara Micro pid " + payara.pid() + " on port " + port + ", log " + payara.log());
            payara.awaitReady(Duration.ofMinutes(5));
            result.bootSeconds = (System.nanoTime() - bootStart) / 1e9;
            log(options, String.format("Payara ready in %.1f s", result.bootSeconds));
            result.threadsAtReady = payara.threads();
            result.heapIdleAfterGcKib = payara.heapUsedAfterFullGcKib();

            List<String> urls = farm.hosts().stream().map(BenchWorld::archiveUrl).toList();
            try (Connection db = database.connect(dbName)) {
                world.insert(db, urls);
            }
            log(options, options.mirrors() + " mirrors and " + world.indexesPerMirror()
                    + " indexes per mirror inserted; waiting for the timer's round");
            watchRound(options, database, dbName, payara, farm, world, result, work);
            if (options.mirmon()) {
                runMirmon(options, farm, urls, result, work);
            }
        } finally {
            if (payara != null) {
                payara.close();
            }
            if (stopHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopHook);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
            try (Connection admin = database.connect(database.adminDatabase());
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("bench: could not drop " + dbName + ": " + e.getMessage());
            }
        }
        result.write();
        return result;
    }

    /** Waits for the timer's round of every mirror, sampling the server as it runs, then reads what it did. */
    private static void watchRound(Options options, Database database, String dbName, PayaraProcess payara,
            BenchFarm farm, BenchWorld world, BenchResult result, File work) throws Exception {
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>()); // {epoch ms, threads}
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                int threads = payara.threads();
                if (threads > 0) {
                    samples.add(new long[] {System.currentTimeMillis(), threads});
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        long runId = -1;
        long lastPrint = 0;
        String state = null;
        long[] machineAtStart = null;
        long payaraCpuAtStart = 0;
        long ownCpuAtStart = 0;
        Map<Long, Long> pgAtStart = Map.of();
        int dumpsTaken = 0;
        long nextDump = 0;
        try (Connection db = database.connect(dbName); Statement statement = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (!payara.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited during the benchmark; see " + payara.log());
                }
                try (ResultSet row = statement.executeQuery("SELECT id, state, mirrors_done, requests FROM probe_run"
                        + " WHERE trigger = 'TIMER' AND mirrors_total = " + options.mirrors() + " ORDER BY id DESC LIMIT 1")) {
                    if (row.next()) {
                        if (runId < 0) {
                            runId = row.getLong(1);
                            machineAtStart = ProcStat.machineTicks();
                            payaraCpuAtStart = ProcStat.cpuTicks(payara.pid());
                            ownCpuAtStart = ProcStat.cpuTicks(ProcessHandle.current().pid());
                            pgAtStart = ProcStat.postgresTicks(database.port());
                            log(options, "round " + runId + " started");
                            nextDump = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                        }
                        state = row.getString(2);
                        if (!state.equals("RUNNING")) {
                            break;
                        }
                        if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                            lastPrint = System.nanoTime();
                            log(options, String.format("round %d: %d/%d mirrors recorded, %d requests counted,"
                                            + " farm %d, threads %d", runId, row.getInt(3), options.mirrors(), row.getLong(4),
                                    farm.snapshot().requests(), payara.threads()));
                        }
                        if (dumpsTaken < options.threadDumps() && System.nanoTime() >= nextDump) {
                            File dump = new File(work, options.name() + "-threads-" + (++dumpsTaken) + ".txt");
                            Files.writeString(dump.toPath(), Instant.now() + "\n" + payara.threadDump(),
                                    StandardCharsets.UTF_8);
                            nextDump = System.nanoTime() + Duration.ofSeconds(Math.max(5,
                                    expectedSeconds(options, world) / Math.max(1, options.threadDumps()))).toNanos();
                        }
                    }
                }
                Thread.sleep(200);
            }
            if (state == null || state.equals("RUNNING")) {
                throw new IllegalStateException("The round did not finish within an hour; see " + payara.log());
            }
            long[] machineAtEnd = ProcStat.machineTicks();
            long payaraCpuAtEnd = ProcStat.cpuTicks(payara.pid());
            long ownCpuAtEnd = ProcStat.cpuTicks(ProcessHandle.current().pid());
            Map<Long, Long> pgAtEnd = ProcStat.postgresTicks(database.port());
            sampler.interrupt();
            sampler.join();

            result.runId = runId;
            try (ResultSet row = statement.executeQuery("SELECT state, started, finished, mirrors_total, mirrors_done,"
                    + " requests, failures FROM probe_run WHERE id = " + runId)) {
                row.next();
                result.state = row.getString(1);
                result.started = row.getTimestamp(2).toInstant();
                result.finished = row.getTimestamp(3).toInstant();
                result.mirrorsTotal = row.getInt(4);
                result.mirrorsDone = row.getInt(5);
                result.requestsCounted = row.getLong(6);
                result.failuresCounted = row.getLong(7);
            }
            result.farm = farm.snapshot();
            result.answersPerSecond = farm.answersPerSecond();
            long started = result.started.toEpochMilli();
            long finished = result.finished.toEpochMilli();
            synchronized (samples) {
                int idle = -1;
                int peak = -1;
                for (long[] sample : samples) {
                    if (sample[0] < started) {
                        idle = (int) sample[1];
                    } else if (sample[0] <= finished + 100) {
                        peak = Math.max(peak, (int) sample[1]);
                    }
                }
                result.threadsIdle = idle >= 0 ? idle : result.threadsAtReady;
                result.threadsPeak = peak;
                result.threadSamples = samples.size();
            }
            double machineSeconds = (machineAtEnd[1] - machineAtStart[1]) / ProcStat.TICKS_PER_SECOND;
            result.cpuMachineBusySeconds = (machineAtEnd[0] - machineAtStart[0]) / ProcStat.TICKS_PER_SECOND;
            result.cpuMachineCapacitySeconds = machineSeconds;
            result.cpuPayaraSeconds = (payaraCpuAtEnd - payaraCpuAtStart) / ProcStat.TICKS_PER_SECOND;
            result.cpuHarnessSeconds = (ownCpuAtEnd - ownCpuAtStart) / ProcStat.TICKS_PER_SECOND;
            result.cpuPostgresSeconds = ProcStat.postgresSecondsBetween(pgAtStart, pgAtEnd);

            result.heapAfterGcKib = payara.heapUsedAfterFullGcKib();
            result.threadsAfter = payara.threads();
            result.histogram = payara.classHistogram(20);
            readWhatWasRecorded(statement, result);
            long expected = 0;
            for (int i = 0; i < options.mirrors(); i++) {
                expected += world.expectedRequests(BenchWorld.lagOf(i));
            }
            result.requestsExpected = expected;
            result.indexesPerMirror = world.indexesPerMirror();
        }
    }

    private static long expectedSeconds(Options options, BenchWorld world) {
        long total = 0;
        long max = 0;
        for (int i = 0; i < options.mirrors(); i++) {
            long r = world.expectedRequests(BenchWorld.lagOf(i));
            total += r;
            max = Math.max(max, r);
        }
        return (long) Math.max(1, options.latencyMs() / 1000.0 * Math.max(total / (double) options.overall(),
                max / (double) options.perHost()));
    }

    private static void readWhatWasRecorded(Statement statement, BenchResult result) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM mirror_distro_arch_release),"
                + " (SELECT count(*) FROM mirror_distro_release_source), (SELECT count(*) FROM mirror_probe_record),"
                + " (SELECT count(*) FROM mirror_freshness_snapshot), (SELECT count(*) FROM library_file),"
                + " (SELECT coalesce(sum(content_length), 0) FROM library_file),"
                + " (SELECT count(*) FROM distribution_mirror WHERE enabled)")) {
            row.next();
            result.archRecords = row.getLong(1);
            result.sourceRecords = row.getLong(2);
            result.probeRecords = row.getLong(3);
            result.snapshots = row.getLong(4);
            result.logFiles = row.getLong(5);
            result.logBytes = row.getLong(6);
            result.mirrorsEnabledAfter = row.getLong(7);
        }
        try (ResultSet rows = statement.executeQuery(
                "SELECT overall, count(*) FROM mirror_freshness_snapshot GROUP BY overall ORDER BY overall")) {
            while (rows.next()) {
                result.overallFreshness.put(rows.getString(1), rows.getLong(2));
            }
        }
        List<Instant> recorded = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT date_created FROM mirror_probe_record ORDER BY date_created")) {
            while (rows.next()) {
                recorded.add(rows.getTimestamp(1).toInstant());
            }
        }
        result.recordedAt = recorded;
    }

    private static void runMirmon(Options options, BenchFarm farm, List<String> urls, BenchResult result, File work) {
        if (!Mirmon.available()) {
            result.mirmonNote = "mirmon is not installed (apt-get install mirmon); skipped";
            return;
        }
        farm.resetPeaks();
        BenchFarm.Snapshot before = farm.snapshot();
        log(options, "mirmon: checking the same " + urls.size() + " mirrors");
        result.mirmon = Mirmon.check(new File(work, "mirmon-" + options.name()), urls, options.mirmonMaxProbes(), 30);
        BenchFarm.Snapshot after = farm.snapshot();
        result.mirmonRequests = after.requests() - before.requests();
        result.mirmonPeakOverall = after.peakOverall();
        result.mirmonMaxHostPeak = after.maxHostPeak();
    }

    static void log(Options options, String message) {
        if (!options.quiet()) {
            System.out.println("bench: " + message);
        }
    }
}
