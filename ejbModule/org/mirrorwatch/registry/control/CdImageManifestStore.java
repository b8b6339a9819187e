package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.registry.entity.CdImageFile;
import org.mirrorwatch.registry.entity.CdImageManifest;
import org.mirrorwatch.reference.entity.Distribution;

/**
 * Stores a distribution's CD-image manifest. Shared by the administrators' facade and the prober's
 * manifest fetcher, which has no caller and so does not go through the facade's permission check.
 */
@Stateless
public class CdImageManifestStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Checks the manifest and stores it; every bad line is reported, and then nothing is stored. */
    public List<CdImageFile> store(Distribution distribution, String text) {
        List<CdImageFile> files = CdImageManifest.parse(text, distribution.getSeriesNames());
        manifestOf(distribution.getId()).store(text, clock.instant());
        return files;
    }

    /** The manifests administrators gave as URLs, to fetch before a release round: distribution id → URL. */
    public Map<Long, String> fetchedFromUrls() {
        Map<Long, String> urls = new LinkedHashMap<>();
        em.createQuery("SELECT m FROM CdImageManifest m WHERE m.sourceUrl IS NOT NULL ORDER BY m.distributionId",
                CdImageManifest.class).getResultList()
                .forEach(manifest -> urls.put(manifest.getDistributionId(), manifest.getSourceUrl()));
        return urls;
    }

    /** Checks a manifest fetched from its URL and stores it, as {@link #store} does. */
    public List<CdImageFile> storeFetched(long distributionId, String text) {
        return store(em.find(Distribution.class, distributionId), text);
    }

    /** The distribution's manifest row, created empty on first use. */
    public CdImageManifest manifestOf(long distributionId) {
        CdImageManifest manifest = em.find(CdImageManifest.class, distributionId);
        if (manifest == null) {
            manifest = new CdImageManifest(distributionId, clock.instant());
            em.persist(manifest);
        }
        return manifest;
    }

    /** The files release mirrors of the distribution should carry, from the stored manifest. */
    public List<CdImageFile> expectedFiles(Distribution distribution) {
        return Optional.ofNullable(em.find(CdImageManifest.class, distribution.getId()))
                .map(manifest -> CdImageManifest.parse(manifest.getContent(), distribution.getSeriesNames()))
                .orElse(List.of());
    }
}
