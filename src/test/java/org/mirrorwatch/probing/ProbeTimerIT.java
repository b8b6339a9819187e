package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
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
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The container's timer starts rounds by itself: deployed with a 2 s interval, nobody calls the prober.
 * The facades are secured, and the timer has no caller: its rounds still probe, disable and mail.
 */
@ExtendWith(ArquillianExtension.class)
class ProbeTimerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibraryOf(Deployments.mirrorwatch(Map.of(
                        "mirrorwatch.probe.timer.enabled", "true",
                        "mirrorwatch.probe.interval", "PT2S",
                        "mirrorwatch.probe.timeout", "PT1S")), Awaitility.class, Matcher.class, GreenMail.class)
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

    private final FakeMirrorFarm farm = new FakeMirrorFarm();

    @AfterEach
    void stop() {
        farm.close();
        clock.followSystemClock();
    }

    @Test
    void theTimer_withNoCaller_probesTheDueMirrors_disablesTheEmptyOne_andMailsItsOwner() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.getInteger("mirrorwatch.mail.port"), "127.0.0.1",
                "smtp"));
        smtp.start();
        try {
            FakeMirror mirror = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
            FakeMirror empty = farm.newMirror();
            long id = registerEnabled("timed", mirror);
            long emptyId = registerEnabled("timed-empty", empty);
            TestLogin.logout();

            await().atMost(Duration.ofSeconds(6)).until(() -> !mirrors.probeRecords(id, 1).isEmpty()
                    && !mirrors.probeRecords(emptyId, 1).isEmpty() && finishedRoundsProbed() == 2);

            List<ProbeRunSummary> runs = rounds.recentRuns(20);
            assertTrue(runs.stream().allMatch(run -> run.trigger() == RunTrigger.TIMER), "nobody else starts rounds");
            assertEquals(3, registry.countArchReleases(id) + registry.countSourceReleases(id));
            assertTrue(mirror.requests() > 0);
            assertEquals(1, mirrors.probeRecords(id, 10).size(), "probed once; it is not due again for 24 hours");
            assertTrue(registry.getMirror(id).isEnabled());
            assertFalse(registry.getMirror(emptyId).isEnabled(), "a mirror that carries nothing is disabled");
            assertTrue(smtp.waitForIncomingEmail(2000, 1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("Mirror Owner <owner@example.org>", mail.getHeader("To")[0]);
            assertEquals("Verification of timed-empty failed", mail.getSubject());
        } finally {
            smtp.stop();
        }
    }

    private long registerEnabled(String name, FakeMirror server) {
        long id = distributions.newMirror(1, 1, MirrorForm.of(name, MirrorSpeed.S1G, "DE", MirrorContent.ARCHIVE,
                MirrorPulseType.PULL, server.baseUrl())).id();
        mirrors.enable(id);
        return id;
    }

    /** How many mirrors the finished timer rounds probed, together. */
    private int finishedRoundsProbed() {
        return rounds.recentRuns(20).stream().filter(run -> run.state() == RunState.DONE)
                .mapToInt(ProbeRunSummary::mirrorsDone).sum();
    }
}
