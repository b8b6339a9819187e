package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mirrorwatch.registry.control.VisibleMirrors;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorCDImageDistroRelease;
import org.mirrorwatch.registry.entity.MirrorContentRecord;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * What one mirror carries and how fresh it is, as read models built in one transaction: nothing is left
 * for the caller to load after it (Hibernate would refuse). Disabled mirrors are seen by their owner and
 * the administrators only.
 */
@Stateless
public class MirrorReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    VisibleMirrors mirrors;

    /** A content record: the series, the architecture (none for sources), pocket, component and freshness. */
    public record ContentRow(String series, String architecture, String pocket, String component,
            MirrorStatus freshness) {
    }

    /** A (series, flavour) of CD images the mirror carries completely. */
    public record CdImageRow(String series, String flavour) {
    }

    /** What the mirror carries, with its overall freshness as of now. */
    public record ContentReport(String mirror, MirrorStatus overallFreshness, List<ContentRow> sources,
            List<ContentRow> binaries, List<CdImageRow> cdImages) {
    }

    /** The overall freshness, the last probe, and how many content records are in each status. */
    public record FreshnessSummary(String mirror, MirrorStatus overallFreshness, Instant lastProbed,
            Map<MirrorStatus, Long> records) {
    }

    public ContentReport content(String name) {
        DistributionMirror mirror = mirrors.get(name);
        return new ContentReport(mirror.getName(), mirror.getOverallFreshness(),
                sources(mirror).map(record -> row(record, null)).toList(),
                binaries(mirror).map(record -> row(record, record.getDistroArchRelease().getArchitectureTag()))
                        .toList(),
                em.createQuery("SELECT i FROM MirrorCDImageDistroRelease i WHERE i.distributionMirror.id = :mirrorId"
                        + " ORDER BY i.distroRelease.name, i.flavour", MirrorCDImageDistroRelease.class)
                        .setParameter("mirrorId", mirror.getId()).getResultStream()
                        .map(image -> new CdImageRow(image.getDistroRelease().getName(), image.getFlavour())).toList());
    }

    public FreshnessSummary freshness(String name) {
        DistributionMirror mirror = mirrors.get(name);
        Map<MirrorStatus, Long> records = new EnumMap<>(MirrorStatus.class);
        for (MirrorStatus status : MirrorStatus.values()) {
            records.put(status, 0L);
        }
        Stream.concat(sources(mirror), binaries(mirror))
                .forEach(record -> records.merge(record.getFreshness(), 1L, Long::sum));
        return new FreshnessSummary(mirror.getName(), mirror.getOverallFreshness(),
                mirror.getLastProbed().orElse(null), records);
    }

    private Stream<MirrorDistroReleaseSource> sources(DistributionMirror mirror) {
        return em.createNamedQuery("MirrorDistroReleaseSource.findByMirror", MirrorDistroReleaseSource.class)
                .setParameter("mirrorId", mirror.getId()).getResultStream();
    }

    private Stream<MirrorDistroArchRelease> binaries(DistributionMirror mirror) {
        return em.createNamedQuery("MirrorDistroArchRelease.findByMirror", MirrorDistroArchRelease.class)
                .setParameter("mirrorId", mirror.getId()).getResultStream();
    }

    private static ContentRow row(MirrorContentRecord record, String architecture) {
        return new ContentRow(record.getDistroRelease().getName(), architecture, record.getPocket().name(),
                record.getComponent().getName(), record.getFreshness());
    }
}
