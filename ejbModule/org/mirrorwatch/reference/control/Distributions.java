package org.mirrorwatch.reference.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;

/** The one way to look up distributions, their series and architecture series, in the caller's transaction. */
@ApplicationScoped
public class Distributions {

    @PersistenceContext
    EntityManager em;

    /** Every distribution, by name. */
    public List<Distribution> all() {
        return em.createQuery("SELECT d FROM Distribution d ORDER BY d.name", Distribution.class).getResultList();
    }

    public Distribution get(long id) {
        return Optional.ofNullable(em.find(Distribution.class, id))
                .orElseThrow(() -> new NotFoundException("distribution", id));
    }

    public Optional<Distribution> findByName(String name) {
        return em.createNamedQuery("Distribution.findByName", Distribution.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    public DistroRelease getRelease(long id) {
        return Optional.ofNullable(em.find(DistroRelease.class, id))
                .orElseThrow(() -> new NotFoundException("series", id));
    }

    public DistroArchRelease getArchRelease(long id) {
        return Optional.ofNullable(em.find(DistroArchRelease.class, id))
                .orElseThrow(() -> new NotFoundException("architecture series", id));
    }
}
