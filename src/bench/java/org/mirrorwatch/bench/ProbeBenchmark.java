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
 * (K jcmd Thread.print samples during the round, kept in target/bench/), --mirmon-max-probes (25),
 * --quick (no idle-heap measurement and no class histogram: for the smoke test), --quiet, --warmup K (a
 * round of K other mirrors first, on a farm of their own, so that the measured round runs on a warm server),
 * --profile-tail (after the farm's last answer, sample the round thread's stack every 0.4 s until the round
 * ends: what recording waits on), --timeout (the prober's, PT30S), --refusing K, --silent K, --resetting K
 * (K of the N mirrors, the last ones, are dead hosts of that kind; see {@link BenchFarm.Behaviour}), --trace-only
 * (a distribution without series whose trace file is configured: each probe reads one trace file, the work
 * mirmon does), --instances 1|2 (default 1; that many Payara Micros on the one database, each with its own
 * mirrorwatch.instance.name, bench-a and bench-b, the timer on bench-a only: the round is shared work, issue 17).
 */
public final class ProbeBenchmark {

    /** The farm's address block: 127.0.112.1 to 127.0.119.254, away from the demo's and the tests' blocks. */
    static final String FARM_CIDR = "127.0.112.0/21";

    /** The benchmark's settings. */
    public record Options(int mirrors, int latencyMs, int overall, int perHost, int series, boolean mirmon,
            int mirmonMaxProbes, String name, File resultsDir, String xmx, Duration interval, int threadDumps,
            boolean quiet, boolean quick, int warmup, boolean profileTail, Duration timeout, int refusing,
            int silent, int resetting, boolean traceOnly, int instances) {

        /** The arguments that take a value. */
        private static final java.util.Set<String> VALUED = java.util.Set.of("mirrors", "latency-ms", "overall",
                "per-host", "series", "mirmon-max-probes", "name", "results-dir", "xmx", "interval", "thread-dumps",
                "warmup", "timeout", "refusing", "silent", "resetting", "instances");

        public static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean mirmon = false;
            boolean quiet = false;
            boolean quick = false;
            boolean profileTail = false;
            boolean traceOnly = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.equals("--mirmon")) {
                    mirmon = true;
                } else if (arg.equals("--quiet")) {
                    quiet = true;
                } else if (arg.equals("--quick")) {
                    quick = true;
                } else if (arg.equals("--profile-tail")) {
                    profileTail = true;
                } else if (arg.equals("--trace-only")) {
                    traceOnly = true;
                } else if (arg.startsWith("--") && VALUED.contains(arg.substring(2)) && i + 1 < args.length) {
                    if (values.put(arg.substring(2), args[++i]) != null) {
                        throw new IllegalArgumentException(arg + " given twice; see bench/README.md");
                    }
                } else {
                    throw new IllegalArgumentException("Unknown argument " + arg + "; see bench/README.md");
                }
            }
            int mirrors = Integer.parseInt(values.getOrDefault("mirrors", "200"));
            int latency = Integer.parseInt(values.getOrDefault("latency-ms", "50"));
            int overall = Integer.parseInt(values.getOrDefault("overall", "100"));
            int perHost = Integer.parseInt(values.getOrDefault("per-host", "2"));
            int series = traceOnly ? 0 : Integer.parseInt(values.getOrDefault("series", "2"));
            String name = values.getOrDefault("name", traceOnly
                    ? String.format("trace-n%d-l%d-o%d-h%d", mirrors, latency, overall, perHost)
                    : String.format("n%d-l%d-o%d-h%d-s%d", mirrors, latency, overall, perHost, series));
            String instances = values.getOrDefault("instances", "1");
            if (!instances.equals("1") && !instances.equals("2")) {
                throw new IllegalArgumentException("--instances must be 1 or 2, not " + instances);
            }
            File root = projectRoot();
            return new Options(mirrors, latency, overall, perHost, series, mirmon,
                    Integer.parseInt(values.getOrDefault("mirmon-max-probes", "25")), name,
                    new File(values.getOrDefault("results-dir", new File(root, "bench/results").getPath())),
                    values.getOrDefault("xmx", "2g"), Duration.parse(values.getOrDefault("interval", "PT5S")),
                    Integer.parseInt(values.getOrDefault("thread-dumps", "0")), quiet, quick,
                    Integer.parseInt(values.getOrDefault("warmup", "0")), profileTail,
                    Duration.parse(values.getOrDefault("timeout", "PT30S")),
                    Integer.parseInt(values.getOrDefault("refusing", "0")),
                    Integer.parseInt(values.getOrDefault("silent", "0")),
                    Integer.parseInt(values.getOrDefault("resetting", "0")), traceOnly, Integer.parseInt(instances));
        }

        int deadHosts() {
            return refusing + silent + resetting;
        }

        /** The mirrors' behaviours by index: the last ones are the dead hosts, refusing, then silent, then resetting. */
        BenchFarm.Behaviour behaviourOf(int index) {
            int fromEnd = mirrors - index;
            if (fromEnd > deadHosts()) {
                return BenchFarm.Behaviour.ANSWERING;
            }
            if (fromEnd > silent + resetting) {
                return BenchFarm.Behaviour.REFUSING;
            }
            return fromEnd > resetting ? BenchFarm.Behaviour.SILENT : BenchFarm.Behaviour.RESETTING;
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

    /** The system properties that point a benchmark's Payara at its database and at an SMTP port of its own. */
    static Map<String, String> serverProperties(Database database, String dbName) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mirrorwatch.db.host", database.host());
        properties.put("mirrorwatch.db.port", String.valueOf(database.port()));
        properties.put("mirrorwatch.db.name", dbName);
        properties.put("mirrorwatch.db.user", database.user());
        properties.put("mirrorwatch.db.password", database.password());
        properties.put("mirrorwatch.mail.host", "localhost");
        properties.put("mirrorwatch.mail.port", String.valueOf(FreePorts.next()));
        properties.put("mirrorwatch.mail.from", "mirrorwatch@localhost");
        return properties;
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
        // The WAR may come from another checkout (-Dmirrorwatch.test.war), to measure another commit with this
        // harness: the report names the commit the WAR was built from.
        File warProject = war.getAbsoluteFile().getParentFile().getParentFile().getCanonicalFile();
        result.application = warProject.equals(root) ? Machine.applicationVersion(root)
                : Machine.applicationVersion(warProject) + ", WAR " + war + "; the harness at "
                        + Machine.applicationVersion(root);
        String dbName = "mirrorwatch_bench_" + System.currentTimeMillis();
        log(options, "database " + database.url(dbName));
        try (Connection admin = database.connect(database.adminDatabase());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + dbName);
        }

        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BenchWorld world = options.traceOnly() ? BenchWorld.traceOnly(published)
                : new BenchWorld(options.series(), published);
        List<String> addresses = new ArrayList<>();
        List<Duration> lags = new ArrayList<>();
        List<BenchFarm.Behaviour> behaviours = new ArrayList<>();
        for (int i = 0; i < options.mirrors(); i++) {
            addresses.add("127.0." + (112 + i / 254) + "." + (1 + i % 254));
            lags.add(BenchWorld.lagOf(i));
            behaviours.add(options.behaviourOf(i));
        }
        if (options.deadHosts() >= options.mirrors()) {
            throw new IllegalArgumentException("At least one of the " + options.mirrors() + " mirrors must answer");
        }
        if (options.mirrors() + options.warmup() > 8 * 254) {
            throw new IllegalArgumentException("At most " + 8 * 254 + " mirrors fit in " + FARM_CIDR);
        }
        List<PayaraProcess> servers = new ArrayList<>();
        Thread stopHook = null;
        try (BenchFarm farm = new BenchFarm(addresses, lags, behaviours, Duration.ofMillis(options.latencyMs()),
                world)) {
            Map<String, String> properties = serverProperties(database, dbName);
            properties.put("mirrorwatch.mail.retry.enabled", "false");
            properties.put("mirrorwatch.probe.timer.enabled", "true");
            properties.put("mirrorwatch.probe.interval", options.interval().toString());
            properties.put("mirrorwatch.probe.batch-size", String.valueOf(options.mirrors()));
            properties.put("mirrorwatch.probe.overall-limit", String.valueOf(options.overall()));
            properties.put("mirrorwatch.probe.per-host-limit", String.valueOf(options.perHost()));
            properties.put("mirrorwatch.probe.timeout", options.timeout().toString());
            properties.put("mirrorwatch.probe.allowed-cidrs", FARM_CIDR);
            properties.put("mirrorwatch.instance.name", instanceName(0));
            result.serverProperties = properties;
            stopHook = new Thread(() -> servers.forEach(PayaraProcess::close), "bench-stop-payara");
            Runtime.getRuntime().addShutdownHook(stopHook);
            long bootStart = System.nanoTime();
            // One after the other: the first migrates the database (Flyway), the others find it migrated. Only
            // the first has the timer, which starts the round; the others join it when its claims are queued.
            for (int i = 0; i < options.instances(); i++) {
                Map<String, String> own = new LinkedHashMap<>(properties);
                own.put("mirrorwatch.instance.name", instanceName(i));
                own.put("mirrorwatch.probe.timer.enabled", String.valueOf(i == 0));
                if (i > 0) {
                    own.put("mirrorwatch.mail.port", String.valueOf(FreePorts.next()));
                    result.otherServerProperties.put(instanceName(i), Map.of("mirrorwatch.instance.name",
                            instanceName(i), "mirrorwatch.probe.timer.enabled", "false", "mirrorwatch.mail.port",
                            own.get("mirrorwatch.mail.port")));
                }
                int port = FreePorts.next();
                PayaraProcess server = PayaraProcess.start(microJar, war, postBoot, port, options.xmx(), own,
                        new File(work, options.name() + "-payara" + (i == 0 ? "" : "-" + instanceName(i)) + ".log"));
                servers.add(server);
                log(options, "Payara Micro " + instanceName(i) + " pid " + server.pid() + " on port " + port + ", log "
                        + server.log());
                server.awaitReady(Duration.ofMinutes(5));
            }
            PayaraProcess payara = servers.get(0);
            result.bootSeconds = (System.nanoTime() - bootStart) / 1e9;
            log(options, String.format("Payara ready in %.1f s", result.bootSeconds));
            result.threadsAtReady = payara.threads();
            if (!options.quick()) {
                result.heapIdleAfterGcKib = payara.heapUsedAfterFullGcKib();
            }

            try (Connection db = database.connect(dbName)) {
                world.insertArchive(db);
            }
            long afterRun = 0;
            if (options.warmup() > 0) {
                afterRun = warmUp(options, database, dbName, payara, world, result);
            }
            List<String> urls = farm.hosts().stream().map(BenchWorld::archiveUrl).toList();
            try (Connection db = database.connect(dbName)) {
                world.insertMirrors(db, "bench-", urls);
            }
            log(options, options.mirrors() + " mirrors and " + world.indexesPerMirror()
                    + " indexes per mirror inserted; waiting for the timer's round");
            watchRound(options, database, dbName, servers, farm, world, result, work, afterRun);
            if (options.mirmon()) {
                runMirmon(options, farm, result, work);
            }
        } finally {
            servers.forEach(PayaraProcess::close);
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

    /**
     * A round of other mirrors on a farm of their own first, so that the measured round runs on a warm server
     * (JIT-compiled, pools grown), as every round but the first after a restart does.
     *
     * @return the warm-up round's id
     */
    private static long warmUp(Options options, Database database, String dbName, PayaraProcess payara,
            BenchWorld world, BenchResult result) throws Exception {
        List<String> addresses = new ArrayList<>();
        List<Duration> lags = new ArrayList<>();
        for (int i = options.mirrors(); i < options.mirrors() + options.warmup(); i++) {
            addresses.add("127.0." + (112 + i / 254) + "." + (1 + i % 254));
            lags.add(BenchWorld.lagOf(i - options.mirrors()));
        }
        long start = System.nanoTime();
        try (BenchFarm warm = new BenchFarm(addresses, lags, Duration.ofMillis(options.latencyMs()), world);
                Connection db = database.connect(dbName); Statement statement = db.createStatement()) {
            world.insertMirrors(db, "warmup-", warm.hosts().stream().map(BenchWorld::archiveUrl).toList());
            log(options, "warm-up: " + options.warmup() + " other mirrors on a farm of their own");
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (!payara.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited during the warm-up; see " + payara.log());
                }
                try (ResultSet row = statement.executeQuery("SELECT id, state FROM probe_run WHERE trigger = 'TIMER'"
                        + " AND mirrors_total = " + options.warmup() + " AND state <> 'RUNNING' ORDER BY id DESC LIMIT 1")) {
                    if (row.next()) {
                        result.warmupRunId = row.getLong(1);
                        result.warmupSeconds = (System.nanoTime() - start) / 1e9;
                        log(options, String.format("warm-up round %d %s after %.1f s", row.getLong(1), row.getString(2),
                                result.warmupSeconds));
                        return row.getLong(1);
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The warm-up round did not finish; see " + payara.log());
    }

    /** Waits for the timer's round of every mirror, sampling the server as it runs, then reads what it did. */
    private static void watchRound(Options options, Database database, String dbName, List<PayaraProcess> servers,
            BenchFarm farm, BenchWorld world, BenchResult result, File work, long afterRun) throws Exception {
        // The first instance's threads, heap and stacks; the CPU of all of them.
        PayaraProcess payara = servers.get(0);
        // {epoch ms, threads, Payara CPU ticks, machine busy ticks, machine total ticks}
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        Map<Long, ProcStat.ThreadTicks> threadsLatest = new java.util.concurrent.ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            int n = 0;
            while (!Thread.currentThread().isInterrupted()) {
                int threads = payara.threads();
                long[] machine = ProcStat.machineTicks();
                if (threads > 0) {
                    samples.add(new long[] {System.currentTimeMillis(), threads, cpuTicks(servers),
                            machine[0], machine[1]});
                }
                if (n++ % 10 == 0) {
                    threadsLatest.putAll(threadTicks(servers));
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
        Map<Long, ProcStat.ThreadTicks> threadsAtStart = Map.of();
        // Java thread names by native id, from two thread dumps taken while the round probes: /proc only
        // has the first 15 characters of each name.
        Map<Long, String> javaNames = new java.util.HashMap<>();
        int nameDumps = 0;
        long roundSeenAt = 0;
        long nextTailSample = 0;
        List<String> tailStacks = new ArrayList<>();

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
                for (PayaraProcess server : servers) {
                    if (!server.isAlive()) {
                        throw new IllegalStateException("Payara Micro exited during the benchmark; see " + server.log());
                    }
                }
                try (ResultSet row = statement.executeQuery("SELECT id, state, mirrors_done, requests FROM probe_run"
                        + " WHERE trigger = 'TIMER' AND mirrors_total = " + options.mirrors() + " AND id > " + afterRun
                        + " ORDER BY id DESC LIMIT 1")) {
                    if (row.next()) {
                        if (runId < 0) {
                            runId = row.getLong(1);
                            machineAtStart = ProcStat.machineTicks();
                            payaraCpuAtStart = cpuTicks(servers);
                            ownCpuAtStart = ProcStat.cpuTicks(ProcessHandle.current().pid());
                            pgAtStart = ProcStat.postgresTicks(database.port());
                            threadsAtStart = threadTicks(servers);
                            roundSeenAt = System.nanoTime();
                            result.loadAtStart = RoutingBenchmark.loadAverage();
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
                        long farmRequests = farm.snapshot().requests();
                        if ((nameDumps == 0 && System.nanoTime() - roundSeenAt > 10_000_000_000L)
                                || (nameDumps == 1 && farmRequests > expectedRequests(options, world) * 7 / 10)) {
                            nameDumps++;
                            javaNames.putAll(javaThreadNames(payara.threadDump()));
                        }
                        if (options.profileTail() && farmRequests >= expectedRequests(options, world)
                                && System.nanoTime() >= nextTailSample) {
                            nextTailSample = System.nanoTime() + 400_000_000L;
                            String stack = roundThreadStack(payara.threadDump());
                            if (stack != null) {
                                tailStacks.add(stack);
                            }
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
            result.loadAtEnd = RoutingBenchmark.loadAverage();
            long[] machineAtEnd = ProcStat.machineTicks();
            long payaraCpuAtEnd = cpuTicks(servers);
            long ownCpuAtEnd = ProcStat.cpuTicks(ProcessHandle.current().pid());
            Map<Long, Long> pgAtEnd = ProcStat.postgresTicks(database.port());
            threadsLatest.putAll(threadTicks(servers));
            sampler.interrupt();
            sampler.join();
            List<BenchResult.ThreadCpu> busiest = new ArrayList<>();
            for (Map.Entry<Long, ProcStat.ThreadTicks> e : threadsLatest.entrySet()) {
                ProcStat.ThreadTicks before = threadsAtStart.get(e.getKey());
                long ticks = e.getValue().ticks() - (before == null ? 0 : before.ticks());
                if (ticks > 0) {
                    busiest.add(new BenchResult.ThreadCpu(e.getKey(), javaNames.getOrDefault(e.getKey(),
                            e.getValue().name()), ticks / ProcStat.TICKS_PER_SECOND));
                }
            }
            busiest.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
            result.busiestThreads = busiest;
            result.tailStacks = tailStacks;
            if (!tailStacks.isEmpty()) {
                Files.writeString(new File(work, options.name() + "-tail-stacks.txt").toPath(),
                        String.join("\n", tailStacks), StandardCharsets.UTF_8);
            }
            result.cpuSamples = new ArrayList<>(samples);

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
            if (!options.quick()) {
                result.histogram = payara.classHistogram(20);
            }
            readWhatWasRecorded(statement, result);
            readDeadHosts(statement, options, farm, result);
            readShares(statement, runId, farm, world, result);
            long expected = expectedRequests(options, world);
            result.requestsExpected = expected;
            result.indexesPerMirror = world.indexesPerMirror();
        }
    }

    /** The CPU ticks of the servers' processes, together. */
    private static long cpuTicks(List<PayaraProcess> servers) {
        return servers.stream().mapToLong(server -> ProcStat.cpuTicks(server.pid())).sum();
    }

    /** The CPU ticks of every thread of the servers, by native thread id (unique on the machine). */
    private static Map<Long, ProcStat.ThreadTicks> threadTicks(List<PayaraProcess> servers) {
        Map<Long, ProcStat.ThreadTicks> ticks = new java.util.HashMap<>();
        servers.forEach(server -> ticks.putAll(ProcStat.threadTicks(server.pid())));
        return ticks;
    }

    /** bench-a, bench-b: the instances' names in shared rounds. */
    static String instanceName(int index) {
        return "bench-" + (char) ('a' + index);
    }

    /**
     * Who probed what, and whether each mirror was probed exactly once: each instance's share of the round
     * from its claims (one claim per host; the instance that marked it DONE, and its mirrors), the claims
     * taken more than once (an instance's claims taken over), the farm's paths asked more than once, the
     * answering hosts that did not see exactly what the matrix asks of one probe, and the benchmark's mirrors
     * without exactly one probe record.
     */
    private static void readShares(Statement statement, long runId, BenchFarm farm, BenchWorld world,
            BenchResult result) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT c.instance, count(DISTINCT c.id), count(m.mirror_id),"
                + " count(m.recorded_at) FROM probe_claim c LEFT JOIN probe_claim_mirror m ON m.claim_id = c.id"
                + " WHERE c.run_id = " + runId + " GROUP BY c.instance ORDER BY c.instance")) {
            while (rows.next()) {
                result.shares.add(new BenchResult.InstanceShare(rows.getString(1), rows.getInt(2), rows.getInt(3),
                        rows.getInt(4)));
            }
        }
        try (ResultSet row = statement.executeQuery("SELECT count(*) FILTER (WHERE times_taken > 1),"
                + " count(*) FILTER (WHERE state <> 'DONE') FROM probe_claim WHERE run_id = " + runId)) {
            row.next();
            result.claimsTakenAgain = row.getLong(1);
            result.claimsNotDone = row.getLong(2);
        }
        try (ResultSet row = statement.executeQuery("SELECT count(*) FROM distribution_mirror m WHERE m.name LIKE"
                + " 'bench-%' AND (SELECT count(*) FROM mirror_probe_record r WHERE r.distribution_mirror_id = m.id)"
                + " <> 1")) {
            row.next();
            result.mirrorsNotRecordedOnce = row.getLong(1);
        }
        Map.Entry<Long, List<String>> repeated = farm.pathsAskedMoreThanOnce(10);
        result.pathsAskedAgain = repeated.getKey();
        result.pathsAskedAgainExamples = repeated.getValue();
        for (BenchFarm.Host host : farm.hosts()) {
            if (!host.behaviour.dead() && host.requests.get() != world.expectedRequests(host.lag)) {
                result.hostsOffMatrix.add(host.rootUrl() + " " + host.requests.get() + " of "
                        + world.expectedRequests(host.lag));
            }
        }
    }

    /** The stack of the thread that runs the round (RoundParticipant, or RoundRunner for one mirror), from a thread dump, or null. */
    static String roundThreadStack(String dump) {
        for (String block : dump.split("\n\n")) {
            if (block.startsWith("\"concurrent/mirrorwatch-probe")
                    && (block.contains("RoundParticipant") || block.contains("RoundRunner"))) {
                return block;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern DUMP_THREAD = java.util.regex.Pattern.compile(
            "^\"(.*)\".* nid=0x([0-9a-f]+)", java.util.regex.Pattern.MULTILINE);

    /** Thread names by native thread id, from a jcmd Thread.print. */
    static Map<Long, String> javaThreadNames(String dump) {
        Map<Long, String> names = new java.util.HashMap<>();
        java.util.regex.Matcher m = DUMP_THREAD.matcher(dump);
        while (m.find()) {
            names.put(Long.parseLong(m.group(2), 16), m.group(1));
        }
        return names;
    }

    /** What the matrix asks of the answering mirrors; a dead host's requests depend on when it is given up. */
    private static long expectedRequests(Options options, BenchWorld world) {
        long total = 0;
        for (int i = 0; i < options.mirrors(); i++) {
            if (!options.behaviourOf(i).dead()) {
                total += world.expectedRequests(BenchWorld.lagOf(i));
            }
        }
        return total;
    }

    /**
     * When the answering mirrors were all recorded (the live work), and for each dead host: the requests
     * that reached it, the requests its mirror's probe log shows as sent and failed, when its mirror was
     * recorded, and the reason the log gives for the requests that were not sent.
     */
    private static void readDeadHosts(Statement statement, Options options, BenchFarm farm, BenchResult result)
            throws SQLException {
        if (options.deadHosts() == 0) {
            return;
        }
        List<String> dead = new ArrayList<>();
        for (BenchFarm.Host host : farm.hosts()) {
            if (host.behaviour.dead()) {
                dead.add(mirrorName(host.index));
            }
        }
        String names = "('" + String.join("', '", dead) + "')";
        try (ResultSet row = statement.executeQuery("SELECT max(r.date_created) FROM mirror_probe_record r"
                + " JOIN distribution_mirror m ON m.id = r.distribution_mirror_id WHERE m.name LIKE 'bench-%'"
                + " AND m.name NOT IN " + names)) {
            row.next();
            result.liveWorkRecorded = row.getTimestamp(1).toInstant();
        }
        Map<String, BenchFarm.Host> hostsByMirror = new LinkedHashMap<>();
        farm.hosts().stream().filter(host -> host.behaviour.dead())
                .forEach(host -> hostsByMirror.put(mirrorName(host.index), host));
        try (ResultSet rows = statement.executeQuery("SELECT m.name, r.date_created, convert_from(f.content, 'UTF8')"
                + " FROM mirror_probe_record r JOIN distribution_mirror m ON m.id = r.distribution_mirror_id"
                + " JOIN library_file f ON f.id = r.log_file_id WHERE m.name IN " + names + " ORDER BY m.name")) {
            while (rows.next()) {
                BenchFarm.Host host = hostsByMirror.get(rows.getString(1));
                String log = rows.getString(3);
                result.deadHosts.add(new BenchResult.DeadHost(rows.getString(1), host.address.getAddress()
                        .getHostAddress() + ":" + host.address.getPort(), host.behaviour, host.deadRequests.get(),
                        sentAndFailed(log), rows.getTimestamp(2).toInstant(), givenUpReason(log)));
            }
        }
    }

    /** bench-0007 */
    static String mirrorName(int index) {
        return String.format("bench-%04d", index);
    }

    /**
     * The log's lines of requests that were sent and failed: "Failed url: reason", or a timeout's own line;
     * not the "Deleted ... because:" line that follows each, nor the lines of requests not sent because
     * the host was given up.
     */
    static long sentAndFailed(String log) {
        return log.lines().filter(line -> (line.contains(" Failed ") || line.contains(" took longer than "))
                && !line.contains("because:") && !line.contains("gave up on host") && !line.contains("skipped: "))
                .count();
    }

    /** Why the log says the host's other requests were not sent, or null when it never says so. */
    static String givenUpReason(String log) {
        return log.lines().filter(line -> line.contains(" Failed ")).map(line -> {
            int deadRule = line.indexOf("gave up on host");
            int launchpadsRule = line.indexOf("skipped: ");
            return deadRule >= 0 ? line.substring(deadRule) : launchpadsRule >= 0 ? line.substring(launchpadsRule) : null;
        }).filter(reason -> reason != null).findFirst().orElse(null);
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
        String ours = "(SELECT id FROM distribution_mirror WHERE name LIKE 'bench-%')";
        try (ResultSet row = statement.executeQuery("SELECT"
                + " (SELECT count(*) FROM mirror_distro_arch_release WHERE distribution_mirror_id IN " + ours + "),"
                + " (SELECT count(*) FROM mirror_distro_release_source WHERE distribution_mirror_id IN " + ours + "),"
                + " (SELECT count(*) FROM mirror_probe_record WHERE distribution_mirror_id IN " + ours + "),"
                + " (SELECT count(*) FROM mirror_freshness_snapshot WHERE distribution_mirror_id IN " + ours + "),"
                + " (SELECT count(*) FROM library_file WHERE filename LIKE 'bench-%'),"
                + " (SELECT coalesce(sum(content_length), 0) FROM library_file WHERE filename LIKE 'bench-%'),"
                + " (SELECT count(*) FROM distribution_mirror WHERE enabled AND name LIKE 'bench-%'),"
                + " (SELECT count(*) FROM distribution_mirror WHERE trace_state = 'FOUND' AND name LIKE 'bench-%')")) {
            row.next();
            result.archRecords = row.getLong(1);
            result.sourceRecords = row.getLong(2);
            result.probeRecords = row.getLong(3);
            result.snapshots = row.getLong(4);
            result.logFiles = row.getLong(5);
            result.logBytes = row.getLong(6);
            result.mirrorsEnabledAfter = row.getLong(7);
            result.tracesRead = row.getLong(8);
        }
        try (ResultSet rows = statement.executeQuery("SELECT freshness, count(*) FROM (SELECT freshness FROM"
                + " mirror_distro_arch_release WHERE distribution_mirror_id IN " + ours + " UNION ALL SELECT freshness FROM"
                + " mirror_distro_release_source WHERE distribution_mirror_id IN " + ours + ") r GROUP BY freshness"
                + " ORDER BY freshness")) {
            while (rows.next()) {
                result.recordFreshness.put(rows.getString(1), rows.getLong(2));
            }
        }
        try (ResultSet rows = statement.executeQuery("SELECT overall, count(*) FROM mirror_freshness_snapshot"
                + " WHERE distribution_mirror_id IN " + ours + " GROUP BY overall ORDER BY overall")) {
            while (rows.next()) {
                result.overallFreshness.put(rows.getString(1), rows.getLong(2));
            }
        }
        List<Instant> recorded = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT date_created FROM mirror_probe_record"
                + " WHERE distribution_mirror_id IN " + ours + " ORDER BY date_created")) {
            while (rows.next()) {
                recorded.add(rows.getTimestamp(1).toInstant());
            }
        }
        result.recordedAt = recorded;
    }

    private static void runMirmon(Options options, BenchFarm farm, BenchResult result, File work) {
        if (!Mirmon.available()) {
            result.mirmonNote = "mirmon, wget or unshare is missing (apt-get install mirmon); skipped";
            return;
        }
        farm.resetPeaks();
        BenchFarm.Snapshot before = farm.snapshot();
        log(options, "mirmon: checking the same " + farm.hosts().size() + " mirrors");
        result.mirmon = Mirmon.check(new File(work, "mirmon-" + options.name()), farm.hosts(),
                options.mirmonMaxProbes(), 30);
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
