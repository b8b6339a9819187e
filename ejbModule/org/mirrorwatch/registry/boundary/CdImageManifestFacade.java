package org.mirrorwatch.registry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.InvalidValueException;
import org.mirrorwatch.registry.entity.CdImageFile;
import org.mirrorwatch.registry.control.CdImageManifestStore;
import org.mirrorwatch.registry.entity.CdImageManifest;
import org.mirrorwatch.registry.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.UrlScheme;

/**
 * The CD-image manifest of a distribution: stored by an administrator, or fetched from a URL before each
 * release round. A manifest with a bad line is refused whole, so the stored one stays in force.
 */
@Stateless
public class CdImageManifestFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    DistributionFacade distributions;

    @Inject
    Clock clock;

    @Inject
    CdImageManifestStore store;

    /** Checks and stores a manifest; every bad line is reported, and then nothing is stored. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public List<CdImageFile> storeManifest(long distributionId, String text) {
        return store.store(distributions.getDistribution(distributionId), text);
    }

    /** Fetches the manifest from this http(s) URL before each release round; blank stops fetching. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public void fetchManifestFrom(long distributionId, String url) {
        distributions.getDistribution(distributionId);
        String source = null;
        if (url != null && !url.isBlank()) {
            try {
                String scheme = url.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https:") ? "HTTPS" : "HTTP";
                MirrorUrl.of(UrlScheme.valueOf(scheme), url.substring(0, url.lastIndexOf('/') + 1));
                source = url.strip();
            } catch (InvalidValueException | StringIndexOutOfBoundsException e) {
                throw new InvalidInputException("sourceUrl", "The manifest URL must be an http or https URL of a"
                        + " file, e.g. https://cdimage.example.org/manifest");
            }
        }
        store.manifestOf(distributionId).fetchFrom(source, clock.instant());
    }

    public Optional<CdImageManifest> findManifest(long distributionId) {
        return Optional.ofNullable(em.find(CdImageManifest.class, distributionId));
    }

    /** The files release mirrors of the distribution should carry, from the stored manifest. */
    public List<CdImageFile> expectedFiles(long distributionId) {
        return findManifest(distributionId)
                .map(manifest -> CdImageManifest.parse(manifest.getContent(),
                        distributions.getDistribution(distributionId).getSeriesNames()))
                .orElse(List.of());
    }
}
