package org.mirrorwatch.bench;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * mirmon alone on the benchmark's farm, without the application: for checking the mirmon set-up and for
 * trying its max_probes. Arguments: mirrors, latency in ms, max_probes.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:... org.mirrorwatch.bench.MirmonOnly 200 50 25
 * </pre>
 */
public final class MirmonOnly {

    private MirmonOnly() {
    }

    public static void main(String[] args) {
        int mirrors = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int maxProbes = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        BenchWorld world = new BenchWorld(2, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<String> addresses = new ArrayList<>();
        List<Duration> lags = new ArrayList<>();
        for (int i = 0; i < mirrors; i++) {
            addresses.add("127.0." + (112 + i / 254) + "." + (1 + i % 254));
            lags.add(BenchWorld.lagOf(i));
        }
        try (BenchFarm farm = new BenchFarm(addresses, lags, Duration.ofMillis(latency), world)) {
            File dir = new File(ProbeBenchmark.projectRoot(), "target/bench/mirmon-only-" + mirrors + "-" + maxProbes);
            Mirmon.Run run = Mirmon.check(dir, farm.hosts(), maxProbes, 30);
            BenchFarm.Snapshot s = farm.snapshot();
            System.out.printf(Locale.ROOT, "mirmon: %d mirrors, latency %d ms, max_probes %d: %.2f s, %.4f s per mirror,"
                            + " %d ok, %d requests at the farm, peak %d overall, %d per host%n", mirrors, latency, maxProbes,
                    run.seconds(), run.seconds() / mirrors, run.ok(), s.requests(), s.peakOverall(), s.maxHostPeak());
            System.out.println(run.command());
            System.out.print(run.output().lines().limit(10).reduce("", (a, b) -> a + b + "\n"));
        }
    }
}
