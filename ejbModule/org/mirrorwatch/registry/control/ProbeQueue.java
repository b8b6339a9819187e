package org.mirrorwatch.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * Which mirrors are due for a probe, as Launchpad's {@code getMirrorsToProbe} decides: enabled mirrors,
 * and those the prober disabled so they can recover, that were not probed since the cut-off; never-probed
 * first, then the longest unprobed, ties by id. Due-ness is read from the probe records themselves.
 */
@ApplicationScoped
public class ProbeQueue {

    private static final String MIRRORS_TO_PROBE = """
            SELECT m.id FROM distribution_mirror m
            LEFT JOIN LATERAL (SELECT max(r.date_created) AS last_probed FROM mirror_probe_record r
                               WHERE r.distribution_mirror_id = m.id) p ON true
            WHERE m.content = ? AND (m.enabled OR m.disabled_by = 'PROBER')
              AND (p.last_probed IS NULL OR p.last_probed < ?)
            ORDER BY p.last_probed NULLS FIRST, m.id
            LIMIT ?""";

    private static final String COUNT_DUE = """
            SELECT count(*) FROM distribution_mirror m
            WHERE m.content = ? AND (m.enabled OR m.disabled_by = 'PROBER')
              AND NOT EXISTS (SELECT 1 FROM mirror_probe_record r
                              WHERE r.distribution_mirror_id = m.id AND r.date_created >= ?)""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.reprobe-after")
    Duration reprobeAfter;

    /** The ids of at most {@code limit} due mirrors of this content type, in the order to probe them. */
    public List<Long> due(MirrorContent content, int limit) {
        List<?> ids = em.createNativeQuery(MIRRORS_TO_PROBE)
                .setParameter(1, content.name())
                .setParameter(2, Timestamp.from(clock.instant().minus(reprobeAfter)))
                .setParameter(3, limit)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** How many mirrors of this content type are due, for the operator's warning about the batch size. */
    public long countDue(MirrorContent content) {
        return ((Number) em.createNativeQuery(COUNT_DUE)
                .setParameter(1, content.name())
                .setParameter(2, Timestamp.from(clock.instant().minus(reprobeAfter)))
                .getSingleResult()).longValue();
    }
}
