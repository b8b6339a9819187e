package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.mirrorwatch.platform.AddressGuard;
import org.junit.jupiter.api.RepeatedTest;
import org.mirrorwatch.testing.ConnectionCountingFarm;
import org.mirrorwatch.testing.FakeMirrorFarm;

/**
 * The limits hold for connections, as a mirror counts them, not only for requests as the prober counts
 * them: a timed-out request's connection is closed before its slot goes to the next request, and no
 * connection stays open once its request is done.
 */
class ProbeClientPolitenessTest {

    private static final int PER_HOST = 2;
    private static final int OVERALL = 5;
    private static final Duration TIMEOUT = Duration.ofMillis(150);
    /** Every fifth request times out: often, yet well under Launchpad's skip rule of one in three. */
    private static final int SILENT_EVERY = 5;

    /** One host, so that only a timed-out connection that outlives its slot can break the limit. */
    @RepeatedTest(3)
    void openConnectionsToAHost_neverExceedThePerHostLimit_whenRequestsTimeOut() throws Exception {
        try (ConnectionCountingFarm farm = new ConnectionCountingFarm(1)) {
            probe(farm, 200);
            ConnectionCountingFarm.Host host = farm.hosts().get(0);
            assertTrue(host.peakOpenConnections() <= PER_HOST,
                    host.baseUrl() + " saw " + host.peakOpenConnections() + " connections open at once");
            assertEquals(PER_HOST, host.peakOpenConnections(), "the host got its whole allowance");
        }
    }

    /** More hosts than the overall limit has room for at their allowance, so the overall limit binds. */
    @RepeatedTest(2)
    void openConnectionsToAllHosts_neverExceedTheOverallLimit_whenRequestsTimeOut() throws Exception {
        try (ConnectionCountingFarm farm = new ConnectionCountingFarm(4)) {
            probe(farm, 40);
            for (ConnectionCountingFarm.Host host : farm.hosts()) {
                assertTrue(host.peakOpenConnections() <= PER_HOST,
                        host.baseUrl() + " saw " + host.peakOpenConnections() + " connections open at once");
            }
            assertTrue(farm.peakOpenConnections() <= OVERALL,
                    "the farm saw " + farm.peakOpenConnections() + " connections open at once");
            assertTrue(farm.peakOpenConnections() > PER_HOST, "more than one host was probed at once");
        }
    }

    /** HEADs {@code perHost} paths on every host of the farm, every fifth of them one that never answers. */
    private static void probe(ConnectionCountingFarm farm, int perHost) throws Exception {
        ProbeLimits limits = new ProbeLimits(PER_HOST, OVERALL, TIMEOUT, 3, 16 * 1024, "Mirrorwatch test");
        try (ProbeClient client = new ProbeClient(limits, AddressGuard.allowing(List.of(FakeMirrorFarm.ALLOWED_CIDR)),
                Executors.defaultThreadFactory(), 1,
                TlsTrust.jdkDefault(), Clock.systemUTC())) {
            List<CompletableFuture<HeadResult>> results = new ArrayList<>();
            for (int i = 0; i < perHost; i++) {
                for (ConnectionCountingFarm.Host host : farm.hosts()) {
                    String path = i % SILENT_EVERY == 0 ? "ubuntu/silent/" + i : "ubuntu/file-" + i;
                    results.add(client.head(host.baseUrl() + path));
                }
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            for (CompletableFuture<HeadResult> result : results) {
                HeadResult head = result.join();
                if (head.url().contains("/silent/")) {
                    assertTrue(head.timedOut(), head.toString());
                } else {
                    // A slow moment of a busy test machine may time out an answered request too; any other
                    // failure would mean that closing the connections broke the requests.
                    assertTrue(head.found() || head.timedOut(), head.toString());
                }
            }
        }
    }
}
