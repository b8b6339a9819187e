package org.mirrorwatch.probing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.mirrorwatch.probing.control.ProbeSettings;
import org.mirrorwatch.probing.control.RoundStarter;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * The container timer that decides when a round is due: every {@code mirrorwatch.probe.interval} it
 * starts a round of the archive mirrors that are due, and one of the release mirrors that are due. Switched off with
 * {@code mirrorwatch.probe.timer.enabled=false}. It is not persistent: each instance schedules its own,
 * and the rounds' lease keeps them from overlapping.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class ProbeTimer {

    private static final Logger LOG = Logger.getLogger(ProbeTimer.class.getName());
    private static final Duration LONGEST_FIRST_WAIT = Duration.ofMinutes(1);

    @Resource
    TimerService timers;

    @Inject
    ProbeSettings settings;

    @Inject
    RoundStarter rounds;

    @PostConstruct
    void schedule() {
        if (!settings.isTimerEnabled()) {
            LOG.info("The probe timer is switched off (mirrorwatch.probe.timer.enabled=false)");
            return;
        }
        Duration interval = settings.getInterval();
        Duration first = interval.compareTo(LONGEST_FIRST_WAIT) < 0 ? interval : LONGEST_FIRST_WAIT;
        timers.createIntervalTimer(first.toMillis(), interval.toMillis(), new TimerConfig("mirrorwatch-probe", false));
        LOG.info(() -> "Probe rounds every " + interval + ", the first in " + first + ", at most "
                + settings.getBatchSize(MirrorContent.ARCHIVE) + " archive and "
                + settings.getBatchSize(MirrorContent.RELEASE) + " release mirrors each");
    }

    /** Starts a round of each content type; one still running from the last tick is left alone. */
    @Timeout
    void roundIsDue() {
        for (MirrorContent content : MirrorContent.values()) {
            try {
                rounds.startRound(content, RunTrigger.TIMER);
            } catch (RoundAlreadyRunningException e) {
                LOG.info(() -> "Probe timer: " + e.getMessage());
            } catch (RuntimeException e) {
                // One content type's failure (the database, say) must not cost the other its round, nor make
                // the container retry the whole tick.
                LOG.warning(() -> "Probe timer: the " + content + " round did not start: " + e);
            }
        }
    }
}
