package org.mirrorwatch.probing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mirrorwatch.platform.DatabaseChanged;
import org.mirrorwatch.probing.control.ClaimStore;
import org.mirrorwatch.probing.control.ProbeSettings;
import org.mirrorwatch.probing.control.RoundParticipant;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * Brings this instance into the shared rounds: when the database tells that claims were queued (topic
 * {@value #TOPIC}), and every lease-ttl/3 for claims whose holder stopped beating, it joins each running
 * round with a claim to take. The periodic check also beats this instance's row, so other instances and
 * the probe page know it is up. Not persistent, like the probe timer: each instance has its own.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
// The database's notifications arrive on the listening thread for every topic; a container lock would make
// them wait behind a periodic check's queries (and time out on WildFly). The participant's set of rounds it
// works on makes concurrent calls safe.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClaimWatcher {

    /** The topic of the claims' trigger (V15). */
    public static final String TOPIC = "claims";

    private static final Logger LOG = Logger.getLogger(ClaimWatcher.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ProbeSettings settings;

    @Inject
    ClaimStore claims;

    @Inject
    RoundParticipant participant;

    @Inject
    Clock clock;

    private volatile Instant started;

    @PostConstruct
    void schedule() {
        started = clock.instant();
        claims.recentHeartbeatOf(settings.getInstanceName()).ifPresent(beat -> LOG.warning(() -> "An instance named "
                + settings.getInstanceName() + " told it was up at " + beat + "; unless that was this instance before"
                + " a restart, give each instance its own mirrorwatch.instance.name: two instances of one name hand"
                + " back each other's claims"));
        long every = Math.max(1000, settings.getLeaseTtl().toMillis() / 3);
        timers.createIntervalTimer(0, every, new TimerConfig("mirrorwatch-claims", false));
        LOG.info(() -> "This instance takes part in probe rounds as " + settings.getInstanceName()
                + "; it looks for claims to take every " + every + " ms");
    }

    /** Claims were queued: a round started, or an instance handed its claims back. */
    public void claimsQueued(@Observes DatabaseChanged change) {
        if (change.concerns(TOPIC)) {
            joinClaimableRounds();
        }
    }

    @Timeout
    void check() {
        try {
            claims.beatInstance(settings.getInstanceName(), started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "This instance could not tell the database it is up", e);
        }
        joinClaimableRounds();
    }

    private void joinClaimableRounds() {
        try {
            for (Object[] round : claims.claimable()) {
                participant.join(((Number) round[0]).longValue(), MirrorContent.valueOf((String) round[1]));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for probe claims to take", e);
        }
    }
}
