package org.mirrorwatch.operations;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.platform.SqlValues;
import org.mirrorwatch.probing.control.ClaimStore;
import org.mirrorwatch.probing.control.ProbeSettings;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.registry.entity.FamilyState;
import org.mirrorwatch.registry.entity.TlsState;

/** Reads the operators' figures, each in one small query. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OperationalFigures {

    @PersistenceContext
    EntityManager em;

    /** The probe rounds so far: how many ended in each way, and their requests and failures together. */
    public record RoundTotals(long done, long failed, long running, long requests, long failures) {
    }

    @Inject
    ProbeSettings probeSettings;

    @Inject
    ClaimStore claims;

    /** This instance's name in shared probe rounds. */
    public String instanceName() {
        return probeSettings.getInstanceName();
    }

    /** The host claims each instance holds now, over every running round, by instance name. */
    public Map<String, Integer> claimsHeldByInstance() {
        return claims.heldByInstance();
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

    /** Enabled mirrors that serve at least one suite inconsistently, and those suites together. */
    public record Inconsistency(long mirrors, long suites) {
    }

    /** How many enabled mirrors their newest probe found serving a suite inconsistently, and how many suites. */
    public Inconsistency enabledMirrorsWithInconsistentSuites() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(DISTINCT s.distribution_mirror_id), count(*)"
                + " FROM suite_inconsistency s JOIN distribution_mirror m ON m.id = s.distribution_mirror_id"
                + " WHERE m.enabled").getSingleResult();
        return new Inconsistency(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Enabled mirrors per state of their HTTPS certificate as of their last probe; every state is present. */
    public Map<TlsState, Long> enabledMirrorsByTlsState() {
        return countsByName(TlsState.class, "SELECT tls_state, count(*) FROM distribution_mirror"
                + " WHERE enabled AND tls_state IS NOT NULL GROUP BY tls_state");
    }

    /** Enabled mirrors flagged as a partial sync, and those syncing, as of their last probe. */
    public record SyncCounts(long partialSync, long syncing) {
    }

    public SyncCounts enabledMirrorsBySync() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE trace_partial_sync),"
                + " count(*) FILTER (WHERE sync_state = 'SYNCING') FROM distribution_mirror WHERE enabled")
                .getSingleResult();
        return new SyncCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Enabled mirrors per address family and state as of their last probe (REACHABLE, UNREACHABLE,
     * NOT_PUBLISHED); mirrors whose families were not checked count in no state. Every pair is present.
     */
    public Map<AddressFamily, Map<FamilyState, Long>> enabledMirrorsByFamilyState() {
        Map<AddressFamily, Map<FamilyState, Long>> counts = new EnumMap<>(AddressFamily.class);
        counts.put(AddressFamily.IPV4, countsByName(FamilyState.class, "SELECT ipv4_state, count(*)"
                + " FROM distribution_mirror WHERE enabled AND ipv4_state IS NOT NULL GROUP BY ipv4_state"));
        counts.put(AddressFamily.IPV6, countsByName(FamilyState.class, "SELECT ipv6_state, count(*)"
                + " FROM distribution_mirror WHERE enabled AND ipv6_state IS NOT NULL GROUP BY ipv6_state"));
        return counts;
    }

    /**
     * Enabled mirrors that publish an IPv6 address (an AAAA record) but did not answer over it at their last
     * probe: the overview's count of mirrors whose IPv6 is broken.
     */
    public long enabledMirrorsFailingIpv6() {
        return enabledMirrorsByFamilyState().get(AddressFamily.IPV6).get(FamilyState.UNREACHABLE);
    }

    /**
     * How soon the enabled mirrors' HTTPS certificates expire, without a figure per mirror: per bound in
     * days, the mirrors whose certificate expires within it (expired ones count in every bound), and the
     * earliest expiry of all.
     */
    public record TlsExpiry(Map<Integer, Long> expiringWithinDays, Optional<Instant> earliest) {
    }

    public TlsExpiry tlsExpiry(Instant now, List<Integer> boundsInDays) {
        StringBuilder sql = new StringBuilder("SELECT min(tls_not_after)");
        for (int i = 0; i < boundsInDays.size(); i++) {
            sql.append(", count(*) FILTER (WHERE tls_not_after <= ?").append(i + 1).append(')');
        }
        sql.append(" FROM distribution_mirror WHERE enabled AND tls_not_after IS NOT NULL");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < boundsInDays.size(); i++) {
            query.setParameter(i + 1, Timestamp.from(now.plus(Duration.ofDays(boundsInDays.get(i)))));
        }
        Object[] row = (Object[]) query.getSingleResult();
        Map<Integer, Long> within = new LinkedHashMap<>();
        for (int i = 0; i < boundsInDays.size(); i++) {
            within.put(boundsInDays.get(i), ((Number) row[i + 1]).longValue());
        }
        return new TlsExpiry(within, Optional.ofNullable(SqlValues.instant(row[0])));
    }

    /** Enabled mirrors per freshness status as of their last probe; every status is present. */
    public Map<MirrorStatus, Long> enabledMirrorsByFreshness() {
        return countsByName(MirrorStatus.class, "SELECT probed_freshness, count(*) FROM distribution_mirror"
                + " WHERE enabled GROUP BY probed_freshness");
    }

    /** Counts per enum value from a query of (name, count) rows; every value is present, 0 when absent. */
    private <E extends Enum<E>> Map<E, Long> countsByName(Class<E> type, String sql) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(Enum.valueOf(type, (String) columns[0]), ((Number) columns[1]).longValue());
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
