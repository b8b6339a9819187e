package org.mirrorwatch.registry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.InvalidValueException;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.entity.CdImageFile;
import org.mirrorwatch.registry.control.CdImageManifestStore;
import org.mirrorwatch.registry.entity.CdImageManifest;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.reference.entity.UrlScheme;

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

    @Inject
    AccessRules rules;

    @Inject
    AuditTrail audit;

    /** Checks and stores a manifest; every bad line is reported, and then nothing is stored. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public List<CdImageFile> storeManifest(long distributionId, String text) {
        Distribution distribution = distributions.getDistribution(distributionId);
        String before = findManifestText(distributionId).orElse("");
        List<CdImageFile> files = store.store(distribution, text);
        audit.record(rules.caller(), AuditAction.CD_IMAGE_MANIFEST_REPLACED, "cd-image-manifest", distributionId,
                distribution.getName(), Json.createObjectBuilder().add("lines", before.lines().count()).build(),
                Json.createObjectBuilder().add("lines", text.lines().count()).add("files", files.size()).build());
        return files;
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

    /** The stored manifest as text, for administrators to read before they replace it. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public CdImageManifest readManifest(long distributionId) {
        distributions.getDistribution(distributionId);
        return manifest(distributionId)
                .orElseThrow(() -> new NotFoundException("CD-image manifest of distribution", distributionId));
    }

    /** The stored manifest's text, for the manifest editor; none before a manifest was stored. */
    public Optional<String> findManifestText(long distributionId) {
        return manifest(distributionId).map(CdImageManifest::getContent);
    }

    private Optional<CdImageManifest> manifest(long distributionId) {
        return Optional.ofNullable(em.find(CdImageManifest.class, distributionId));
    }

    /** The files release mirrors of the distribution should carry, from the stored manifest. */
    public List<CdImageFile> expectedFiles(long distributionId) {
        return store.expectedFiles(distributions.getDistribution(distributionId));
    }
}
