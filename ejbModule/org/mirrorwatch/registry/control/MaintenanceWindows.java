package org.mirrorwatch.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /** The occurrence of one of the mirror's windows that is in progress at that instant, if any. */
    public Optional<MaintenanceWindow.Interval> current(DistributionMirror mirror, Instant now) {
        return of(mirror).stream().flatMap(window -> window.occurrenceAt(now).stream()).findFirst();
    }

    /** The ids of the mirrors that are in maintenance at that instant. */
    public Set<Long> mirrorsInMaintenance(Instant now) {
        return em.createNamedQuery("MaintenanceWindow.findNotOver", MaintenanceWindow.class).setParameter("now", now)
                .getResultStream()
                .filter(window -> window.occurrenceAt(now).isPresent())
                .map(window -> window.getDistributionMirror().getId()).collect(Collectors.toUnmodifiableSet());
    }
}
