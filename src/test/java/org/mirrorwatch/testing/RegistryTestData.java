package org.mirrorwatch.testing;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.control.CdImageManifestStore;
import org.mirrorwatch.registry.control.MirrorAvailability;
import org.mirrorwatch.registry.control.MirrorContentStore;
import org.mirrorwatch.registry.control.MirrorsChanged;
import org.mirrorwatch.registry.control.ProbeQueue;
import org.mirrorwatch.registry.control.ProbeRecords;
import org.mirrorwatch.registry.control.PublicationKeys;
import org.mirrorwatch.registry.control.UpdatenessCheck;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorCDImageDistroRelease;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorContentRecord;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.PackagesIndexPath;
import org.mirrorwatch.registry.entity.SourcesIndexPath;

/**
 * What the tests do to the registry that no user of the application does: the seed's doctest steps, in
 * Launchpad's names as the doctest calls them, and the set-up and checks of the prober's tests. It runs
 * inside the container, one transaction per call, and goes through the same control classes as the
 * prober, so the tests still exercise production behaviour.
 */
@Stateless
public class RegistryTestData {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MirrorContentStore contentStore;

    @Inject
    UpdatenessCheck updatenessCheck;

    @Inject
    ProbeRecords probeRecords;

    @Inject
    MirrorAvailability availability;

    @Inject
    Event<MirrorsChanged> mirrorsChanged;

    @Inject
    CdImageManifestStore manifests;

    @Inject
    ProbeQueue probeQueue;

    /** The mirror's record of these binaries, created if it has none. */
    public MirrorDistroArchRelease ensureMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return contentStore.ensureMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId);
    }

    /** The mirror's record of these sources, created if it has none. */
    public MirrorDistroReleaseSource ensureMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return contentStore.ensureMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId);
    }

    public Optional<MirrorDistroArchRelease> findMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return contentStore.findMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId);
    }

    public Optional<MirrorDistroReleaseSource> findMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return contentStore.findMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId);
    }

    public void deleteMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        contentStore.deleteMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId);
    }

    public void deleteMirrorDistroReleaseSource(long mirrorId, long distroReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        contentStore.deleteMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId);
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

    /**
     * The seed's {@code getURLsToCheckUpdateness} of a content record at {@code when}, as the prober's
     * {@link UpdatenessCheck} answers it. Only the record's mirror and key are read, so it also answers
     * for a record deleted since, as Launchpad's does.
     */
    public Map<MirrorStatus, String> getURLsToCheckUpdateness(MirrorContentRecord record, Instant when) {
        DistributionMirror mirror = mirror(record.getDistributionMirror().getId());
        return updatenessCheck.getURLsToCheckUpdateness(mirror.getBaseUrl(), PublicationKeys.of(record), when);
    }

    /** The same, now. */
    public Map<MirrorStatus, String> getURLsToCheckUpdateness(MirrorContentRecord record) {
        return getURLsToCheckUpdateness(record, clock.instant());
    }

    /** The seed's {@code IDistribution.enabled_mirrors}: enabled mirrors, in the order they were registered. */
    public List<DistributionMirror> enabledMirrors(long distributionId) {
        return em.createNamedQuery("DistributionMirror.findEnabled", DistributionMirror.class)
                .setParameter("distributionId", distributionId).getResultList();
    }

    /** Records a probe of the mirror with this log, stored in the librarian, as the prober does. */
    public MirrorProbeRecord newProbeRecord(long mirrorId, String log) {
        return probeRecords.newProbeRecord(mirror(mirrorId), log);
    }

    /**
     * The seed's {@code disableAndNotifyOwner}: the prober's {@link MirrorAvailability} disables the
     * mirror and mails its owner; the mirror lists are told, as after a probe.
     *
     * @return whether a mail was queued
     */
    public boolean disableAndNotifyOwner(long mirrorId) {
        DistributionMirror mirror = mirror(mirrorId);
        boolean notified = availability.disableAndNotifyOwner(mirror);
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        return notified;
    }

    /** Makes the prober fetch the distribution's CD-image manifest from this URL before each release round. */
    public void fetchManifestFrom(long distributionId, String url) {
        manifests.manifestOf(distributionId).fetchFrom(url, clock.instant());
    }

    /** The mirror as an entity, for tests that check what the prober or a facade did to it. */
    public DistributionMirror getMirror(long id) {
        return mirror(id);
    }

    public DistributionMirror getMirrorByName(String name) {
        return em.createNamedQuery("DistributionMirror.findByName", DistributionMirror.class)
                .setParameter("name", name).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("mirror", name));
    }

    /** The seed's {@code getMirrorsToProbe}: the due mirrors in the prober's order, at most {@code limit}. */
    public List<DistributionMirror> getMirrorsToProbe(MirrorContent content, int limit) {
        return probeQueue.due(content, limit).stream().map(this::mirror).toList();
    }

    /** The seed's {@code IDistribution.official_mirrors}: enabled official mirrors, in the order registered. */
    public List<DistributionMirror> enabledOfficialMirrors(long distributionId) {
        return em.createNamedQuery("DistributionMirror.findEnabledOfficial", DistributionMirror.class)
                .setParameter("distributionId", distributionId).getResultList();
    }

    /** The overall freshness as the mirror's content records give it now. */
    public MirrorStatus getOverallFreshness(long mirrorId) {
        return mirror(mirrorId).getOverallFreshness();
    }

    public List<PackagesIndexPath> guessPackagesPaths(long mirrorId) {
        return mirror(mirrorId).guessPackagesPaths();
    }

    public List<SourcesIndexPath> guessSourcesPaths(long mirrorId) {
        return mirror(mirrorId).guessSourcesPaths();
    }

    /** "series flavour" of each CD image the mirror carries, by series then flavour. */
    public List<String> cdImages(long mirrorId) {
        return em.createQuery("SELECT i FROM MirrorCDImageDistroRelease i WHERE i.distributionMirror.id = :mirrorId"
                + " ORDER BY i.distroRelease.name, i.flavour", MirrorCDImageDistroRelease.class)
                .setParameter("mirrorId", mirrorId).getResultStream()
                .map(image -> image.getDistroRelease().getName() + " " + image.getFlavour()).toList();
    }

    public List<MirrorDistroArchRelease> archReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroArchRelease.findByMirror", MirrorDistroArchRelease.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }

    public List<MirrorDistroReleaseSource> sourceReleases(long mirrorId) {
        return em.createNamedQuery("MirrorDistroReleaseSource.findByMirror", MirrorDistroReleaseSource.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }

    private DistributionMirror mirror(long id) {
        return Optional.ofNullable(em.find(DistributionMirror.class, id))
                .orElseThrow(() -> new NotFoundException("mirror", id));
    }
}
