package org.mirrorwatch.registry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.control.MirrorContentStore;
import org.mirrorwatch.registry.control.PublicationKeys;
import org.mirrorwatch.registry.control.UpdatenessCheck;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContentRecord;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * What each mirror carries: its MirrorDistroArchRelease and MirrorDistroReleaseSource records, and the
 * URLs that tell how fresh each one is.
 */
@Stateless
public class MirrorContentFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    UpdatenessCheck updatenessCheck;

    @Inject
    MirrorContentStore store;

    /** The mirror's record of these binaries, created if it has none. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public MirrorDistroArchRelease ensureMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return store.ensureMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId);
    }

    /** The mirror's record of these sources, created if it has none. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public MirrorDistroReleaseSource ensureMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return store.ensureMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId);
    }

    public Optional<MirrorDistroArchRelease> findMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return store.findMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId);
    }

    public Optional<MirrorDistroReleaseSource> findMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return store.findMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId);
    }

    /** Forgets that the mirror carries these binaries; nothing happens if it had no record. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public void deleteMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        store.deleteMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId);
    }

    /** Forgets that the mirror carries these sources; nothing happens if it had no record. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public void deleteMirrorDistroReleaseSource(long mirrorId, long distroReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        store.deleteMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId);
    }

    /** The seed's {@code mirror.arch_releases.count()}. */
    public long countArchReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroArchRelease.countByMirror", Long.class)
                .setParameter("mirrorId", mirrorId).getSingleResult();
    }

    /** The seed's {@code mirror.source_releases.count()}. */
    public long countSourceReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroReleaseSource.countByMirror", Long.class)
                .setParameter("mirrorId", mirrorId).getSingleResult();
    }

    public List<MirrorDistroArchRelease> archReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroArchRelease.findByMirror", MirrorDistroArchRelease.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }

    public List<MirrorDistroReleaseSource> sourceReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroReleaseSource.findByMirror", MirrorDistroReleaseSource.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }

    /**
     * Launchpad's {@code getURLsToCheckUpdateness} of a MirrorDistroArchRelease or MirrorDistroReleaseSource:
     * {status: URL on the mirror} at {@code when}, freshest first. Only the record's mirror and key are
     * read, so it also answers for a record deleted since, as Launchpad's does.
     */
    public Map<MirrorStatus, String> getURLsToCheckUpdateness(MirrorContentRecord record, Instant when) {
        DistributionMirror mirror = Optional.ofNullable(em.find(DistributionMirror.class,
                        record.getDistributionMirror().getId()))
                .orElseThrow(() -> new NotFoundException("mirror", record.getDistributionMirror().getId()));
        return updatenessCheck.getURLsToCheckUpdateness(mirror.getBaseUrl(), PublicationKeys.of(record), when);
    }

    /** The same, now. */
    public Map<MirrorStatus, String> getURLsToCheckUpdateness(MirrorContentRecord record) {
        return getURLsToCheckUpdateness(record, clock.instant());
    }
}
