package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.control.MirrorAvailability;
import org.mirrorwatch.registry.control.ProbeRecords;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorCDImageDistroRelease;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.PackagesIndexPath;
import org.mirrorwatch.registry.entity.SourcesIndexPath;

/** The seed's {@code IDistributionMirrorSet} and the use cases of one mirror. */
@Stateless
public class MirrorFacade {

    /**
     * Mirrors of a content type that are enabled, or that the prober disabled so they can recover, and
     * that were not probed since the cut-off: never-probed first, then the longest unprobed; ties by id.
     */
    private static final String MIRRORS_TO_PROBE = """
            SELECT m.id FROM distribution_mirror m
            LEFT JOIN LATERAL (SELECT max(r.date_created) AS last_probed FROM mirror_probe_record r
                               WHERE r.distribution_mirror_id = m.id) p ON true
            WHERE m.content = ? AND (m.enabled OR m.disabled_by = 'PROBER')
              AND (p.last_probed IS NULL OR p.last_probed < ?)
            ORDER BY p.last_probed NULLS FIRST, m.id
            LIMIT ?""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProbeRecords probeRecords;

    @Inject
    MirrorAvailability availability;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.reprobe-after", defaultValue = "PT24H")
    Duration reprobeAfter;

    public DistributionMirror getMirror(long id) {
        return findMirror(id).orElseThrow(() -> new NotFoundException("mirror", id));
    }

    public Optional<DistributionMirror> findMirror(long id) {
        return Optional.ofNullable(em.find(DistributionMirror.class, id));
    }

    public Optional<DistributionMirror> findMirrorByName(String name) {
        return em.createNamedQuery("DistributionMirror.findByName", DistributionMirror.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    public DistributionMirror getMirrorByName(String name) {
        return findMirrorByName(name).orElseThrow(() -> new NotFoundException("mirror", name));
    }

    /** Launchpad's {@code getMirrorsToProbe}, at most {@code limit} of them. */
    public List<DistributionMirror> getMirrorsToProbe(MirrorContent content, int limit) {
        Instant cutoff = clock.instant().minus(reprobeAfter);
        List<?> ids = em.createNativeQuery(MIRRORS_TO_PROBE)
                .setParameter(1, content.name())
                .setParameter(2, Timestamp.from(cutoff))
                .setParameter(3, limit)
                .getResultList();
        List<Long> order = ids.stream().map(id -> ((Number) id).longValue()).toList();
        if (order.isEmpty()) {
            return List.of();
        }
        Map<Long, DistributionMirror> byId = em.createQuery(
                        "SELECT m FROM DistributionMirror m WHERE m.id IN :ids", DistributionMirror.class)
                .setParameter("ids", order).getResultStream()
                .collect(Collectors.toMap(DistributionMirror::getId, Function.identity()));
        return order.stream().map(byId::get).toList();
    }

    /** Records a probe of the mirror, storing its log in the librarian. */
    public MirrorProbeRecord newProbeRecord(long mirrorId, String log) {
        return probeRecords.newProbeRecord(getMirror(mirrorId), log);
    }

    /** The mirror's probes, newest first. */
    public List<MirrorProbeRecord> probeRecords(long mirrorId, int limit) {
        return em.createNamedQuery("MirrorProbeRecord.findByMirror", MirrorProbeRecord.class)
                .setParameter("mirrorId", mirrorId).setMaxResults(limit).getResultList();
    }

    /**
     * Launchpad's {@code DistributionMirror.disableAndNotifyOwner}: disables the mirror on the prober's
     * behalf and mails its owner when it was enabled before or had its first probe.
     *
     * @return whether a mail was queued
     */
    public boolean disableAndNotifyOwner(long mirrorId) {
        return availability.disableAndNotifyOwner(getMirror(mirrorId));
    }

    /** Turns a mirror on, as a mirror administrator does. */
    public DistributionMirror enable(long mirrorId) {
        DistributionMirror mirror = getMirror(mirrorId);
        mirror.enable();
        return mirror;
    }

    public List<PackagesIndexPath> guessPackagesPaths(long mirrorId) {
        return getMirror(mirrorId).guessPackagesPaths();
    }

    public List<SourcesIndexPath> guessSourcesPaths(long mirrorId) {
        return getMirror(mirrorId).guessSourcesPaths();
    }

    public MirrorStatus getOverallFreshness(long mirrorId) {
        return getMirror(mirrorId).getOverallFreshness();
    }

    /** The (series, flavour) pairs of CD images a release mirror carries, by series then flavour. */
    public List<MirrorCDImageDistroRelease> cdImages(long mirrorId) {
        return em.createQuery("SELECT i FROM MirrorCDImageDistroRelease i WHERE i.distributionMirror.id = :mirrorId"
                + " ORDER BY i.distroRelease.name, i.flavour", MirrorCDImageDistroRelease.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }
}
