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
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.HostileServer;
import org.mirrorwatch.testing.HostileServer.Behaviour;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * Mirrors that fail in every way a network can, and mirrors that try to make the prober reach what it
 * must not. Each hostile mirror's probe finishes, its failure is logged with a reason, its content is
 * deleted, and the round goes on. Deployed with a 1 s timeout and 16 requests per host, so the host-skip
 * rule shows within a second.
 */
@ExtendWith(ArquillianExtension.class)
class HostileMirrorsIT {

    private static final Logger LOG = Logger.getLogger(HostileMirrorsIT.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int PER_HOST = 16;
    private static final int MAX_REDIRECTS = 3;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibraryOf(Deployments.mirrorwatch(Map.of(
                        "mirrorwatch.probe.timeout", "PT1S",
                        "mirrorwatch.probe.per-host-limit", String.valueOf(PER_HOST),
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

    private FakeMirrorFarm farm;
    private final List<HostileServer> hostile = new ArrayList<>();

    @BeforeEach
    void world() {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        farm = new FakeMirrorFarm();
    }

    @AfterEach
    void stop() {
        farm.close();
        hostile.forEach(HostileServer::close);
        clock.followSystemClock();
    }

    private HostileServer hostile(String address, Behaviour behaviour) {
        HostileServer server = new HostileServer(address, behaviour);
        hostile.add(server);
        return server;
    }

    @Test
    void hostileMirrors_eachFailWithAReason_loseTheirContent_andTheRoundGoesOn() {
        String refusedPort = hostile(FarmAddress.next(), Behaviour.COUNT_ONLY).baseUrl();
        hostile.get(0).close();
        FakeMirror good = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        FakeMirror slowHost = farm.newMirror().latency(Duration.ofMillis(1500));
        FakeMirror answers500 = farm.newMirror().answerEverything(500);
        FakeMirror loop = farm.newMirror();
        loop.redirectEverythingTo(loop.baseUrl());
        FakeMirror gopher = farm.newMirror().redirectEverythingTo("gopher://" + FarmAddress.next() + "/");

        register("good", good.baseUrl());
        register("refused", refusedPort);
        register("silent", hostile(FarmAddress.next(), Behaviour.SILENT).baseUrl());
        register("trickle", hostile(FarmAddress.next(), Behaviour.TRICKLE).baseUrl());
        register("reset", hostile(FarmAddress.next(), Behaviour.RESET).baseUrl());
        register("huge-headers", hostile(FarmAddress.next(), Behaviour.HUGE_HEADERS).baseUrl());
        register("answers-500", answers500.baseUrl());
        register("redirect-loop", loop.baseUrl());
        register("unknown-scheme", gopher.baseUrl());
        register("unresolvable", "http://mirror.invalid/ubuntu/");
        register("slow-a", slowHost.baseUrl() + "a/");
        register("slow-b", slowHost.baseUrl() + "b/");

        long started = System.nanoTime();
        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> "Hostile round: 12 mirrors, " + run.requests() + " requests, " + took.toMillis() + " ms");

        assertEquals(RunState.DONE, run.state());
        assertEquals(12, run.mirrorsDone());
        assertTrue(took.compareTo(roundBound()) <= 0, "took " + took + ", bound " + roundBound());
        assertEquals(3, registry.countArchReleases(id("good")) + registry.countSourceReleases(id("good")));
        assertTrue(mirrors.mirror("good").enabled());

        assertFailed("refused", "because: connection refused.");
        assertFailed("silent", "took longer than 1 seconds");
        assertFailed("trickle", "took longer than 1 seconds");
        assertFailed("reset", "because: the connection was closed or reset before an answer.");
        assertFailed("huge-headers", "because: the response headers were larger than 32768 bytes.");
        assertFailed("answers-500", "because: 500 Server Error.");
        assertFailed("redirect-loop", "because: more than " + MAX_REDIRECTS + " redirects.");
        assertFailed("unknown-scheme", "because: redirect to an unknown scheme: gopher://");
        assertFailed("unresolvable", "unknown host: mirror.invalid");
        // The slow host never answers within the timeout, so the dead-host rule gives it up at its third
        // timeout: at most the requests of its first wave and the two that may start while those end.
        assertFailed("slow-b", "gave up on host " + slowHost.baseUrl().substring(7, slowHost.baseUrl().length() - 1)
                + ": its first 3 requests failed (timed out) without an answer");
        assertTrue(slowHost.requests() <= PER_HOST + 2, "the slow host got " + slowHost.requests()
                + " of its 60 requests");
        assertTrue(loop.requests() <= 30 * (1 + MAX_REDIRECTS), "loop requests " + loop.requests());
    }

    @Test
    void ssrf_aPrivateUrl_aRedirectToLoopback_andAHostNameThatResolvesToLoopback_areNeverContacted() {
        HostileServer privateTarget = hostile("127.0.5.5", Behaviour.COUNT_ONLY);
        HostileServer localhostTarget = hostile("127.0.0.1", Behaviour.COUNT_ONLY);
        FakeMirror redirectsHome = farm.newMirror().redirectEverythingTo(privateTarget.baseUrl());
        FakeMirror allowed = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));

        // Registration refuses such URLs at the door; but a name can resolve to a loopback address after it
        // was registered, and that is what the guard at connect time is for. The rows are moved behind the
        // door to stand for it.
        registerThenMove("private-url", privateTarget.baseUrl());
        register("redirect-to-loopback", redirectsHome.baseUrl());
        registerThenMove("localhost-name", "http://localhost:" + localhostTarget.port() + "/");
        register("allow-listed", allowed.baseUrl());

        finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));

        assertEquals(0, privateTarget.accepted(), "connections to the private address");
        assertEquals(0, localhostTarget.accepted(), "connections to localhost");
        assertFailed("private-url", "refused: 127.0.5.5 is a loopback address, which Mirrorwatch does not probe");
        assertFailed("redirect-to-loopback",
                "refused: 127.0.5.5 is a loopback address, which Mirrorwatch does not probe");
        assertFailed("localhost-name", "refused: localhost resolves to 127.0.0.1, a loopback address, which"
                + " Mirrorwatch does not probe");
        assertTrue(redirectsHome.requests() > 0, "the redirecting mirror itself is public enough to ask");
        assertTrue(mirrors.mirror("allow-listed").enabled());
        assertEquals(3, registry.countArchReleases(id("allow-listed")) + registry.countSourceReleases(id("allow-listed")));
    }

    /** The README's bound: (⌈30 / per-host⌉ + 1) waves of (1 + redirects) timeouts, plus a second of slack. */
    private static Duration roundBound() {
        long waves = (30 + PER_HOST - 1) / PER_HOST + 1;
        return TIMEOUT.multipliedBy(waves * (1 + MAX_REDIRECTS)).plusSeconds(1);
    }

    /** Registers an enabled mirror that already carries one record, so the test sees the record deleted. */
    private void register(String name, String url) {
        long id = distributions.newMirror(1, 1, MirrorForm.of(name, MirrorSpeed.S1G, "DE", MirrorContent.ARCHIVE,
                MirrorPulseType.PULL, url)).id();
        mirrors.enable(id);
        registry.ensureMirrorDistroArchRelease(id, 1, PackagePublishingPocket.UPDATES, 1);
    }

    /** Registers the mirror on a public name, then gives it {@code url} in the database, as DNS could. */
    private void registerThenMove(String name, String url) {
        register(name, "http://" + name + ".example.org/");
        TestDatabase.execute("UPDATE distribution_mirror SET http_base_url = '" + url + "' WHERE name = '" + name
                + "'");
    }

    private long id(String name) {
        return mirrors.mirror(name).id();
    }

    private void assertFailed(String name, String reason) {
        long id = id(name);
        assertEquals(0, registry.countArchReleases(id) + registry.countSourceReleases(id), name + " lost its content");
        assertFalse(mirrors.mirror(id).enabled(), name + " is disabled");
        String log = logOf(name);
        assertTrue(log.contains(reason), name + " logs \"" + reason + "\": " + log);
        LOG.info(() -> name + ": " + log.lines().filter(line -> line.contains("Deleted")).findFirst().orElse(""));
    }

    private String logOf(String name) {
        return new String(mirrors.probeLog(mirrors.probeRecords(id(name), 1).get(0).logFileId()).content(),
                StandardCharsets.UTF_8);
    }

    private ProbeRunSummary finished(ProbeRunSummary run) {
        await().atMost(roundBound().plusSeconds(2)).until(() -> rounds.getRun(run.id()).state() != RunState.RUNNING);
        return rounds.getRun(run.id());
    }

    /** Addresses from the farm's allowed block for servers that are not fake mirrors. */
    private static final class FarmAddress {
        static String next() {
            return FakeMirrorFarm.nextAddress();
        }
    }
}
