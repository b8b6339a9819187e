package org.mirrorwatch.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MaintenanceWindow;

/** The maintenance windows of mirrors, read in the caller's transaction. */
@ApplicationScoped
public class MaintenanceWindows {

    @PersistenceContext
    EntityManager em;

    /** The mirror's windows, by start. */
    public List<MaintenanceWindow> of(DistributionMirror mirror) {
        return em.createNamedQuery("MaintenanceWindow.findByMirror", MaintenanceWindow.class)
                .setParameter("mirrorId", mirror.getId()).getResultList();
    }

    /** The ids of the mirrors that are in maintenance at that instant. */
    public Set<Long> mirrorsInMaintenance(Instant now) {
        return em.createNamedQuery("MaintenanceWindow.findNotOver", MaintenanceWindow.class).setParameter("now", now)
                .getResultStream()
                .filter(window -> window.occurrenceAt(now).isPresent())
                .map(window -> window.getDistributionMirror().getId()).collect(Collectors.toUnmodifiableSet());
    }
}
