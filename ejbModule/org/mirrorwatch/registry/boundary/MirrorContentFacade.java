package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;

/** What each mirror carries: its MirrorDistroArchRelease and MirrorDistroReleaseSource records. */
@Stateless
public class MirrorContentFacade {

    @PersistenceContext
    EntityManager em;

    public List<MirrorDistroArchRelease> archReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroArchRelease.findByMirror", MirrorDistroArchRelease.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }

    public List<MirrorDistroReleaseSource> sourceReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroReleaseSource.findByMirror", MirrorDistroReleaseSource.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }
}
