package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.probing.http.ProbeLimits;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.HostileServer;
import org.mirrorwatch.testing.HostileServer.Behaviour;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * Hosts that never answer: one that refuses connections, one that accepts and stays silent (two mirrors
 * on it), one that resets each connection after the request, and one that trickles a header forever. Each
 * is given up by the dead-host rule at its third failed request, its mirrors' probe logs say so and why,
 * and it never sees a fourth connection.
 *
 * <p>Deployed with one request per host at a time, so a host's connections are exactly the attempts the
 * rule counts (with p at a time it may get p + 2, see the README), and a 3 s timeout: short enough that the
 * silent hosts' three timeouts take seconds, long enough that a loaded machine does not turn a refusal or
 * a reset into a timeout. Hosts that answer are {@link HostileMirrorsIT}'s, with a longer timeout.
 */
@ExtendWith(ArquillianExtension.class)
class DeadHostsIT {

    private static final Logger LOG = Logger.getLogger(DeadHostsIT.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int ATTEMPTS = ProbeLimits.DEAD_HOST_ATTEMPTS;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibraryOf(Deployments.mirrorwatch(Map.of(
                        "mirrorwatch.probe.timeout", TIMEOUT.toString(),
                        "mirrorwatch.probe.per-host-limit", "1",
                        "mirrorwatch.probe.overall-limit", "200")), Awaitility.class, Matcher.class)
                .addClasses(ProberWorld.class);
    }

    @Inject
    ProbeRounds rounds;

    @Inject
    MirrorFacade mirrors;

    @Inject
    RegistryTestData registry;

    @Inject
    DistributionFacade distributions;

    @Inject
    TestClock clock;

    private final List<HostileServer> servers = new ArrayList<>();

    @BeforeEach
    void world() {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
    }

    @AfterEach
    void stop() {
        servers.forEach(HostileServer::close);
        clock.followSystemClock();
    }

    @Test
    void refusingSilentResettingAndTricklingHosts_areGivenUpAtTheirThirdFailure_andTheLogSaysWhy() {
        HostileServer closedPort = server(Behaviour.COUNT_ONLY);
        closedPort.close();
        HostileServer silent = server(Behaviour.SILENT);
        HostileServer resetting = server(Behaviour.RESET);
        HostileServer trickling = server(Behaviour.TRICKLE);

        register("refusing", closedPort.baseUrl());
        register("silent-a", silent.baseUrl() + "a/");
        register("silent-b", silent.baseUrl() + "b/");
        register("resetting", resetting.baseUrl());
        register("trickling", trickling.baseUrl());

        long started = System.nanoTime();
        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> "Dead hosts' round: 5 mirrors on 4 hosts, " + run.requests() + " requests, " + took.toMillis()
                + " ms");

        assertEquals(RunState.DONE, run.state());
        assertEquals(5, run.mirrorsDone());
        // Launchpad's rule alone would have sent each host 30 requests, one after another.
        assertEquals(4 * ATTEMPTS, run.requests(), "requests of the round");

        assertGivenUp("refusing", closedPort, "connection refused");
        assertEquals(ATTEMPTS, failedRequests(logOf("refusing"), "connection refused"), "refused attempts");
        assertGivenUp("resetting", resetting, "connection closed or reset");
        assertEquals(ATTEMPTS, resetting.accepted(), "connections the resetting host accepted");
        assertGivenUp("trickling", trickling, "timed out");
        assertEquals(ATTEMPTS, trickling.accepted(), "connections the trickling host accepted");
        // The silent host's two mirrors share its three attempts; the host stays given up for both.
        assertGivenUp("silent-a", silent, "timed out");
        assertGivenUp("silent-b", silent, "timed out");
        assertEquals(ATTEMPTS, silent.accepted(), "connections the silent host accepted");
        assertEquals(ATTEMPTS, failedRequests(logOf("silent-a") + logOf("silent-b"), "took longer than "
                + TIMEOUT.toSeconds() + " seconds"), "timed-out attempts on the silent host");
    }

    private HostileServer server(Behaviour behaviour) {
        HostileServer server = new HostileServer(FakeMirrorFarm.nextAddress(), behaviour);
        servers.add(server);
        return server;
    }

    /** Registers an enabled mirror that already carries one record, so the test sees the record deleted. */
    private void register(String name, String url) {
        long id = distributions.newMirror(1, 1, MirrorForm.of(name, MirrorSpeed.S1G, "DE", MirrorContent.ARCHIVE,
                MirrorPulseType.PULL, url)).id();
        mirrors.enable(id);
        registry.ensureMirrorDistroArchRelease(id, 1, PackagePublishingPocket.UPDATES, 1);
    }

    /**
     * The mirror lost its content and was disabled, and its probe log names the host, the attempts and how
     * the last of them failed, on every index whose request was not sent.
     */
    private void assertGivenUp(String name, HostileServer host, String lastFailure) {
        long id = mirrors.mirror(name).id();
        assertEquals(0, registry.countArchReleases(id) + registry.countSourceReleases(id), name + " lost its content");
        assertFalse(mirrors.mirror(id).enabled(), name + " is disabled");
        String hostAndPort = host.baseUrl().substring("http://".length(), host.baseUrl().length() - 1);
        String reason = "because: gave up on host " + hostAndPort + ": its first " + ATTEMPTS + " requests failed ("
                + lastFailure + ") without an answer, so its other requests in this round are not sent.";
        String log = logOf(name);
        assertTrue(log.contains(reason), name + " logs \"" + reason + "\": " + log);
        LOG.info(() -> name + ": " + log.lines().filter(line -> line.contains(reason)).findFirst().orElse(""));
    }

    /**
     * The log's lines of requests sent that failed so: not the "Deleted ... because:" line that follows each,
     * nor the lines of requests not sent, whose reason quotes how the last attempt failed.
     */
    private static long failedRequests(String log, String failure) {
        return log.lines().filter(line -> line.contains(failure) && !line.contains("because:")
                && !line.contains("gave up on host")).count();
    }

    private String logOf(String name) {
        long id = mirrors.mirror(name).id();
        return new String(mirrors.probeLog(mirrors.probeRecords(id, 1).get(0).logFileId()).content(),
                StandardCharsets.UTF_8);
    }

    /**
     * Waits for the round, no longer than Launchpad's rule alone could hold it (30 requests per host, one at a
     * time): a round that the dead-host rule did not shorten fails here rather than hanging the build.
     */
    private ProbeRunSummary finished(ProbeRunSummary run) {
        await().atMost(TIMEOUT.multipliedBy(ProbeLimits.MIN_REQUESTS_TO_JUDGE_HOST))
                .until(() -> rounds.getRun(run.id()).state() != RunState.RUNNING);
        return rounds.getRun(run.id());
    }
}
