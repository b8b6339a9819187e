package org.mirrorwatch.probing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.mirrorwatch.platform.SqlValues;
import org.mirrorwatch.probing.boundary.InstanceClaims;
import org.mirrorwatch.probing.boundary.ProbeInstance;
import org.mirrorwatch.registry.entity.DistributionMirror;

/**
 * The claims of shared rounds, in SQL: a round's mirrors grouped by host, taken by instances with
 * {@code FOR UPDATE SKIP LOCKED}, held by a heartbeat, and taken again once their holder stopped beating.
 * Counters that several instances add to are added to in SQL, never read and written back. Each method
 * is its own short transaction, and those that write several tables lock them in one order: claims, then
 * the round, then the lease (PostgreSQL would otherwise give one of two up as a deadlock, and with it the
 * round). A heartbeat older than the lease-ttl (by the instances' clocks, which
 * must agree to well within it, as for the lease) is a stopped instance's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClaimStore {

    private static final Logger LOG = Logger.getLogger(ClaimStore.class.getName());

    /**
     * How long an instance that stopped beating stays on the probe page (as silent) before its row is
     * deleted by the next heartbeat of any instance: long enough for an operator to notice it.
     */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProbeSettings settings;

    /**
     * Cuts a round into one claim per host and sets its total to the mirrors claimed; mirrors deleted since
     * they were found due are left out.
     *
     * @return the number of claims
     */
    public int open(long runId, List<Long> mirrorIds) {
        Map<Long, String> baseUrls = new LinkedHashMap<>();
        for (long mirrorId : mirrorIds) {
            DistributionMirror mirror = em.find(DistributionMirror.class, mirrorId);
            if (mirror != null) {
                baseUrls.put(mirrorId, mirror.getBaseUrl().value());
            }
        }
        Map<String, List<Long>> byHost = HostClaims.byHost(baseUrls);
        for (Map.Entry<String, List<Long>> host : byHost.entrySet()) {
            long claimId = ((Number) em.createNativeQuery(
                    "SELECT nextval(pg_get_serial_sequence('probe_claim', 'id'))").getSingleResult()).longValue();
            em.createNativeQuery("INSERT INTO probe_claim (id, run_id, host) VALUES (?, ?, ?)")
                    .setParameter(1, claimId).setParameter(2, runId).setParameter(3, host.getKey()).executeUpdate();
            for (long mirrorId : host.getValue()) {
                em.createNativeQuery("INSERT INTO probe_claim_mirror (claim_id, mirror_id) VALUES (?, ?)")
                        .setParameter(1, claimId).setParameter(2, mirrorId).executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE probe_run SET mirrors_total = ? WHERE id = ?")
                .setParameter(1, baseUrls.size()).setParameter(2, runId).executeUpdate();
        return byHost.size();
    }

    /**
     * Takes at most {@code max} claims of a running round that are queued, or whose holder stopped beating,
     * each with its mirrors not yet recorded. Claims other instances are taking at this moment are skipped,
     * not waited for.
     */
    public List<Claim> take(long runId, String instance, int max) {
        Timestamp now = Timestamp.from(clock.instant());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.host, c.state, c.instance, c.times_taken FROM probe_claim c"
                        + " JOIN probe_run r ON r.id = c.run_id AND r.state = 'RUNNING'"
                        + " WHERE c.run_id = ? AND (c.state = 'QUEUED' OR (c.state = 'CLAIMED' AND c.heartbeat_at < ?))"
                        + " ORDER BY c.id LIMIT ? FOR UPDATE OF c SKIP LOCKED")
                .setParameter(1, runId).setParameter(2, expiredBefore()).setParameter(3, max).getResultList();
        List<Claim> taken = new ArrayList<>();
        for (Object[] row : rows) {
            long claimId = ((Number) row[0]).longValue();
            em.createNativeQuery("UPDATE probe_claim SET state = 'CLAIMED', instance = ?, heartbeat_at = ?,"
                            + " times_taken = times_taken + 1 WHERE id = ?")
                    .setParameter(1, instance).setParameter(2, now).setParameter(3, claimId).executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object> mirrors = em.createNativeQuery("SELECT mirror_id FROM probe_claim_mirror"
                            + " WHERE claim_id = ? AND recorded_at IS NULL ORDER BY mirror_id")
                    .setParameter(1, claimId).getResultList();
            taken.add(new Claim(claimId, (String) row[1], mirrors.stream().map(id -> ((Number) id).longValue()).toList()));
            if ("CLAIMED".equals(row[2])) {
                LOG.info(() -> String.format("Probe round %d: host %s taken over from instance %s, which stopped"
                        + " beating, by %s (taken %d times), %d mirrors left", runId, row[1], row[3], instance,
                        ((Number) row[4]).intValue() + 1, mirrors.size()));
            }
        }
        return taken;
    }

    /**
     * One mirror of a claim is recorded (or its probe crashed, and there is nothing to record): it is not
     * probed again, and it counts in the round's done mirrors once, whoever recorded it. With the last of the
     * claim's mirrors, the claim is DONE too, if {@code instance} still holds it.
     */
    public void recorded(long runId, long claimId, long mirrorId, String instanceWhenLast) {
        int marked = markRecorded(em, claimId, mirrorId, clock.instant());
        // The claim's row before the round's, as the heartbeat locks them: the other order deadlocks with it.
        if (instanceWhenLast != null) {
            done(claimId, instanceWhenLast);
        }
        countDone(em, runId, marked);
    }

    /**
     * Marks a claim's mirror recorded, in the caller's transaction: the probe recorder does it in the
     * probe's own, so that no instance probes it again once its record is committed.
     *
     * @return 1 when marked now, 0 when it was already
     */
    static int markRecorded(EntityManager em, long claimId, long mirrorId, Instant now) {
        return em.createNativeQuery("UPDATE probe_claim_mirror SET recorded_at = ? WHERE claim_id = ?"
                        + " AND mirror_id = ? AND recorded_at IS NULL")
                .setParameter(1, Timestamp.from(now)).setParameter(2, claimId).setParameter(3, mirrorId).executeUpdate();
    }

    /** Adds mirrors just marked recorded to the round's done count, in the caller's transaction. */
    static void countDone(EntityManager em, long runId, int marked) {
        if (marked > 0) {
            em.createNativeQuery("UPDATE probe_run SET mirrors_done = mirrors_done + ? WHERE id = ? AND state = 'RUNNING'")
                    .setParameter(1, marked).setParameter(2, runId).executeUpdate();
        }
    }

    /** Mirrors deleted since the round started: they leave the claim and the round's total. */
    public void leftOut(long runId, long claimId, List<Long> mirrorIds) {
        for (long mirrorId : mirrorIds) {
            int deleted = em.createNativeQuery("DELETE FROM probe_claim_mirror WHERE claim_id = ? AND mirror_id = ?"
                            + " AND recorded_at IS NULL")
                    .setParameter(1, claimId).setParameter(2, mirrorId).executeUpdate();
            em.createNativeQuery("UPDATE probe_run SET mirrors_total = mirrors_total - ? WHERE id = ?")
                    .setParameter(1, deleted).setParameter(2, runId).executeUpdate();
        }
    }

    /** Marks the claim DONE, if this instance still holds it. */
    public void done(long claimId, String instance) {
        em.createNativeQuery("UPDATE probe_claim SET state = 'DONE', heartbeat_at = ? WHERE id = ? AND instance = ?")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, claimId).setParameter(3, instance)
                .executeUpdate();
    }

    /**
     * The participant's heartbeat: its claims of the round and the round's lease are renewed, and the
     * requests and failures since its last beat are added to the round's.
     *
     * @return false once the round is aborted (another participant failed, or it was given up): the
     *         participant then stops
     */
    public boolean beat(long runId, String instance, long newRequests, long newFailures, String currentMirror) {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("UPDATE probe_claim SET heartbeat_at = ? WHERE run_id = ? AND instance = ?"
                        + " AND state = 'CLAIMED'")
                .setParameter(1, now).setParameter(2, runId).setParameter(3, instance).executeUpdate();
        // Another instance's mirror stays named while this one has none in flight.
        // The counts of a last beat that comes after another instance finished the round still count.
        List<?> state = em.createNativeQuery("UPDATE probe_run SET requests = requests + ?, failures = failures + ?,"
                        + " current_mirror = CASE WHEN state = 'RUNNING' THEN COALESCE(NULLIF(?, ''), current_mirror)"
                        + " END WHERE id = ? RETURNING state")
                .setParameter(1, newRequests).setParameter(2, newFailures)
                .setParameter(3, currentMirror == null ? "" : currentMirror.substring(0, Math.min(64, currentMirror.length())))
                .setParameter(4, runId).getResultList();
        em.createNativeQuery("UPDATE probe_lease SET expires_at = ? WHERE run_id = ?")
                .setParameter(1, Timestamp.from(clock.instant().plus(settings.getLeaseTtl()))).setParameter(2, runId)
                .executeUpdate();
        return !state.isEmpty() && !"ABORTED".equals(String.valueOf(state.get(0)));
    }

    /**
     * The instance's own heartbeat, and that of the leases of the running rounds with claims left: while an
     * instance is up, a round whose claims another instance dropped is taken over, not aborted by a start
     * that finds its lease expired.
     */
    public void beatInstance(String instance, Instant started) {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("DELETE FROM probe_instance WHERE heartbeat_at < ?")
                .setParameter(1, Timestamp.from(clock.instant().minus(FORGOTTEN_AFTER))).executeUpdate();
        em.createNativeQuery("INSERT INTO probe_instance (name, started_at, heartbeat_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at")
                .setParameter(1, instance).setParameter(2, Timestamp.from(started)).setParameter(3, now)
                .executeUpdate();
        em.createNativeQuery("UPDATE probe_lease SET expires_at = ? WHERE run_id IN (SELECT c.run_id"
                        + " FROM probe_claim c JOIN probe_run r ON r.id = c.run_id WHERE r.state = 'RUNNING'"
                        + " AND c.state <> 'DONE')")
                .setParameter(1, Timestamp.from(clock.instant().plus(settings.getLeaseTtl()))).executeUpdate();
    }

    /** Puts the claims this instance holds in the round back in the queue, for another instance to take at once. */
    public int handBack(long runId, String instance) {
        return em.createNativeQuery("UPDATE probe_claim SET state = 'QUEUED', instance = NULL, heartbeat_at = NULL"
                        + " WHERE run_id = ? AND instance = ? AND state = 'CLAIMED'")
                .setParameter(1, runId).setParameter(2, instance).executeUpdate();
    }

    /** When an instance of this name last told it was up, if it did within the lease-ttl: a twin, or this one before a restart. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> recentHeartbeatOf(String instance) {
        @SuppressWarnings("unchecked")
        List<Object> beats = em.createNativeQuery("SELECT heartbeat_at FROM probe_instance WHERE name = ? AND heartbeat_at >= ?")
                .setParameter(1, instance).setParameter(2, expiredBefore()).getResultList();
        return beats.stream().findFirst().map(SqlValues::instant);
    }

    /** Whether an instance other than this one told within the lease-ttl that it is up. */
    public boolean othersAlive(String instance) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM probe_instance WHERE name <> ? AND heartbeat_at >= ?")
                .setParameter(1, instance).setParameter(2, expiredBefore()).getSingleResult()).longValue() > 0;
    }

    /** The running rounds with a claim to take (queued, or its holder stopped beating): run id and content. */
    @SuppressWarnings("unchecked")
    public List<Object[]> claimable() {
        return em.createNativeQuery("SELECT DISTINCT r.id, r.content FROM probe_run r JOIN probe_claim c ON c.run_id = r.id"
                        + " WHERE r.state = 'RUNNING' AND (c.state = 'QUEUED' OR (c.state = 'CLAIMED' AND c.heartbeat_at < ?))"
                        + " ORDER BY r.id")
                .setParameter(1, expiredBefore()).getResultList();
    }

    /** The round's claims that wait in the queue. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int queued(long runId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM probe_claim WHERE run_id = ? AND state = 'QUEUED'")
                .setParameter(1, runId).getSingleResult()).intValue();
    }

    /** Each instance's share of the round, by name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InstanceClaims> byInstance(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.instance, count(*) FILTER (WHERE c.state = 'CLAIMED'),"
                        + " count(*) FILTER (WHERE c.state = 'DONE'), max(i.heartbeat_at) FROM probe_claim c"
                        + " LEFT JOIN probe_instance i ON i.name = c.instance WHERE c.run_id = ? AND c.instance IS NOT NULL"
                        + " GROUP BY c.instance ORDER BY c.instance")
                .setParameter(1, runId).getResultList();
        return rows.stream().map(row -> new InstanceClaims((String) row[0], ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue(), SqlValues.instant(row[3]))).toList();
    }

    /**
     * The instances that told they are up within {@link #FORGOTTEN_AFTER}, the latest first, each up or
     * silent; for the probe page.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProbeInstance> instances() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, started_at, heartbeat_at FROM probe_instance"
                + " WHERE heartbeat_at >= ? ORDER BY heartbeat_at DESC, name")
                .setParameter(1, Timestamp.from(clock.instant().minus(FORGOTTEN_AFTER))).getResultList();
        Instant silentBefore = expiredBefore().toInstant();
        return rows.stream().map(row -> {
            Instant heartbeat = SqlValues.instant(row[2]);
            return new ProbeInstance((String) row[0], SqlValues.instant(row[1]), heartbeat,
                    !heartbeat.isBefore(silentBefore));
        }).toList();
    }

    /** The claims each instance holds now, over every running round; for the metrics. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Integer> heldByInstance() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.instance, count(*) FROM probe_claim c"
                + " JOIN probe_run r ON r.id = c.run_id AND r.state = 'RUNNING' WHERE c.state = 'CLAIMED'"
                + " GROUP BY c.instance ORDER BY c.instance").getResultList();
        Map<String, Integer> held = new LinkedHashMap<>();
        rows.forEach(row -> held.put((String) row[0], ((Number) row[1]).intValue()));
        return held;
    }

    private Timestamp expiredBefore() {
        return Timestamp.from(clock.instant().minus(settings.getLeaseTtl()));
    }
}
