package org.mirrorwatch.publishing.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.publishing.entity.BinaryPackagePublication;
import org.mirrorwatch.publishing.entity.PackagePublishingStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/** The publication history of an (arch) series, pocket and component. */
@Stateless
public class PublicationFacade {

    @PersistenceContext
    EntityManager em;

    /** Binary publications with this status published between {@code from} and {@code to}, inclusive, by id. */
    public List<BinaryPackagePublication> binaryPublications(long distroArchReleaseId, PackagePublishingPocket pocket,
            long componentId, PackagePublishingStatus status, Instant from, Instant to) {
        return em.createQuery("SELECT p FROM BinaryPackagePublication p WHERE p.distroArchRelease.id = :targetId"
                        + " AND p.pocket = :pocket AND p.component.id = :componentId AND p.status = :status"
                        + " AND p.datePublished BETWEEN :from AND :to ORDER BY p.id", BinaryPackagePublication.class)
                .setParameter("targetId", distroArchReleaseId).setParameter("pocket", pocket)
                .setParameter("componentId", componentId).setParameter("status", status)
                .setParameter("from", from).setParameter("to", to)
                .getResultList();
    }
}
