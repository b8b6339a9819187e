package org.mirrorwatch.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one benchmark run measured, its report as text, and the same figures as JSON. */
public final class BenchResult {

    /** CPU time one thread of the server used during the round. */
    record ThreadCpu(long tid, String name, double seconds) {
    }

    /**
     * A dead host after the round.
     *
     * @param reached      requests that reached the host (a refusing host's never do)
     * @param sentAndFailed requests its mirror's probe log shows as sent and failed
     * @param reason       why the log says the other requests were not sent, or null
     */
    record DeadHost(String mirror, String address, BenchFarm.Behaviour behaviour, long reached, long sentAndFailed,
            Instant recorded, String reason) {
    }

    /**
     * One instance's share of a round, from its claims (one per host): the claims it marked DONE, their
     * mirrors, and how many of those are marked recorded.
     */
    record InstanceShare(String instance, int claims, int mirrors, int recorded) {
    }

    final ProbeBenchmark.Options options;
    List<ThreadCpu> busiestThreads = List.of();
    List<long[]> cpuSamples = List.of();
    String machine;
    String application;
    Map<String, String> serverProperties = Map.of();
    /** The properties in which the other instances differ from the first's, by instance. */
    final Map<String, Map<String, String>> otherServerProperties = new LinkedHashMap<>();
    double bootSeconds;
    long warmupRunId;
    double warmupSeconds;
    int threadsAtReady;
    long heapIdleAfterGcKib = -1;

    long runId;
    String state;
    Instant started;
    Instant finished;
    int mirrorsTotal;
    int mirrorsDone;
    long requestsCounted;
    long failuresCounted;
    long requestsExpected;
    int indexesPerMirror;
    BenchFarm.Snapshot farm;
    long[] answersPerSecond = new long[0];

    int threadsIdle;
    int threadsPeak;
    int threadsAfter;
    int threadSamples;
    long heapAfterGcKib = -1;
    String histogram = "";

    double cpuMachineBusySeconds;
    double cpuMachineCapacitySeconds;
    double cpuPayaraSeconds;
    double cpuPostgresSeconds;
    double cpuHarnessSeconds;

    long archRecords;
    long sourceRecords;
    long probeRecords;
    long snapshots;
    long logFiles;
    long logBytes;
    long mirrorsEnabledAfter;
    /** Mirrors whose trace the round read (trace-only mode). */
    long tracesRead;
    final Map<String, Long> overallFreshness = new LinkedHashMap<>();
    /** The freshness column of every content record of the benchmark's mirrors, as stored. */
    final Map<String, Long> recordFreshness = new LinkedHashMap<>();
    List<String> tailStacks = List.of();
    List<Instant> recordedAt = List.of();

    String loadAtStart = "unknown";
    String loadAtEnd = "unknown";
    /** When the last answering mirror was recorded; only measured when the farm has dead hosts. */
    Instant liveWorkRecorded;
    final List<DeadHost> deadHosts = new ArrayList<>();

    final List<InstanceShare> shares = new ArrayList<>();
    long claimsTakenAgain;
    long claimsNotDone;
    long mirrorsNotRecordedOnce;
    /** (host, path) pairs the farm was asked more than once, and a few of them. */
    long pathsAskedAgain;
    List<String> pathsAskedAgainExamples = List.of();
    /** Answering hosts whose request count is not what the matrix asks of one probe. */
    final List<String> hostsOffMatrix = new ArrayList<>();

    Mirmon.Run mirmon;
    String mirmonNote;
    long mirmonRequests;
    int mirmonPeakOverall;
    int mirmonMaxHostPeak;

    BenchResult(ProbeBenchmark.Options options) {
        this.options = options;
    }

    // ---- derived figures

    public boolean roundDone() {
        return "DONE".equals(state) && mirrorsDone == mirrorsTotal && mirrorsTotal == options.mirrors();
    }

    public double wallSeconds() {
        return Duration.between(started, finished).toNanos() / 1e9;
    }

    public long requestsCounted() {
        return requestsCounted;
    }

    public long requestsSeenByFarm() {
        return farm.requests();
    }

    public long requestsExpected() {
        return requestsExpected;
    }

    public int perHostPeak() {
        return farm.maxHostPeak();
    }

    public int overallPeak() {
        return farm.peakOverall();
    }

    public long contentRecords() {
        return archRecords + sourceRecords;
    }

    public long probeRecords() {
        return probeRecords;
    }

    public Map<String, Long> overallFreshness() {
        return overallFreshness;
    }

    /** Each instance's share of the round, by its claims. */
    public List<InstanceShare> shares() {
        return shares;
    }

    /**
     * Every mirror probed exactly once: every claim DONE and none taken twice, no path of any answering host
     * asked twice, every answering host asked exactly what the matrix asks of one probe, and every mirror
     * recorded once.
     */
    public boolean everyMirrorProbedExactlyOnce() {
        return claimsNotDone == 0 && claimsTakenAgain == 0 && pathsAskedAgain == 0 && hostsOffMatrix.isEmpty()
                && mirrorsNotRecordedOnce == 0;
    }

    /** Why {@link #everyMirrorProbedExactlyOnce} does not hold, or an empty text. */
    public String exactlyOnceFacts() {
        return String.format(Locale.ROOT, "claims not DONE %d, claims taken more than once %d, paths asked more than"
                + " once %d %s, hosts off the matrix %d %s, mirrors without exactly one probe record %d",
                claimsNotDone, claimsTakenAgain, pathsAskedAgain, pathsAskedAgainExamples, hostsOffMatrix.size(),
                hostsOffMatrix.stream().limit(5).toList(), mirrorsNotRecordedOnce);
    }

    /**
     * L × max(total / overall limit, max on one host / per-host limit), in seconds; the overall limit is
     * each instance's, so with I instances it is I × O in all.
     */
    public double lowerBoundSeconds() {
        double perOverall = requestsCounted / (double) (options.overall() * options.instances());
        double perHost = farm.maxHostRequests() / (double) options.perHost();
        return options.latencyMs() / 1000.0 * Math.max(perOverall, perHost);
    }

    /** The requests the round sent to dead hosts, by their mirrors' probe logs. */
    public long requestsToDeadHosts() {
        return deadHosts.stream().mapToLong(DeadHost::sentAndFailed).sum();
    }

    /**
     * The README's bound of a dead host: its 3 failed attempts take ⌈3 / p⌉ waves of at most t each, and the
     * requests that started meanwhile end within one more t.
     */
    public double deadHostBoundSeconds() {
        int waves = (3 + options.perHost() - 1) / options.perHost() + 1;
        return waves * options.timeout().toNanos() / 1e9;
    }

    public double ratio() {
        return wallSeconds() / lowerBoundSeconds();
    }

    public double requestsPerSecond() {
        return requestsCounted / wallSeconds();
    }

    public double heapAfterGcMib() {
        return heapAfterGcKib / 1024.0;
    }

    public int threadsAdded() {
        return threadsPeak - threadsIdle;
    }

    private double secondsFromStart(Instant instant) {
        return instant == null ? Double.NaN : Duration.between(started, instant).toNanos() / 1e9;
    }

    private long recordedBy(Instant instant) {
        return instant == null ? 0 : recordedAt.stream().filter(t -> !t.isAfter(instant)).count();
    }

    // ---- report

    public String report() {
        StringBuilder out = new StringBuilder();
        Locale l = Locale.ROOT;
        out.append(String.format(l, "Mirrorwatch probe benchmark: %s%n", options.name()));
        out.append(String.format(l, "machine: %s%n", machine));
        out.append(String.format(l, "application: %s%n", application));
        if (options.traceOnly()) {
            out.append("mode: trace only: one trace file per mirror (" + BenchWorld.TRACE_PATH + ", Arch lastsync"
                    + " format), no series, as mirmon reads a mirror\n");
        }
        out.append(String.format(l, "setup: %d mirrors (%d series: %d indexes each; lags 0/1 h/8 h/3 d in turn),"
                        + " latency %d ms, limits %d overall / %d per host, timeout %s, Payara -Xmx%s, run %s%n",
                options.mirrors(), options.series(), indexesPerMirror, options.latencyMs(), options.overall(),
                options.perHost(), options.timeout(), options.xmx(), started));
        if (options.deadHosts() > 0) {
            out.append(String.format(l, "dead hosts: %d of the %d mirrors (refusing %d, silent %d, resetting %d), the"
                    + " last ones; the farm's figures below are those of the %d that answer%n", options.deadHosts(),
                    options.mirrors(), options.refusing(), options.silent(), options.resetting(),
                    options.mirrors() - options.deadHosts()));
        }
        if (options.instances() > 1) {
            out.append(String.format(l, "instances: %d Payara Micros on the one database (%s), the timer on the first"
                    + " only; the round is shared work (issue 17). Threads, heap and stacks below are the first's;"
                    + " CPU is all of them%n", options.instances(), shares.stream().map(InstanceShare::instance).toList()));
        }
        out.append(String.format(l, "load average: %s at the round's start, %s at its end%n", loadAtStart, loadAtEnd));
        out.append(String.format(l, "round %d: %s, %d/%d mirrors recorded (trigger TIMER)%n", runId, state, mirrorsDone,
                mirrorsTotal));
        out.append(options.warmup() > 0
                ? String.format(l, "server: warm (round %d of %d other mirrors on a farm of their own ran first, %.1f s)%n%n",
                        warmupRunId, options.warmup(), warmupSeconds)
                : "server: cold (the first round after the server started)\n\n");

        out.append("figure                                   value\n");
        row(out, "wall time (probe_run started→finished)", fmt("%.2f s", wallSeconds()));
        row(out, "total requests (probe_run.requests)", String.valueOf(requestsCounted));
        row(out, "requests the farm saw", String.valueOf(farm.requests()));
        row(out, "requests expected from the matrix", String.valueOf(requestsExpected));
        row(out, "max requests on one host", String.valueOf(farm.maxHostRequests()));
        row(out, options.instances() > 1 ? "lower bound L×max(tot/(I×O), host/H)" : "lower bound L×max(tot/O, host/H)", fmt("%.2f s", lowerBoundSeconds()));
        row(out, "ratio wall / lower bound", fmt("%.3f", ratio()));
        row(out, "requests per second", fmt("%.0f", requestsPerSecond()));
        row(out, "peak concurrency, overall (farm)", farm.peakOverall() + (options.instances() > 1 ? " (limit "
                + options.overall() + " per instance, " + options.overall() * options.instances() + " in all)"
                : " (limit " + options.overall() + ")"));
        row(out, "peak concurrency, per host (farm)", farm.maxHostPeak() + " max, " + farm.minHostPeak() + " min; "
                + farm.hostsAtPeak() + " of " + options.mirrors() + " hosts reached " + farm.maxHostPeak()
                + " (limit " + options.perHost() + ")");
        row(out, "heap used after full GC, end of round", fmt("%.1f MiB", heapAfterGcMib()));
        row(out, "heap used after full GC, idle server", heapIdleAfterGcKib < 0 ? "not measured (--quick)"
                : fmt("%.1f MiB", heapIdleAfterGcKib / 1024.0));
        row(out, "platform threads, idle before round", String.valueOf(threadsIdle));
        row(out, "platform threads, peak in round", threadsPeak + " (+" + threadsAdded() + "; " + threadSamples
                + " samples at 100 ms)");
        row(out, "platform threads, after round", String.valueOf(threadsAfter));
        row(out, "Payara boot (start→HTTP 200)", fmt("%.1f s", bootSeconds));
        out.append('\n');

        out.append("targets (issue 4; set for N=200, L=50 ms, 100/2):\n");
        target(out, "ratio under 1.15", ratio() < 1.15, fmt("%.3f", ratio()));
        target(out, "heap after GC under 256 MB", heapAfterGcKib >= 0 && heapAfterGcKib * 1024L < 256L * 1000 * 1000
                && heapAfterGcKib < 256 * 1024, fmt("%.1f MiB", heapAfterGcMib()));
        target(out, "under 50 platform threads added", threadsAdded() < 50, "+" + threadsAdded());
        target(out, "per-host limit reached, never exceeded", farm.maxHostPeak() == options.perHost(),
                "peak " + farm.maxHostPeak() + " of " + options.perHost());
        if (options.deadHosts() == 0) {
            target(out, "farm count == round count", farm.requests() == requestsCounted,
                    farm.requests() + " vs " + requestsCounted);
        } else {
            target(out, "farm count + dead hosts' == round count", farm.requests() + requestsToDeadHosts()
                    == requestsCounted, farm.requests() + " + " + requestsToDeadHosts() + " vs " + requestsCounted);
        }
        out.append('\n');
        if (options.deadHosts() > 0) {
            out.append(deadHostsReport());
        }
        out.append("shared round (issue 17): each instance's share, from its claims (one per host)\n");
        for (InstanceShare share : shares) {
            row(out, "instance " + share.instance(), share.mirrors() + " mirrors (" + share.recorded() + " marked recorded)"
                    + " in " + share.claims() + " host claims");
        }
        target(out, "every mirror probed exactly once", everyMirrorProbedExactlyOnce(), exactlyOnceFacts());
        target(out, "per-host peak across instances <= H", farm.maxHostPeak() <= options.perHost(),
                "peak " + farm.maxHostPeak() + " of " + options.perHost() + " (the farm sees every instance)");
        out.append('\n');

        out.append("where the wall time went:\n");
        double firstRequest = secondsFromStart(farm.firstRequest());
        double lastAnswer = secondsFromStart(farm.lastAnswer());
        row(out, "start → first request at the farm", fmt("%.2f s (planning)", firstRequest));
        row(out, "first request → last answer", fmt("%.2f s (probing)", lastAnswer - firstRequest));
        row(out, "last answer → round finished", fmt("%.2f s (recording backlog)", wallSeconds() - lastAnswer));
        row(out, "mirrors recorded by the last answer", recordedBy(farm.lastAnswer()) + " of " + probeRecords);
        if (!recordedAt.isEmpty()) {
            row(out, "first / last mirror recorded at", fmt("%.2f s / ", secondsFromStart(recordedAt.get(0)))
                    + fmt("%.2f s", secondsFromStart(recordedAt.get(recordedAt.size() - 1))));
            double span = Duration.between(recordedAt.get(0), recordedAt.get(recordedAt.size() - 1)).toNanos() / 1e9;
            row(out, "recording rate (first→last record)", fmt("%.2f mirrors/s", (recordedAt.size() - 1) / Math.max(span, 1e-9)));
        }
        row(out, "probing-phase throughput", fmt("%.0f requests/s", farm.answered() / Math.max(lastAnswer - firstRequest, 1e-9)));
        row(out, "farm: mean / max time held", fmt("%.2f / ", farm.meanHoldMillis()) + fmt("%.2f ms", farm.maxHoldMillis()));
        row(out, "farm: mean / max answer lateness", fmt("%.2f / ", farm.meanLateMillis()) + fmt("%.2f ms", farm.maxLateMillis()));
        row(out, "CPU busy, whole machine", fmt("%.1f of ", cpuMachineBusySeconds) + fmt("%.1f core-s", cpuMachineCapacitySeconds)
                + fmt(" (%.0f%%)", 100 * cpuMachineBusySeconds / Math.max(cpuMachineCapacitySeconds, 1e-9)));
        row(out, "CPU: Payara / PostgreSQL / harness+farm", fmt("%.1f / ", cpuPayaraSeconds) + fmt("%.1f / ", cpuPostgresSeconds)
                + fmt("%.1f core-s", cpuHarnessSeconds));
        row(out, "CPU: everything else on the machine", fmt("%.1f core-s", cpuMachineBusySeconds - cpuPayaraSeconds
                - cpuPostgresSeconds - cpuHarnessSeconds));
        out.append('\n');

        out.append("timeline (10 s buckets from the first request): answers/s at the farm, mirrors recorded,"
                + " machine CPU busy, Payara's CPU\n");
        int buckets = (int) Math.ceil(Math.max(answersPerSecond.length, wallSeconds() - firstRequest) / 10.0);
        for (int b = 0; b < buckets; b++) {
            long sum = 0;
            for (int s = b * 10; s < Math.min(answersPerSecond.length, b * 10 + 10); s++) {
                sum += answersPerSecond[s];
            }
            Instant from = farm.firstRequest() == null ? started : farm.firstRequest().plusSeconds(b * 10L);
            Instant to = from.plusSeconds(10);
            long recorded = recordedAt.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
            long[] a = sampleAt(from.toEpochMilli());
            long[] z = sampleAt(to.toEpochMilli());
            String cpu = "";
            if (a != null && z != null && z[4] > a[4]) {
                double seconds = (z[0] - a[0]) / 1000.0;
                cpu = String.format(l, "  machine %3.0f%%  Payara %.2f cores", 100.0 * (z[3] - a[3]) / (z[4] - a[4]),
                        (z[2] - a[2]) / ProcStat.TICKS_PER_SECOND / Math.max(seconds, 1e-9));
            }
            out.append(String.format(l, "  %4d-%4d s  %6.0f req/s  %4d mirrors%s%n", b * 10, b * 10 + 10, sum / 10.0,
                    recorded, cpu));
        }
        out.append('\n');
        out.append("busiest server threads during the round (CPU seconds, from /proc/<pid>/task; share of the wall time):\n");
        busiestThreads.stream().limit(15).forEach(t -> out.append(String.format(l, "  %-18s tid %-7d %7.2f s  %5.1f%%%n",
                t.name(), t.tid(), t.seconds(), 100 * t.seconds() / wallSeconds())));
        out.append('\n');

        if (!tailStacks.isEmpty()) {
            out.append(tailProfile());
        }
        out.append("what the round wrote:\n");
        row(out, "content records (arch + source)", archRecords + " + " + sourceRecords + " = " + contentRecords()
                + " (expected " + (long) indexesPerMirror * (options.mirrors() - options.deadHosts()) + ")");
        row(out, "probe records / snapshots / logs", probeRecords + " / " + snapshots + " / " + logFiles + " ("
                + logBytes / 1024 + " KiB of logs)");
        row(out, "overall freshness of the mirrors", overallFreshness.toString());
        row(out, "content records by stored freshness", recordFreshness.toString());
        row(out, "mirrors enabled after the round", String.valueOf(mirrorsEnabledAfter));
        if (options.traceOnly()) {
            row(out, "traces read and stored (FOUND)", tracesRead + " of " + options.mirrors());
        }
        row(out, "failures counted (non-200 answers)", failuresCounted + " (farm 404s: " + farm.notFound() + ")");
        out.append('\n');

        if (mirmon != null) {
            out.append("mirmon on the same farm:\n");
            row(out, "command", mirmon.command());
            row(out, "mirmon wall time", fmt("%.2f s", mirmon.seconds()));
            row(out, "mirrors ok in mirmon's state", mirmon.ok() + " of " + mirmon.mirrors());
            row(out, "requests the farm saw from mirmon", mirmonRequests + fmt(" (peak %d overall, ", mirmonPeakOverall)
                    + mirmonMaxHostPeak + " per host)");
            row(out, "seconds per mirror: mirmon", fmt("%.4f s", mirmon.seconds() / mirmon.mirrors()));
            row(out, "seconds per mirror: Mirrorwatch", fmt("%.4f s", wallSeconds() / options.mirrors()));
            row(out, "requests per mirror: mirmon / ours", fmt("%.1f / ", mirmonRequests / (double) mirmon.mirrors())
                    + fmt("%.1f", requestsCounted / (double) options.mirrors()));
            out.append("  mirmon.conf:\n");
            mirmon.config().lines().forEach(line -> out.append("    ").append(line).append('\n'));
            if (!mirmon.output().isBlank()) {
                out.append("  mirmon output:\n");
                mirmon.output().lines().limit(20).forEach(line -> out.append("    ").append(line).append('\n'));
            }
            out.append('\n');
        } else if (mirmonNote != null) {
            out.append("mirmon: ").append(mirmonNote).append("\n\n");
        }

        out.append("server system properties:\n");
        serverProperties.forEach((k, v) -> out.append("  -D").append(k).append('=')
                .append(k.endsWith("password") ? "***" : v).append('\n'));
        otherServerProperties.forEach((instance, differences) -> out.append("  ").append(instance)
                .append(": the same but ").append(differences).append('\n'));
        out.append('\n');
        out.append("largest classes after the round (jcmd GC.class_histogram):\n").append(histogram);
        return out.toString();
    }

    /** The live work's end, each dead host's fate, and the round's bound with dead hosts (issue 15). */
    private String deadHostsReport() {
        StringBuilder out = new StringBuilder();
        Locale l = Locale.ROOT;
        double live = secondsFromStart(liveWorkRecorded);
        double bound = live + deadHostBoundSeconds();
        int p = options.perHost();
        out.append("dead hosts (issue 15):\n");
        row(out, "live work: last answering mirror recorded", fmt("%.2f s", live) + " (" + (options.mirrors()
                - options.deadHosts()) + " mirrors)");
        row(out, "dead host's bound (⌈3/p⌉+1) × t", fmt("%.2f s", deadHostBoundSeconds()) + " (p = " + p + ", t = "
                + options.timeout() + ")");
        target(out, "round within live work + dead host's bound", wallSeconds() <= bound,
                fmt("%.2f s", wallSeconds()) + fmt(" ≤ %.2f s", bound));
        long mostSent = deadHosts.stream().mapToLong(DeadHost::sentAndFailed).max().orElse(0);
        target(out, "each dead host sent at most p + 2 requests", mostSent <= p + 2, "at most " + mostSent);
        target(out, "each dead host's log says why it was given up", deadHosts.size() == options.deadHosts()
                && deadHosts.stream().allMatch(host -> host.reason() != null), deadHosts.stream()
                .filter(host -> host.reason() != null).count() + " of " + options.deadHosts());
        for (DeadHost host : deadHosts) {
            out.append(String.format(l, "  %s %-21s %-9s reached by %d, %d sent and failed, recorded at %.2f s%n",
                    host.mirror(), host.address(), host.behaviour(), host.reached(), host.sentAndFailed(),
                    secondsFromStart(host.recorded())));
            out.append("    log: ").append(host.reason() == null ? "(no request was left unsent)" : host.reason())
                    .append('\n');
        }
        out.append('\n');
        return out.toString();
    }

    /**
     * What the round thread did after the last answer: of the stack samples, how many contain each method
     * (inclusive), for the methods of the application, EclipseLink and the PostgreSQL driver.
     */
    String tailProfile() {
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        Map<String, Integer> leaf = new LinkedHashMap<>();
        for (String stack : tailStacks) {
            List<String> frames = stack.lines().map(String::strip).filter(f -> f.startsWith("at "))
                    .map(f -> f.substring(3).replaceAll("\\(.*", "")).toList();
            if (!frames.isEmpty()) {
                leaf.merge(frames.get(0), 1, Integer::sum);
            }
            frames.stream().filter(f -> f.startsWith("org.mirrorwatch.") || f.startsWith("org.eclipse.persistence.")
                    || f.startsWith("org.postgresql.")).distinct().forEach(f -> inclusive.merge(f, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "the round thread after the last answer (%d stack samples, every 0.4 s):%n",
                tailStacks.size()));
        out.append("  top frames (where the thread was):\n");
        leaf.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8).forEach(e -> out.append(
                String.format(Locale.ROOT, "    %3d  %s%n", e.getValue(), e.getKey())));
        out.append("  samples containing (inclusive):\n");
        inclusive.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25).forEach(e -> out.append(
                String.format(Locale.ROOT, "    %3d  %s%n", e.getValue(), e.getKey())));
        out.append('\n');
        return out.toString();
    }

    /** The CPU sample taken closest to this moment. */
    private long[] sampleAt(long epochMillis) {
        long[] best = null;
        for (long[] sample : cpuSamples) {
            if (best == null || Math.abs(sample[0] - epochMillis) < Math.abs(best[0] - epochMillis)) {
                best = sample;
            }
        }
        return best;
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "  %-40s %s%n", name, value));
    }

    private static void target(StringBuilder out, String name, boolean met, String value) {
        out.append(String.format(Locale.ROOT, "  %-40s %-5s %s%n", name, met ? "MET" : "MISS", value));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    // ---- JSON

    public String json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", options.name());
        j.put("machine", machine);
        j.put("application", application);
        j.put("mirrors", options.mirrors());
        j.put("instances", options.instances());
        j.put("series", options.series());
        j.put("traceOnly", options.traceOnly());
        j.put("tracesRead", tracesRead);
        j.put("indexesPerMirror", indexesPerMirror);
        j.put("latencyMs", options.latencyMs());
        j.put("overallLimit", options.overall());
        j.put("perHostLimit", options.perHost());
        j.put("xmx", options.xmx());
        j.put("timeout", options.timeout().toString());
        j.put("loadAverageAtStart", loadAtStart);
        j.put("loadAverageAtEnd", loadAtEnd);
        j.put("warmupMirrors", options.warmup());
        j.put("warmupRunId", warmupRunId);
        j.put("runId", runId);
        j.put("state", state);
        j.put("started", String.valueOf(started));
        j.put("finished", String.valueOf(finished));
        j.put("mirrorsDone", mirrorsDone);
        j.put("wallSeconds", wallSeconds());
        j.put("requestsCounted", requestsCounted);
        j.put("requestsSeenByFarm", farm.requests());
        j.put("requestsExpected", requestsExpected);
        j.put("maxRequestsOneHost", farm.maxHostRequests());
        j.put("minRequestsOneHost", farm.minHostRequests());
        j.put("lowerBoundSeconds", lowerBoundSeconds());
        j.put("ratio", ratio());
        j.put("requestsPerSecond", requestsPerSecond());
        j.put("peakOverall", farm.peakOverall());
        j.put("peakPerHostMax", farm.maxHostPeak());
        j.put("peakPerHostMin", farm.minHostPeak());
        j.put("hostsAtPeak", farm.hostsAtPeak());
        j.put("heapAfterGcKib", heapAfterGcKib);
        j.put("heapIdleAfterGcKib", heapIdleAfterGcKib);
        j.put("threadsAtReady", threadsAtReady);
        j.put("threadsIdle", threadsIdle);
        j.put("threadsPeak", threadsPeak);
        j.put("threadsAfter", threadsAfter);
        j.put("bootSeconds", bootSeconds);
        j.put("firstRequestSeconds", secondsFromStart(farm.firstRequest()));
        j.put("lastAnswerSeconds", secondsFromStart(farm.lastAnswer()));
        j.put("mirrorsRecordedByLastAnswer", recordedBy(farm.lastAnswer()));
        j.put("farmMeanHoldMs", farm.meanHoldMillis());
        j.put("farmMaxHoldMs", farm.maxHoldMillis());
        j.put("farmMeanLateMs", farm.meanLateMillis());
        j.put("farmMaxLateMs", farm.maxLateMillis());
        j.put("farmNotFound", farm.notFound());
        j.put("failuresCounted", failuresCounted);
        j.put("cpuMachineBusySeconds", cpuMachineBusySeconds);
        j.put("cpuMachineCapacitySeconds", cpuMachineCapacitySeconds);
        j.put("cpuPayaraSeconds", cpuPayaraSeconds);
        j.put("cpuPostgresSeconds", cpuPostgresSeconds);
        j.put("cpuHarnessSeconds", cpuHarnessSeconds);
        j.put("archRecords", archRecords);
        j.put("sourceRecords", sourceRecords);
        j.put("probeRecords", probeRecords);
        j.put("snapshots", snapshots);
        j.put("logBytes", logBytes);
        j.put("overallFreshness", overallFreshness);
        List<Map<String, Object>> byInstance = new ArrayList<>();
        shares.forEach(share -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instance", share.instance());
            m.put("claims", share.claims());
            m.put("mirrors", share.mirrors());
            m.put("recorded", share.recorded());
            byInstance.add(m);
        });
        j.put("shares", byInstance);
        j.put("everyMirrorProbedExactlyOnce", everyMirrorProbedExactlyOnce());
        j.put("claimsNotDone", claimsNotDone);
        j.put("claimsTakenAgain", claimsTakenAgain);
        j.put("pathsAskedAgain", pathsAskedAgain);
        j.put("hostsOffMatrix", hostsOffMatrix.size());
        j.put("mirrorsNotRecordedOnce", mirrorsNotRecordedOnce);
        j.put("recordFreshness", recordFreshness);
        List<Double> recorded = new ArrayList<>();
        recordedAt.forEach(t -> recorded.add(Math.round(secondsFromStart(t) * 1000) / 1000.0));
        j.put("recordedAtSeconds", recorded);
        List<Long> perSecond = new ArrayList<>();
        for (long a : answersPerSecond) {
            perSecond.add(a);
        }
        j.put("answersPerSecond", perSecond);
        List<Map<String, Object>> threads = new ArrayList<>();
        busiestThreads.stream().limit(25).forEach(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("tid", t.tid());
            m.put("cpuSeconds", t.seconds());
            threads.add(m);
        });
        j.put("busiestThreads", threads);
        if (options.deadHosts() > 0) {
            j.put("liveWorkRecordedSeconds", secondsFromStart(liveWorkRecorded));
            j.put("deadHostBoundSeconds", deadHostBoundSeconds());
            List<Map<String, Object>> dead = new ArrayList<>();
            deadHosts.forEach(host -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mirror", host.mirror());
                m.put("address", host.address());
                m.put("behaviour", host.behaviour().name());
                m.put("reached", host.reached());
                m.put("sentAndFailed", host.sentAndFailed());
                m.put("recordedSeconds", secondsFromStart(host.recorded()));
                m.put("reason", host.reason());
                dead.add(m);
            });
            j.put("deadHosts", dead);
        }
        if (mirmon != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", mirmon.command());
            m.put("seconds", mirmon.seconds());
            m.put("mirrors", mirmon.mirrors());
            m.put("ok", mirmon.ok());
            m.put("requests", mirmonRequests);
            m.put("peakOverall", mirmonPeakOverall);
            m.put("peakPerHost", mirmonMaxHostPeak);
            m.put("maxProbes", options.mirmonMaxProbes());
            m.put("secondsPerMirror", mirmon.seconds() / mirmon.mirrors());
            m.put("oursSecondsPerMirror", wallSeconds() / options.mirrors());
            j.put("mirmon", m);
        }
        return toJson(j, "") + "\n";
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object value, String indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(indent).append("  ").append(quote(String.valueOf(e.getKey()))).append(": ")
                        .append(toJson(e.getValue(), indent + "  ")).append(++i < map.size() ? ",\n" : "\n");
            }
            return out.append(indent).append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? ", " : "").append(toJson(list.get(i), indent));
            }
            return out.append(']').toString();
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    void write() {
        try {
            options.resultsDir().mkdirs();
            Files.writeString(new File(options.resultsDir(), options.name() + ".txt").toPath(), report(),
                    StandardCharsets.UTF_8);
            Files.writeString(new File(options.resultsDir(), options.name() + ".json").toPath(), json(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results", e);
        }
    }
}
