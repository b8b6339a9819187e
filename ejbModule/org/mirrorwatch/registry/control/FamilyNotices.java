package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.FamilyReachability;
import org.mirrorwatch.registry.entity.MaintenanceWindow;

/**
 * Tells a mirror's owner (and its distribution's mirror administrators) once when the mirror is degraded:
 * its host publishes an address of a family that does not work. An episode is a row in
 * {@code family_notice}, written in the probe's transaction before the mail is queued in the same one (of
 * two probes at once only the one that wrote the row mails) and deleted when a probe finds the family
 * working again or no longer published, which ends the episode. Nobody is told during a maintenance
 * window, and no row is written then, so a degradation that outlasts the window is told after it; nor
 * when the probe disabled the mirror, whose own mail says more.
 */
@Stateless
public class FamilyNotices {

    private static final Logger LOG = Logger.getLogger(FamilyNotices.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MirrorNotifications notifications;

    @Inject
    MaintenanceWindows maintenanceWindows;

    /** @return the families told about now */
    public List<AddressFamily> noticeIfDue(DistributionMirror mirror, FamilyReachability families, Instant now) {
        List<AddressFamily> told = new java.util.ArrayList<>();
        for (AddressFamily family : AddressFamily.values()) {
            if (!families.degradedOn(family)) {
                em.createNativeQuery("DELETE FROM family_notice WHERE distribution_mirror_id = ?1 AND family = ?2")
                        .setParameter(1, mirror.getId()).setParameter(2, family.name()).executeUpdate();
                continue;
            }
            if (!mirror.isEnabled()) {
                continue;
            }
            Optional<MaintenanceWindow.Interval> maintenance = maintenanceWindows.current(mirror, now);
            if (maintenance.isPresent()) {
                LOG.info(() -> "Mirror " + mirror.getName() + " does not answer over " + family.title()
                        + ", but is in maintenance until " + maintenance.get().end() + ": nobody told");
                continue;
            }
            int written = em.createNativeQuery("INSERT INTO family_notice (distribution_mirror_id, family, date_sent)"
                            + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, mirror.getId()).setParameter(2, family.name())
                    .setParameter(3, Timestamp.from(now)).executeUpdate();
            if (written == 0) {
                continue;
            }
            notifications.familyDegraded(mirror, family, families.failure(family).orElse("unknown"), now);
            told.add(family);
            LOG.info(() -> "Mirror " + mirror.getName() + " does not answer over " + family.title()
                    + ": degraded, not disabled; owner " + mirror.getOwner().getName() + " notified");
        }
        return told;
    }
}
