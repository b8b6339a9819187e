package org.mirrorwatch.registry.boundary;

import org.mirrorwatch.platform.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.entity.CdImageFile;
import org.mirrorwatch.registry.control.CdImageManifestStore;
import org.mirrorwatch.registry.entity.CdImageManifest;
import org.mirrorwatch.reference.entity.Distribution;

/**
 * The CD-image manifest of a distribution, as an administrator stores and reads it. A manifest with a bad
 * line is refused whole, so the stored one stays in force.
 */
@Stateless
public class CdImageManifestFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    DistributionFacade distributions;

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
                distribution.getName(), JsonBuilders.object().add("lines", before.lines().count()).build(),
                JsonBuilders.object().add("lines", text.lines().count()).add("files", files.size()).build());
        return files;
    }

    /** The stored manifest as text, for administrators to read before they replace it. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public String readManifest(long distributionId) {
        distributions.getDistribution(distributionId);
        return manifest(distributionId).map(CdImageManifest::getContent)
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
