package org.mirrorwatch.probing.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.mirrorwatch.probing.entity.MirrorFreshnessSnapshot;

/** A mirror's freshness over time, one snapshot per probe, for charts and the freshness feed. */
@Stateless
public class FreshnessHistory {

    @PersistenceContext
    EntityManager em;

    /** The mirror's snapshots, oldest first. */
    public List<MirrorFreshnessSnapshot> snapshots(long mirrorId) {
        return em.createNamedQuery("MirrorFreshnessSnapshot.findByMirror", MirrorFreshnessSnapshot.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }
}
