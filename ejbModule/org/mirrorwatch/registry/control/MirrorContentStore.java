package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;
import org.mirrorwatch.registry.entity.PackagePublishingPocket;

/**
 * Creates, finds and deletes MirrorDistroArchRelease and MirrorDistroReleaseSource records. The
 * registry's facade and the prober share it; it checks no permissions, its callers do.
 */
@Stateless
public class MirrorContentStore {

    /*
     * Ensuring is an upsert, so concurrent probes of one mirror never fail on the unique key: the loser of
     * a race waits for the winner's commit, inserts nothing, and then reads the winner's row.
     */
    private static final String ENSURE_ARCH_RELEASE = """
            INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id, pocket, component_id)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (distribution_mirror_id, distro_arch_release_id, pocket, component_id) DO NOTHING""";
    private static final String ENSURE_RELEASE_SOURCE = """
            INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket, component_id)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (distribution_mirror_id, distro_release_id, pocket, component_id) DO NOTHING""";

    @PersistenceContext
    EntityManager em;

    /** The mirror's record of these binaries, created if it has none. */
    public MirrorDistroArchRelease ensureMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        upsert(ENSURE_ARCH_RELEASE, mirrorId, distroArchReleaseId, pocket, componentId);
        return findMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId).orElseThrow();
    }

    /** The mirror's record of these sources, created if it has none. */
    public MirrorDistroReleaseSource ensureMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        upsert(ENSURE_RELEASE_SOURCE, mirrorId, distroReleaseId, pocket, componentId);
        return findMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId).orElseThrow();
    }

    private void upsert(String sql, long mirrorId, long targetId, PackagePublishingPocket pocket, long componentId) {
        em.createNativeQuery(sql)
                .setParameter(1, mirrorId)
                .setParameter(2, targetId)
                .setParameter(3, pocket.name())
                .setParameter(4, componentId)
                .executeUpdate();
    }

    public Optional<MirrorDistroArchRelease> findMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return em.createNamedQuery("MirrorDistroArchRelease.find", MirrorDistroArchRelease.class)
                .setParameter("mirrorId", mirrorId).setParameter("targetId", distroArchReleaseId)
                .setParameter("pocket", pocket).setParameter("componentId", componentId)
                .getResultStream().findFirst();
    }

    public Optional<MirrorDistroReleaseSource> findMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return em.createNamedQuery("MirrorDistroReleaseSource.find", MirrorDistroReleaseSource.class)
                .setParameter("mirrorId", mirrorId).setParameter("targetId", distroReleaseId)
                .setParameter("pocket", pocket).setParameter("componentId", componentId)
                .getResultStream().findFirst();
    }

    /** Forgets that the mirror carries these binaries; nothing happens if it had no record. */
    public void deleteMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        findMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId).ifPresent(em::remove);
    }

    /** Forgets that the mirror carries these sources; nothing happens if it had no record. */
    public void deleteMirrorDistroReleaseSource(long mirrorId, long distroReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        findMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId).ifPresent(em::remove);
    }

}
