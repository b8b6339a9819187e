package org.mirrorwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        ProbeBenchmark.Database database = new ProbeBenchmark.Database(System.getProperty("mirrorwatch.db.host"),
                Integer.getInteger("mirrorwatch.db.port"), System.getProperty("mirrorwatch.db.user"),
                System.getProperty("mirrorwatch.db.password"), System.getProperty("mirrorwatch.db.name"));
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
    }
}
