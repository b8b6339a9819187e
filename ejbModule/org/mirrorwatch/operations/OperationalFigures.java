package org.mirrorwatch.operations;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.EnumMap;
import java.util.Map;
import org.mirrorwatch.registry.entity.MirrorStatus;

/** Reads the operators' figures, each in one small query. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OperationalFigures {

    @PersistenceContext
    EntityManager em;

    /** The probe rounds so far: how many ended in each way, and their requests and failures together. */
    public record RoundTotals(long done, long failed, long running, long requests, long failures) {
    }

    /** Whether the database answers a query. */
    public boolean databaseAnswers() {
        try {
            return ((Number) em.createNativeQuery("SELECT 1").getSingleResult()).intValue() == 1;
        } catch (PersistenceException e) {
            return false;
        }
    }

    /** Mails waiting in the outbox, not yet delivered. */
    public long outboxBacklog() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL")
                .getSingleResult()).longValue();
    }

    /** Enabled mirrors per freshness status as of their last probe; every status is present. */
    public Map<MirrorStatus, Long> enabledMirrorsByFreshness() {
        Map<MirrorStatus, Long> counts = new EnumMap<>(MirrorStatus.class);
        for (MirrorStatus status : MirrorStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object row : em.createNativeQuery("SELECT probed_freshness, count(*) FROM distribution_mirror"
                + " WHERE enabled GROUP BY probed_freshness").getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(MirrorStatus.valueOf((String) columns[0]), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    public RoundTotals roundTotals() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE state = 'DONE'),"
                + " count(*) FILTER (WHERE state NOT IN ('DONE', 'RUNNING')), count(*) FILTER (WHERE state = 'RUNNING'),"
                + " coalesce(sum(requests), 0), coalesce(sum(failures), 0) FROM probe_run").getSingleResult();
        return new RoundTotals(number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
