package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mirrorwatch.registry.entity.MirrorFreshnessSnapshot;
import org.mirrorwatch.registry.entity.MirrorStatus;

/** A mirror's freshness over time, one snapshot per probe, for charts and the freshness feed. */
@Stateless
public class FreshnessHistory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The mirror's snapshots, oldest first. */
    public List<FreshnessSnapshot> snapshots(long mirrorId) {
        return em.createNamedQuery("MirrorFreshnessSnapshot.findByMirror", MirrorFreshnessSnapshot.class)
                .setParameter("mirrorId", mirrorId).getResultList().stream().map(FreshnessSnapshot::of).toList();
    }

    /**
     * Per day of the last {@code days} days, how many mirrors ended the day in each overall freshness:
     * each mirror counts once a day, with its last probe of that day.
     */
    public SortedMap<LocalDate, Map<MirrorStatus, Integer>> dailyOverall(int days) {
        SortedMap<LocalDate, Map<MirrorStatus, Integer>> byDay = new TreeMap<>();
        List<?> rows = em.createNativeQuery("""
                SELECT last.day, last.overall, count(*) FROM (
                    SELECT DISTINCT ON (s.distribution_mirror_id, date_trunc('day', s.date_created AT TIME ZONE 'UTC'))
                           to_char(s.date_created AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, s.overall
                    FROM mirror_freshness_snapshot s WHERE s.date_created >= ?
                    ORDER BY s.distribution_mirror_id, date_trunc('day', s.date_created AT TIME ZONE 'UTC'),
                             s.date_created DESC) last
                GROUP BY last.day, last.overall ORDER BY last.day""")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(days)))).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byDay.computeIfAbsent(LocalDate.parse((String) columns[0]), day -> new EnumMap<>(MirrorStatus.class))
                    .put(MirrorStatus.valueOf((String) columns[1]), ((Number) columns[2]).intValue());
        }
        return byDay;
    }
}
