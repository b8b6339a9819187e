package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.registry.control.MaintenanceWindows;
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

    @Inject
    MirrorQueries queries;

    @Inject
    AccessRules rules;

    @Inject
    FreshnessHistory history;

    @Inject
    MaintenanceWindows maintenanceWindows;

    @Inject
    Clock clock;

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

    /**
     * Everything a mirror's page shows, read in one transaction: the mirror, whether the caller may edit it
     * (and so read its probe logs), what it carries sorted by series, architecture, component and pocket and
     * as a matrix of suites and architectures, its newest probes, its sources.list lines (none for a release
     * mirror) and its freshness history.
     */
    public record MirrorPageView(MirrorSummary mirror, boolean mayEdit, List<ContentRow> binaries,
            List<ContentRow> sources, ContentMatrix matrix, List<CdImageRow> cdImages,
            List<MirrorFacade.ProbeEntry> probes, List<String> sourcesList, List<FreshnessSnapshot> history,
            List<MaintenanceView> maintenance) {

        /** The windows that are in progress or still to come, the soonest first. */
        public List<MaintenanceView> upcomingMaintenance() {
            return maintenance.stream().filter(window -> window.nextStart() != null)
                    .sorted(Comparator.comparing(MaintenanceView::nextStart)).toList();
        }
    }

    /** The page of the mirror of that name, if the caller may see it. */
    public Optional<MirrorPageView> page(String name, int probesShown) {
        return mirrors.find(name).map(mirror -> {
            boolean mayEdit = rules.currentCaller().map(caller -> AccessRules.mayEdit(caller, mirror)).orElse(false);
            Comparator<ContentRow> order = Comparator.comparing(ContentRow::series)
                    .thenComparing(row -> row.architecture() == null ? "" : row.architecture())
                    .thenComparing(ContentRow::component)
                    .thenComparing(row -> PackagePublishingPocket.valueOf(row.pocket()));
            ContentReport content = content(mirror);
            List<MirrorFacade.ProbeEntry> probes = queries.probes(mirror.getId(), probesShown).stream()
                    .map(probe -> mayEdit ? probe : new MirrorFacade.ProbeEntry(probe.id(), probe.dateCreated(), probe.logFileId(), null))
                    .toList();
            List<ContentRow> binaries = content.binaries().stream().sorted(order).toList();
            List<ContentRow> sources = content.sources().stream().sorted(order).toList();
            return new MirrorPageView(queries.summary(mirror), mayEdit, binaries, sources,
                    ContentMatrix.of(binaries, sources, seriesVersions(mirror)), content.cdImages(), probes,
                    mirror.sourcesList(), history.snapshots(mirror.getId()),
                    MaintenanceView.of(maintenanceWindows.of(mirror), clock.instant()));
        });
    }

    /** The version of each series of the mirror's distribution, which orders the matrix newest first. */
    private Map<String, String> seriesVersions(DistributionMirror mirror) {
        Map<String, String> versions = new HashMap<>();
        em.createQuery("SELECT s.name, s.version FROM DistroRelease s WHERE s.distribution.id = :distributionId",
                        Object[].class)
                .setParameter("distributionId", mirror.getDistribution().getId()).getResultStream()
                .forEach(row -> versions.put((String) row[0], (String) row[1]));
        return versions;
    }

    public ContentReport content(String name) {
        return content(mirrors.get(name));
    }

    private ContentReport content(DistributionMirror mirror) {
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
                queries.summary(mirror).lastProbed(), records);
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
