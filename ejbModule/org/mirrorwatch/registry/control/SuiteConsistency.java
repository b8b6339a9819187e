package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.SuiteInconsistency;

/**
 * Keeps which suites a mirror serves inconsistently, from each probe's findings, and tells the owner once
 * per episode: when the second probe in a row finds the same suite inconsistent. In the probe's
 * transaction; the notice is marked sent by a conditional update before its mail is queued in the same
 * transaction, so of two probes at once only one mails. A mirror in a maintenance window is not mailed
 * about (the notice stays due, and goes out with the first probe after the window that still finds it).
 */
@Stateless
public class SuiteConsistency {

    private static final Logger LOG = Logger.getLogger(SuiteConsistency.class.getName());

    /** Probes in a row that must find a suite inconsistent before its owner is told. */
    public static final int PROBES_BEFORE_NOTICE = 2;

    @PersistenceContext
    EntityManager em;

    @Inject
    MirrorNotifications notifications;

    @Inject
    MaintenanceWindows maintenanceWindows;

    /**
     * Records a probe's findings: the suites it found inconsistent (with what differs) start or continue
     * their episode, every other suite of the mirror ends its own.
     *
     * @return the suites whose notice this probe queued
     */
    public List<String> record(DistributionMirror mirror, Map<String, String> inconsistent, Instant now) {
        Timestamp at = Timestamp.from(now);
        if (inconsistent.isEmpty()) {
            em.createNativeQuery("DELETE FROM suite_inconsistency WHERE distribution_mirror_id = ?1")
                    .setParameter(1, mirror.getId()).executeUpdate();
            return List.of();
        }
        List<String> existing = em.createNamedQuery("SuiteInconsistency.findByMirrors", SuiteInconsistency.class)
                .setParameter("mirrorIds", List.of(mirror.getId())).getResultStream()
                .map(SuiteInconsistency::getSuite).toList();
        for (String ended : existing) {
            if (!inconsistent.containsKey(ended)) {
                em.createNativeQuery("DELETE FROM suite_inconsistency WHERE distribution_mirror_id = ?1 AND suite = ?2")
                        .setParameter(1, mirror.getId()).setParameter(2, ended).executeUpdate();
                LOG.info(() -> "Mirror " + mirror.getName() + ": suite " + ended + " is no longer found inconsistent");
            }
        }
        boolean inMaintenance = maintenanceWindows.current(mirror, now).isPresent();
        List<String> notified = new ArrayList<>();
        for (Map.Entry<String, String> suite : new java.util.TreeMap<>(inconsistent).entrySet()) {
            String name = cut(suite.getKey(), SuiteInconsistency.SUITE_LENGTH);
            String detail = cut(suite.getValue(), SuiteInconsistency.DETAIL_LENGTH);
            em.createNativeQuery("INSERT INTO suite_inconsistency (distribution_mirror_id, suite, first_seen,"
                            + " last_seen, probes, detail) VALUES (?1, ?2, ?3, ?3, 1, ?4)"
                            + " ON CONFLICT (distribution_mirror_id, suite) DO UPDATE SET last_seen = EXCLUDED.last_seen,"
                            + " probes = suite_inconsistency.probes + 1, detail = EXCLUDED.detail")
                    .setParameter(1, mirror.getId()).setParameter(2, name).setParameter(3, at)
                    .setParameter(4, detail).executeUpdate();
            if (inMaintenance) {
                continue;
            }
            int due = em.createNativeQuery("UPDATE suite_inconsistency SET date_notified = ?3"
                            + " WHERE distribution_mirror_id = ?1 AND suite = ?2 AND probes >= ?4 AND date_notified IS NULL")
                    .setParameter(1, mirror.getId()).setParameter(2, name).setParameter(3, at)
                    .setParameter(4, PROBES_BEFORE_NOTICE).executeUpdate();
            if (due == 1) {
                notifications.suiteInconsistent(mirror, name, detail, now);
                notified.add(name);
                LOG.info(() -> "Mirror " + mirror.getName() + ": suite " + name + " inconsistent on "
                        + PROBES_BEFORE_NOTICE + " probes in a row; owner " + mirror.getOwner().getName() + " notified");
            }
        }
        return notified;
    }

    /** The suites each mirror serves inconsistently now, by mirror id; for the routing snapshot. */
    public Map<Long, Set<String>> inconsistentSuitesByMirror() {
        Map<Long, Set<String>> suites = new HashMap<>();
        em.createNamedQuery("SuiteInconsistency.findAll", SuiteInconsistency.class).getResultStream()
                .forEach(row -> suites.computeIfAbsent(row.getMirrorId(), id -> new TreeSet<>()).add(row.getSuite()));
        return suites;
    }

    /** The inconsistent suites of these mirrors, by mirror and suite name. */
    public List<SuiteInconsistency> ofMirrors(List<Long> mirrorIds) {
        if (mirrorIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("SuiteInconsistency.findByMirrors", SuiteInconsistency.class)
                .setParameter("mirrorIds", mirrorIds).getResultList();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
