package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MaintenanceWindow;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.TraceFacts;

/**
 * Turns mirrors off and on after probes, and tells their owners. The prober calls it; it has no caller
 * and so does not go through the facades' permission checks.
 */
@Stateless
public class MirrorAvailability {

    private static final Logger LOG = Logger.getLogger(MirrorAvailability.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MirrorNotifications notifications;

    @Inject
    Clock clock;

    @Inject
    MaintenanceWindows maintenanceWindows;

    /**
     * Launchpad's {@code disableAndNotifyOwner}: the prober disables the mirror, and its owner hears of it
     * when the mirror was enabled before or this was its first probe, so nobody is told twice. A mirror in
     * a maintenance window is left as it is, and nobody is told; the first probe after a window that still
     * finds it broken disables it with the "maintenance overran" mail instead, once per window. A mirror
     * that was syncing when it was probed (its sync marker younger than the limit, see
     * {@link org.mirrorwatch.registry.entity.TraceFacts#isSyncing()}) is left alone too, while it lasts.
     *
     * @return whether a mail was queued
     */
    public boolean disableAndNotifyOwner(DistributionMirror mirror) {
        Instant now = clock.instant();
        List<MaintenanceWindow> windows = maintenanceWindows.of(mirror);
        Optional<MaintenanceWindow.Interval> maintenance = maintenanceWindows.current(mirror, now);
        if (maintenance.isPresent()) {
            LOG.info(() -> "Mirror " + mirror.getName() + " carries nothing, but is in maintenance until "
                    + maintenance.get().end() + ": not disabled, nobody told");
            return false;
        }
        if (mirror.getTrace().isSyncing()) {
            LOG.info(() -> "Mirror " + mirror.getName() + " carries nothing, but is syncing (its sync marker is "
                    + mirror.getTrace().getSyncMarkerAge().map(TraceFacts::hours).orElse("?")
                    + " old): not disabled, nobody told");
            return false;
        }
        boolean wasEnabled = mirror.disableByProber();
        List<MirrorProbeRecord> probes = em.createNamedQuery("MirrorProbeRecord.findByMirror", MirrorProbeRecord.class)
                .setParameter("mirrorId", mirror.getId()).setMaxResults(2).getResultList();
        boolean firstProbe = probes.size() <= 1;
        Optional<Instant> previousProbe = probes.stream().skip(1).findFirst().map(MirrorProbeRecord::getDateCreated);
        for (MaintenanceWindow window : windows) {
            Optional<MaintenanceWindow.Interval> overran = window.takeOverrun(now, previousProbe);
            if (overran.isPresent()) {
                notifications.maintenanceOverran(mirror, overran.get(), probes.stream().findFirst(), now);
                LOG.info(() -> "Mirror " + mirror.getName() + " still carries nothing after its maintenance ended at "
                        + overran.get().end() + ": disabled; owner " + mirror.getOwner().getName() + " notified");
                return true;
            }
        }
        if (wasEnabled || firstProbe) {
            notifications.mirrorDisabled(mirror, probes.stream().findFirst(), now);
            LOG.info(() -> "Mirror " + mirror.getName() + " disabled by the prober; owner "
                    + mirror.getOwner().getName() + " notified");
            return true;
        }
        LOG.info(() -> "Mirror " + mirror.getName() + " still carries nothing; it stays disabled");
        return false;
    }

    /**
     * Brings back a mirror that the prober disabled, now that it carries content, and tells its owner.
     *
     * @return whether it was re-enabled
     */
    public boolean reenableAndNotifyOwner(DistributionMirror mirror, Optional<MirrorProbeRecord> probe) {
        if (!mirror.reenableByProber()) {
            return false;
        }
        notifications.mirrorReenabled(mirror, probe, clock.instant());
        LOG.info(() -> "Mirror " + mirror.getName() + " carries content again and is enabled; owner "
                + mirror.getOwner().getName() + " notified");
        return true;
    }
}
