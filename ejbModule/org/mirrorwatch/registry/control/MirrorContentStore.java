package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * Creates, finds and deletes MirrorDistroArchRelease and MirrorDistroReleaseSource records. The
 * registry's facade and the prober share it; it checks no permissions, its callers do.
 */
@Stateless
public class MirrorContentStore {

    /*
     * Ensuring is an upsert, so concurrent probes of one mirror never fail on the unique key: the loser of
     * a race waits for the winner's commit, inserts nothing, and then reads the winner's row.
     */
    private static final String ENSURE_ARCH_RELEASE = """
            INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id, pocket, component_id)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (distribution_mirror_id, distro_arch_release_id, pocket, component_id) DO NOTHING""";
    private static final String ENSURE_RELEASE_SOURCE = """
            INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket, component_id)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (distribution_mirror_id, distro_release_id, pocket, component_id) DO NOTHING""";

    /*
     * A probe's results for one mirror are written with four set-based statements, not one per record: a
     * mirror of a large distribution has hundreds of records, and one thread records a whole round. The
     * rows travel as one text parameter ("target,pocket,component[,freshness];..."), which every JPA
     * provider binds the same way.
     */
    private static final String UPSERT = """
            INSERT INTO %1$s (distribution_mirror_id, %2$s, pocket, component_id, freshness)
            SELECT ?, split_part(row, ',', 1)::bigint, split_part(row, ',', 2), split_part(row, ',', 3)::bigint,
                   split_part(row, ',', 4)
            FROM unnest(string_to_array(?, ';')) AS row
            ON CONFLICT (distribution_mirror_id, %2$s, pocket, component_id) DO UPDATE SET freshness = EXCLUDED.freshness""";
    private static final String DELETE = """
            DELETE FROM %1$s WHERE distribution_mirror_id = ? AND (%2$s, pocket, component_id) IN (
                SELECT split_part(row, ',', 1)::bigint, split_part(row, ',', 2), split_part(row, ',', 3)::bigint
                FROM unnest(string_to_array(?, ';')) AS row)""";

    @PersistenceContext
    EntityManager em;

    /**
     * Makes the mirror's records say what a probe found: present ones are created or get their new
     * freshness, absent ones are deleted. Records of other keys are left alone.
     */
    public void applyProbe(long mirrorId, List<ContentState> states) {
        for (PublicationKind kind : PublicationKind.values()) {
            String table = kind == PublicationKind.BINARY ? "mirror_distro_arch_release" : "mirror_distro_release_source";
            String target = kind == PublicationKind.BINARY ? "distro_arch_release_id" : "distro_release_id";
            String present = rows(states, kind, true);
            String absent = rows(states, kind, false);
            if (!present.isEmpty()) {
                em.createNativeQuery(UPSERT.formatted(table, target)).setParameter(1, mirrorId)
                        .setParameter(2, present).executeUpdate();
            }
            if (!absent.isEmpty()) {
                em.createNativeQuery(DELETE.formatted(table, target)).setParameter(1, mirrorId)
                        .setParameter(2, absent).executeUpdate();
            }
        }
    }

    private static String rows(List<ContentState> states, PublicationKind kind, boolean present) {
        return states.stream()
                .filter(state -> state.kind() == kind && state.present() == present)
                .map(state -> state.targetId() + "," + state.pocket().name() + "," + state.componentId()
                        + (present ? "," + state.freshness().name() : ""))
                .collect(Collectors.joining(";"));
    }

    /** The mirror's record of these binaries, created if it has none. */
    public MirrorDistroArchRelease ensureMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        upsert(ENSURE_ARCH_RELEASE, mirrorId, distroArchReleaseId, pocket, componentId);
        return findMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId).orElseThrow();
    }

    /** The mirror's record of these sources, created if it has none. */
    public MirrorDistroReleaseSource ensureMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        upsert(ENSURE_RELEASE_SOURCE, mirrorId, distroReleaseId, pocket, componentId);
        return findMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId).orElseThrow();
    }

    private void upsert(String sql, long mirrorId, long targetId, PackagePublishingPocket pocket, long componentId) {
        em.createNativeQuery(sql)
                .setParameter(1, mirrorId)
                .setParameter(2, targetId)
                .setParameter(3, pocket.name())
                .setParameter(4, componentId)
                .executeUpdate();
    }

    public Optional<MirrorDistroArchRelease> findMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return em.createNamedQuery("MirrorDistroArchRelease.find", MirrorDistroArchRelease.class)
                .setParameter("mirrorId", mirrorId).setParameter("targetId", distroArchReleaseId)
                .setParameter("pocket", pocket).setParameter("componentId", componentId)
                .getResultStream().findFirst();
    }

    public Optional<MirrorDistroReleaseSource> findMirrorDistroReleaseSource(long mirrorId, long distroReleaseId,
            PackagePublishingPocket pocket, long componentId) {
        return em.createNamedQuery("MirrorDistroReleaseSource.find", MirrorDistroReleaseSource.class)
                .setParameter("mirrorId", mirrorId).setParameter("targetId", distroReleaseId)
                .setParameter("pocket", pocket).setParameter("componentId", componentId)
                .getResultStream().findFirst();
    }

    /** Forgets that the mirror carries these binaries; nothing happens if it had no record. */
    public void deleteMirrorDistroArchRelease(long mirrorId, long distroArchReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        findMirrorDistroArchRelease(mirrorId, distroArchReleaseId, pocket, componentId).ifPresent(em::remove);
    }

    /** Forgets that the mirror carries these sources; nothing happens if it had no record. */
    public void deleteMirrorDistroReleaseSource(long mirrorId, long distroReleaseId, PackagePublishingPocket pocket,
            long componentId) {
        findMirrorDistroReleaseSource(mirrorId, distroReleaseId, pocket, componentId).ifPresent(em::remove);
    }

}
