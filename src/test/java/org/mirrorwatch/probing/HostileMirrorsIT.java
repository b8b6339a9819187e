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
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.HostileServer;
import org.mirrorwatch.testing.HostileServer.Behaviour;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * Mirrors that answer, but wrongly, and mirrors that try to make the prober reach what it must not. Each
 * hostile mirror's probe finishes, its failure is logged with a reason, its content is deleted, and the
 * round goes on; a host that answers some requests and times out on the others is judged by Launchpad's
 * rule, not taken for dead. Hosts that never answer are {@link DeadHostsIT}'s.
 *
 * <p>Deployed with a 10 s timeout and 16 requests per host. Every host here answers at once, yet on a
 * loaded 2-core machine an answer can take over a second, and three such in a row would make the dead-host
 * rule give up a host that is meant to answer; only the hanging requests of the Launchpad-rule case wait
 * for the timeout, about two waves of it.
 */
@ExtendWith(ArquillianExtension.class)
class HostileMirrorsIT {

    private static final Logger LOG = Logger.getLogger(HostileMirrorsIT.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int PER_HOST = 16;
    private static final int MAX_REDIRECTS = 3;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibraryOf(Deployments.mirrorwatch(Map.of(
                        "mirrorwatch.probe.timeout", TIMEOUT.toString(),
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
        FakeMirror good = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        FakeMirror answers500 = farm.newMirror().answerEverything(500);
        FakeMirror loop = farm.newMirror();
        loop.redirectEverythingTo(loop.baseUrl());
        FakeMirror gopher = farm.newMirror().redirectEverythingTo("gopher://" + FarmAddress.next() + "/");

        register("good", good.baseUrl());
        register("huge-headers", hostile(FarmAddress.next(), Behaviour.HUGE_HEADERS).baseUrl());
        register("answers-500", answers500.baseUrl());
        register("redirect-loop", loop.baseUrl());
        register("unknown-scheme", gopher.baseUrl());
        register("unresolvable", "http://mirror.invalid/ubuntu/");

        long started = System.nanoTime();
        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> "Hostile round: 6 mirrors, " + run.requests() + " requests, " + took.toMillis() + " ms");

        assertEquals(RunState.DONE, run.state());
        assertEquals(6, run.mirrorsDone());
        assertTrue(took.compareTo(roundBound()) <= 0, "took " + took + ", bound " + roundBound());
        assertEquals(3, registry.countArchReleases(id("good")) + registry.countSourceReleases(id("good")));
        assertTrue(mirrors.mirror("good").enabled());
        assertFalse(logOf("good").contains("gave up on host"), "good: " + logOf("good"));

        assertFailed("huge-headers", "because: the response headers were larger than 32768 bytes.");
        assertFailed("answers-500", "because: 500 Server Error.");
        assertFailed("redirect-loop", "because: more than " + MAX_REDIRECTS + " redirects.");
        assertFailed("unknown-scheme", "because: redirect to an unknown scheme: gopher://");
        assertFailed("unresolvable", "unknown host: mirror.invalid");
        for (String answered : List.of("huge-headers", "answers-500", "redirect-loop", "unknown-scheme")) {
            assertFalse(logOf(answered).contains("gave up on host"), answered + " answered, so it is not dead: "
                    + logOf(answered));
        }
        assertTrue(loop.requests() <= 30 * (1 + MAX_REDIRECTS), "loop requests " + loop.requests());
    }

    @Test
    void aHostThatAnswersSomeRequestsAndTimesOutOnOthers_isSkippedByLaunchpadsRule_notGivenUpAsDead() {
        // Two mirrors on one host, 60 requests: the first two are answered (404), every later one hangs.
        FakeMirror partly = farm.newMirror().answerOnlyTheFirst(2);
        register("partly-a", partly.baseUrl() + "a/");
        register("partly-b", partly.baseUrl() + "b/");
        String host = partly.baseUrl().substring("http://".length(), partly.baseUrl().length() - 1);

        long started = System.nanoTime();
        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> "Partly answering host: " + partly.requests() + " of its 60 requests sent, " + run.requests()
                + " counted, " + took.toMillis() + " ms");

        assertEquals(RunState.DONE, run.state());
        assertEquals(2, run.mirrorsDone());
        assertTrue(took.compareTo(roundBound()) <= 0, "took " + took + ", bound " + roundBound());
        assertFailed("partly-a", "took longer than " + TIMEOUT.toSeconds() + " seconds");
        // Launchpad's rule judges a host only after 30 requests, and struck before the host had all 60.
        assertFailed("partly-b", "skipped: " + host + " timed out on ");
        assertTrue(partly.requests() >= ProbeLimits.MIN_REQUESTS_TO_JUDGE_HOST && partly.requests() < 60,
                "the partly answering host got " + partly.requests() + " of its 60 requests");
        for (String name : List.of("partly-a", "partly-b")) {
            assertFalse(logOf(name).contains("gave up on host"), name + " answered first, so it is not dead: "
                    + logOf(name));
        }
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
