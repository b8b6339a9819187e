package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.entity.ProbeRun;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorContentFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;

/** The container's timer starts rounds by itself: deployed with a 2 s interval, nobody calls the prober. */
@ExtendWith(ArquillianExtension.class)
class ProbeTimerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibraryOf(Deployments.mirrorwatch(Map.of(
                        "mirrorwatch.probe.timer.enabled", "true",
                        "mirrorwatch.probe.interval", "PT2S",
                        "mirrorwatch.probe.timeout", "PT1S")), Awaitility.class, Matcher.class)
                .addClasses(ProberWorld.class);
    }

    @Inject
    ProbeRounds rounds;

    @Inject
    MirrorFacade mirrors;

    @Inject
    MirrorContentFacade content;

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
    void theTimer_startsARoundThatProbesTheDueMirror_andRecordsIt() {
        TestDatabase.reset("prober-world");
        clock.fixAt(ProberWorld.T0);
        FakeMirror mirror = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        long id = distributions.newMirror(1, 1, MirrorForm.of("timed", MirrorSpeed.S1G, "DE", MirrorContent.ARCHIVE,
                MirrorPulseType.PULL, mirror.baseUrl())).getId();
        mirrors.enable(id);

        await().atMost(Duration.ofSeconds(6)).until(() -> timerRoundThatProbed().isPresent());

        ProbeRun run = timerRoundThatProbed().orElseThrow();
        assertEquals(RunTrigger.TIMER, run.getTrigger());
        assertEquals(RunState.DONE, run.getState());
        assertEquals(1, run.getMirrorsDone());
        assertEquals(3, content.countArchReleases(id) + content.countSourceReleases(id));
        assertTrue(mirror.requests() > 0);
        assertEquals(1, mirrors.probeRecords(id, 10).size(), "probed once; it is not due again for 24 hours");
    }

    private Optional<ProbeRun> timerRoundThatProbed() {
        return rounds.recentRuns(20).stream()
                .filter(run -> run.getTrigger() == RunTrigger.TIMER && run.getState() == RunState.DONE
                        && run.getMirrorsTotal() == 1)
                .findFirst();
    }
}
