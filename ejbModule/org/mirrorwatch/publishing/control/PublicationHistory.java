package org.mirrorwatch.publishing.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mirrorwatch.publishing.entity.BinaryPackagePublication;
import org.mirrorwatch.publishing.entity.PackagePublishingStatus;
import org.mirrorwatch.publishing.entity.PoolPublication;
import org.mirrorwatch.publishing.entity.PublicationKey;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.publishing.entity.SourcePackagePublication;

/**
 * Fetches the publications that can decide freshness at a moment: the checkable PUBLISHED ones of one
 * key since a given instant, and the newest one at or before the moment, which decides when the windows
 * are empty. The freshness rule itself filters again, so this only narrows what is read.
 */
@Stateless
public class PublicationHistory {

    private static final String BINARY_CANDIDATES = "SELECT DISTINCT p FROM BinaryPackagePublication p JOIN p.files f"
            + " WHERE p.distroArchRelease.id = :targetId AND p.pocket = :pocket AND p.component.id = :componentId"
            + " AND p.status = :status AND f.fileType = :fileType"
            + " AND p.datePublished > :since AND p.datePublished <= :when"
            + " ORDER BY p.datePublished DESC, p.id DESC";
    private static final String SOURCE_CANDIDATES = BINARY_CANDIDATES
            .replace("BinaryPackagePublication", "SourcePackagePublication")
            .replace("p.distroArchRelease.id", "p.distroRelease.id");
    private static final String SINCE_CLAUSE = " AND p.datePublished > :since";

    @PersistenceContext
    EntityManager em;

    /**
     * The checkable PUBLISHED publications of the key published in (since, when], newest first; when there
     * are none, the single newest one at or before {@code when}, if any.
     */
    public List<PoolPublication> checkablePublications(PublicationKey key, Instant since, Instant when) {
        List<PoolPublication> publications = new ArrayList<>(query(key, true, when).setParameter("since", since)
                .getResultList());
        if (publications.isEmpty()) {
            publications.addAll(query(key, false, when).setMaxResults(1).getResultList());
        }
        return publications;
    }

    private TypedQuery<? extends PoolPublication> query(PublicationKey key, boolean withSince, Instant when) {
        String jpql = key.kind() == PublicationKind.BINARY ? BINARY_CANDIDATES : SOURCE_CANDIDATES;
        if (!withSince) {
            jpql = jpql.replace(SINCE_CLAUSE, "");
        }
        Class<? extends PoolPublication> type = key.kind() == PublicationKind.BINARY
                ? BinaryPackagePublication.class : SourcePackagePublication.class;
        return em.createQuery(jpql, type)
                .setParameter("targetId", key.targetId())
                .setParameter("pocket", key.pocket())
                .setParameter("componentId", key.componentId())
                .setParameter("status", PackagePublishingStatus.PUBLISHED)
                .setParameter("fileType", key.kind().checkedFileType())
                .setParameter("when", when);
    }
}
