package org.mirrorwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke run (issue 4): the harness in-process with 5 mirrors and a 5 ms latency. It uses
 * the test run's PostgreSQL server (TestEnvironment's, in a database of its own that it drops), random
 * ports, its own Payara Micro and farm, and it proves the harness measures what it claims: the timer's
 * round completed, the farm saw exactly the requests the round counted, and no host saw more than the
 * per-host limit.
 */
class ProbeBenchmarkSmokeIT {

    @Test
    void fiveMirrors_theTimersRoundCompletes_andTheFarmAndTheRoundAgree() throws Exception {
        ProbeBenchmark.Database database = database();
        ProbeBenchmark.Options options = ProbeBenchmark.Options.parse("--mirrors", "5", "--latency-ms", "5",
                "--overall", "100", "--per-host", "2", "--series", "1", "--interval", "PT1S", "--xmx", "512m",
                "--name", "smoke-n5", "--results-dir", "target/bench-smoke", "--quiet", "--quick");

        BenchResult result = ProbeBenchmark.run(options, database);

        assertTrue(result.roundDone(), () -> "the round did not complete:\n" + result.report());
        assertEquals(result.requestsSeenByFarm(), result.requestsCounted(),
                () -> "the farm and the round disagree:\n" + result.report());
        assertEquals(result.requestsExpected(), result.requestsCounted(),
                () -> "the round did not send what the matrix asks for:\n" + result.report());
        assertTrue(result.perHostPeak() <= 2, () -> "a host exceeded the per-host limit:\n" + result.report());
        assertTrue(result.overallPeak() <= 100, () -> "the overall limit was exceeded:\n" + result.report());
        assertEquals(5 * 100, result.contentRecords(), "every index of every mirror recorded");
        assertEquals(5, result.probeRecords());
        assertEquals(Map.of("UP", 2L, "ONEHOURBEHIND", 1L, "ONEDAYBEHIND", 1L, "ONEWEEKBEHIND", 1L),
                result.overallFreshness(), "the lags give every window's status");
        assertTrue(result.lowerBoundSeconds() > 0 && result.ratio() > 0);
        assertTrue(result.everyMirrorProbedExactlyOnce(), result::exactlyOnceFacts);
    }

    /**
     * Issue 17's shared round in the harness: two Payara Micros on the one database, the timer on the first
     * only. Every mirror is probed exactly once whichever instance took it (the farm's counts per path, the
     * claims, the probe records), no host sees more than the per-host limit across both, and the instances'
     * shares add up to the round. Which instance probes how many is timing, and not asserted.
     */
    @Test
    void twoInstances_shareTheTimersRound_eachMirrorExactlyOnce_noHostAboveItsLimit() throws Exception {
        ProbeBenchmark.Options options = ProbeBenchmark.Options.parse("--instances", "2", "--mirrors", "8",
                "--latency-ms", "5", "--overall", "4", "--per-host", "2", "--series", "1", "--interval", "PT1S",
                "--xmx", "512m", "--name", "smoke-n8-i2", "--results-dir", "target/bench-smoke", "--quiet", "--quick");

        BenchResult result = ProbeBenchmark.run(options, database());

        assertTrue(result.roundDone(), () -> "the round did not complete:\n" + result.report());
        assertTrue(result.everyMirrorProbedExactlyOnce(), () -> result.exactlyOnceFacts() + "\n" + result.report());
        assertEquals(result.requestsSeenByFarm(), result.requestsCounted(),
                () -> "the farm and the round (both instances' counts) disagree:\n" + result.report());
        assertEquals(result.requestsExpected(), result.requestsCounted(), () -> result.report());
        assertTrue(result.perHostPeak() <= 2, () -> "a host exceeded the per-host limit:\n" + result.report());
        assertEquals(8 * 100, result.contentRecords(), "every index of every mirror recorded");
        assertEquals(8, result.probeRecords());
        assertEquals(8, result.shares().stream().mapToInt(BenchResult.InstanceShare::mirrors).sum(),
                () -> "the shares add up to the round: " + result.shares());
        assertTrue(result.shares().stream().allMatch(share -> share.instance().equals("bench-a")
                || share.instance().equals("bench-b")), () -> result.shares().toString());
    }

    @Test
    void instances_areParsedStrictly() {
        assertEquals(2, ProbeBenchmark.Options.parse("--instances", "2").instances());
        assertEquals(1, ProbeBenchmark.Options.parse().instances());
        for (String bad : new String[] {"0", "3", "02", " 2", "two", ""}) {
            assertThrows(IllegalArgumentException.class, () -> ProbeBenchmark.Options.parse("--instances", bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ProbeBenchmark.Options.parse("--instance", "2"));
        assertThrows(IllegalArgumentException.class,
                () -> ProbeBenchmark.Options.parse("--instances", "1", "--instances", "2"));
    }

    private static ProbeBenchmark.Database database() {
        return new ProbeBenchmark.Database(System.getProperty("mirrorwatch.db.host"),
                Integer.getInteger("mirrorwatch.db.port"), System.getProperty("mirrorwatch.db.user"),
                System.getProperty("mirrorwatch.db.password"), System.getProperty("mirrorwatch.db.name"));
    }
}
