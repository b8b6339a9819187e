package org.mirrorwatch.probing.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.publishing.entity.PublicationKey;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.registry.control.CdImageManifestStore;
import org.mirrorwatch.registry.control.UpdatenessCheck;
import org.mirrorwatch.registry.control.UpdatenessPlan;
import org.mirrorwatch.registry.entity.CdImageFile;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.PackagesIndexPath;
import org.mirrorwatch.registry.entity.SourcesIndexPath;

/**
 * Reads, before any request is sent, everything a round will check: each mirror's index files, and per
 * publication key the pool paths of getURLsToCheckUpdateness. A key's paths are the same on every
 * mirror, so they are read once per round however many mirrors carry it.
 */
@Stateless
public class ProbePlanner {

    @PersistenceContext
    EntityManager em;

    @Inject
    UpdatenessCheck updateness;

    @Inject
    CdImageManifestStore manifestStore;

    public List<MirrorTarget> plan(List<Long> mirrorIds, Instant now) {
        Map<PublicationKey, UpdatenessPlan> plans = new HashMap<>();
        List<MirrorTarget> targets = new ArrayList<>();
        for (long mirrorId : mirrorIds) {
            DistributionMirror mirror = em.find(DistributionMirror.class, mirrorId);
            if (mirror == null) {
                continue;
            }
            MirrorUrl base = mirror.getBaseUrl();
            List<IndexCheck> checks = new ArrayList<>();
            for (PackagesIndexPath path : mirror.guessPackagesPaths()) {
                PublicationKey key = new PublicationKey(PublicationKind.BINARY, path.archRelease().getId(),
                        path.pocket(), path.component().getId());
                String description = path.archRelease().getDistroRelease().getName() + " "
                        + path.archRelease().getArchitectureTag() + " " + path.pocket() + " " + path.component();
                checks.add(check(key, description, base, base.resolve(path.path()), plans, now));
            }
            for (SourcesIndexPath path : mirror.guessSourcesPaths()) {
                PublicationKey key = new PublicationKey(PublicationKind.SOURCE, path.release().getId(), path.pocket(),
                        path.component().getId());
                String description = path.release().getName() + " " + path.pocket() + " " + path.component();
                checks.add(check(key, description, base, base.resolve(path.path()), plans, now));
            }
            targets.add(new MirrorTarget(mirrorId, mirror.getName(), base.value(), checks, fallbackOf(mirror),
                    traceOf(mirror.getDistribution(), base)));
        }
        return targets;
    }

    /**
     * Plans a release round: per mirror, every (series, flavour) of its distribution's CD-image manifest with
     * the URLs of all its files. Mirrors of a distribution without a manifest have nothing to check and
     * are left out.
     */
    public List<ReleaseTarget> planRelease(List<Long> mirrorIds) {
        Map<Long, List<CdImageFile>> manifests = new HashMap<>();
        List<ReleaseTarget> targets = new ArrayList<>();
        for (long mirrorId : mirrorIds) {
            DistributionMirror mirror = em.find(DistributionMirror.class, mirrorId);
            if (mirror == null) {
                continue;
            }
            Distribution distribution = mirror.getDistribution();
            List<CdImageFile> files = manifests.computeIfAbsent(distribution.getId(),
                    id -> manifestStore.expectedFiles(distribution));
            Map<String, Long> seriesIds = new HashMap<>();
            distribution.getReleases().forEach(release -> seriesIds.put(release.getName(), release.getId()));
            MirrorUrl base = mirror.getBaseUrl();
            Map<List<String>, List<String>> urlsByPair = new LinkedHashMap<>();
            for (CdImageFile file : files) {
                urlsByPair.computeIfAbsent(List.of(file.series(), file.flavour()), pair -> new ArrayList<>())
                        .add(base.resolve(file.path()));
            }
            List<ImagePair> pairs = new ArrayList<>();
            urlsByPair.forEach((pair, urls) -> pairs.add(new ImagePair(seriesIds.get(pair.get(0)), pair.get(0),
                    pair.get(1), urls)));
            if (!pairs.isEmpty()) {
                targets.add(new ReleaseTarget(mirrorId, mirror.getName(), base.value(), pairs, fallbackOf(mirror)));
            }
        }
        return targets;
    }

    /**
     * The trace file and the sync marker the mirror's distribution names, on this mirror; empty when it
     * names neither. The marker's {host} is the host of the mirror's base URL, as ftpsync names the marker
     * after the mirror's own host name.
     */
    static Optional<TraceCheck> traceOf(Distribution distribution, MirrorUrl base) {
        Optional<String> trace = distribution.getTracePath().map(base::resolve);
        Optional<String> marker = distribution.getSyncMarker().map(name -> base.resolve(
                name.replace("{host}", java.net.URI.create(base.value()).getHost().toLowerCase(java.util.Locale.ROOT))));
        if (trace.isEmpty() && marker.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TraceCheck(distribution.getTraceFormat(), trace, marker));
    }

    /** Where to probe a mirror's content when its HTTPS does not work for clients: HTTP, else FTP. */
    private static Optional<String> fallbackOf(DistributionMirror mirror) {
        if (mirror.getHttpsBaseUrl().isEmpty()) {
            return Optional.empty();
        }
        return mirror.getHttpBaseUrl().or(mirror::getFtpBaseUrl).map(MirrorUrl::value);
    }

    private IndexCheck check(PublicationKey key, String description, MirrorUrl base, String indexUrl,
            Map<PublicationKey, UpdatenessPlan> plans, Instant now) {
        UpdatenessPlan plan = plans.computeIfAbsent(key, k -> updateness.plan(k, now));
        Map<MirrorStatus, String> urls = new LinkedHashMap<>();
        plan.poolPaths().forEach((status, path) -> urls.put(status, base.resolve(path)));
        return new IndexCheck(key.kind(), key.targetId(), key.pocket(), key.componentId(), description, indexUrl,
                urls, plan.newestPoolPath().map(base::resolve));
    }
}
