package org.mirrorwatch.probing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.mirrorwatch.platform.SqlValues;
import org.mirrorwatch.probing.boundary.RoundAlreadyRunningException;
import org.mirrorwatch.probing.entity.ProbeRun;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * The rounds' records and the lease that lets one round per content type run at a time, across every
 * instance on the database. Each method is its own transaction, so counters are visible while a round runs.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProbeRunStore {

    private static final Logger LOG = Logger.getLogger(ProbeRunStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProbeSettings settings;

    /**
     * Takes the lease of a content type and records a new RUNNING round. A round whose lease expired
     * died with its instance: it is marked ABORTED first.
     *
     * @throws RoundAlreadyRunningException when a live round holds the lease
     */
    public ProbeRun startLeasedRound(MirrorContent content, RunTrigger trigger, String holder) {
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO probe_lease (content) VALUES (?) ON CONFLICT DO NOTHING")
                .setParameter(1, content.name()).executeUpdate();
        Object[] lease = (Object[]) em.createNativeQuery(
                        "SELECT run_id, expires_at, holder FROM probe_lease WHERE content = ? FOR UPDATE")
                .setParameter(1, content.name()).getSingleResult();
        if (lease[0] != null && lease[1] != null && SqlValues.instant(lease[1]).isAfter(now)) {
            throw new RoundAlreadyRunningException("A probe round of " + content + " mirrors (round " + lease[0]
                    + ", on " + lease[2] + ") is running; start another once it has finished.");
        }
        abortOrphans(content, now);
        ProbeRun run = new ProbeRun(content, trigger, now);
        em.persist(run);
        em.flush();
        em.createNativeQuery("UPDATE probe_lease SET run_id = ?, holder = ?, expires_at = ? WHERE content = ?")
                .setParameter(1, run.getId()).setParameter(2, holder)
                .setParameter(3, Timestamp.from(now.plus(settings.getLeaseTtl())))
                .setParameter(4, content.name()).executeUpdate();
        return run;
    }

    /** Records a round that takes no lease: the probe of one mirror. */
    public ProbeRun startUnleasedRound(MirrorContent content, RunTrigger trigger) {
        ProbeRun run = new ProbeRun(content, trigger, clock.instant());
        em.persist(run);
        em.flush();
        return run;
    }

    /** We hold the lease now, so any other RUNNING round of this content lost it: its instance is gone. */
    private void abortOrphans(MirrorContent content, Instant now) {
        List<ProbeRun> orphans = em.createQuery("SELECT r FROM ProbeRun r WHERE r.content = :content"
                        + " AND r.state = org.mirrorwatch.probing.entity.RunState.RUNNING"
                        + " AND r.trigger <> org.mirrorwatch.probing.entity.RunTrigger.MIRROR", ProbeRun.class)
                .setParameter("content", content).getResultList();
        for (ProbeRun orphan : orphans) {
            orphan.abort(now, "The round stopped renewing its lease, so its instance is gone; marked ABORTED.");
            LOG.warning(() -> "Probe round " + orphan.getId() + " of " + content
                    + " lost its lease and was marked ABORTED");
        }
    }

    public void plan(long runId, int mirrors) {
        em.find(ProbeRun.class, runId).plan(mirrors);
    }

    /** Appends a line to the round's log in SQL, as several instances may write it at once. */
    public void log(long runId, String level, String message) {
        em.createNativeQuery("UPDATE probe_run SET log = log || ? WHERE id = ?")
                .setParameter(1, ProbeRun.logLine(level, message)).setParameter(2, runId).executeUpdate();
    }

    /** Updates the live counters and renews the round's lease: the heartbeat. */
    public void progress(long runId, int mirrorsDone, long requests, long failures, String currentMirror) {
        ProbeRun run = locked(runId);
        run.progress(mirrorsDone, requests, failures, currentMirror);
        renewLease(run);
    }

    private void renewLease(ProbeRun run) {
        em.createNativeQuery("UPDATE probe_lease SET expires_at = ? WHERE content = ? AND run_id = ?")
                .setParameter(1, Timestamp.from(clock.instant().plus(settings.getLeaseTtl())))
                .setParameter(2, run.getContent().name()).setParameter(3, run.getId()).executeUpdate();
    }

    public void finish(long runId) {
        ProbeRun run = locked(runId);
        run.finish(clock.instant());
        releaseLease(run);
    }

    public void abort(long runId, String reason) {
        ProbeRun run = locked(runId);
        run.abort(clock.instant(), reason);
        releaseLease(run);
    }

    /**
     * Finishes a shared round once none of its claims is left to do, whichever instance did them: the last
     * lines of its log count every instance's mirrors. The round's row is locked first, so of the instances
     * that ask at once, one finishes it and the others find it finished.
     *
     * @return the mirrors recorded, when this call finished the round
     */
    public OptionalInt finishIfAllClaimsDone(long runId) {
        ProbeRun run = locked(runId);
        long open = ((Number) em.createNativeQuery("SELECT count(*) FROM probe_claim WHERE run_id = ? AND state <> 'DONE'")
                .setParameter(1, runId).getSingleResult()).longValue();
        if (run.getState() != RunState.RUNNING || open > 0) {
            return OptionalInt.empty();
        }
        int recorded = ((Number) em.createNativeQuery("SELECT count(*) FROM probe_claim_mirror m JOIN probe_claim c"
                        + " ON c.id = m.claim_id WHERE c.run_id = ? AND m.recorded_at IS NOT NULL")
                .setParameter(1, runId).getSingleResult()).intValue();
        run.progress(recorded, run.getRequests(), run.getFailures(), null);
        run.log("INFO", "Probed " + recorded + " mirrors.");
        run.log("INFO", "Done.");
        run.finish(clock.instant());
        releaseLease(run);
        return OptionalInt.of(recorded);
    }

    /**
     * The round's row, locked until the transaction ends: its log and counters are written in SQL by other
     * instances meanwhile, and Hibernate writes back every column of a changed entity.
     */
    private ProbeRun locked(long runId) {
        return em.find(ProbeRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void releaseLease(ProbeRun run) {
        em.createNativeQuery("UPDATE probe_lease SET run_id = NULL, holder = NULL, expires_at = NULL"
                        + " WHERE content = ? AND run_id = ?")
                .setParameter(1, run.getContent().name()).setParameter(2, run.getId()).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProbeRun find(long runId) {
        return em.find(ProbeRun.class, runId);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProbeRun> recent(int limit) {
        return em.createNamedQuery("ProbeRun.recent", ProbeRun.class).setMaxResults(limit).getResultList();
    }

    /** The rounds that are running, the oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProbeRun> running() {
        return em.createNamedQuery("ProbeRun.running", ProbeRun.class).getResultList();
    }
}
