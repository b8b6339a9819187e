package org.mirrorwatch.registry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.platform.Cursors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.SqlValues;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.registry.control.SuiteConsistency;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorUrls;
import org.mirrorwatch.registry.entity.ReviewStatus;
import org.mirrorwatch.registry.entity.FamilyState;
import org.mirrorwatch.registry.entity.SyncState;
import org.mirrorwatch.registry.entity.TlsState;

/**
 * The mirror list's queries and the read models they answer with, for the facades to run inside their
 * transaction. Every list holds to {@link AccessRules}: enabled mirrors for anyone, an owner's own disabled
 * ones for the owner, every mirror for administrators.
 */
@ApplicationScoped
public class MirrorQueries {

    /** The filters join what they filter on; fetch joins may not have aliases (Hibernate holds to that rule). */
    private static final String FROM = " FROM DistributionMirror m JOIN m.owner o JOIN m.country c"
            + " JOIN m.distribution d JOIN FETCH m.owner JOIN FETCH m.country JOIN FETCH m.distribution WHERE 1 = 1";
    private static final String MIRRORS = "SELECT m" + FROM;

    /**
     * A mirror's last probe, the newest of its probe records. A subquery per mirror, so that PostgreSQL reads
     * one entry of the (mirror, date) index for each instead of every record of every mirror listed.
     * EclipseLink answers it with the column's JDBC type rather than the attribute's, so it is read through
     * {@link SqlValues#instant}.
     */
    private static final String LAST_PROBED = "(SELECT MAX(r.dateCreated) FROM MirrorProbeRecord r"
            + " WHERE r.distributionMirror = m)";

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessRules rules;

    @Inject
    SuiteConsistency suiteConsistency;

    /** One page of the list by name, after {@code afterName} (null for the first page). */
    public MirrorPage byName(MirrorQuery query, String afterName, int limit) {
        Jpql jpql = new Jpql(MIRRORS);
        where(query, jpql);
        jpql.filter(" AND m.name > :afterName", "afterName", afterName);
        return page(jpql.append(" ORDER BY m.name"), limit, DistributionMirror::getName);
    }

    /**
     * One page of the list in this order, after the key of the previous page's last mirror (null for the
     * first page). By name, A to Z, the key is the name, as {@link #byName} takes it; in any other order
     * it names the order too, so that a key of another order is refused.
     *
     * @throws InvalidInputException for the {@code cursor} when the key is not one of this order
     */
    public MirrorPage sorted(MirrorQuery query, MirrorSort sort, String afterKey, int limit) {
        if (sort.equals(MirrorSort.BY_NAME)) {
            return byName(query, afterKey, limit);
        }
        if (sort.key() == MirrorSort.Key.NAME) {
            Jpql jpql = new Jpql(MIRRORS);
            where(query, jpql);
            if (afterKey != null) {
                jpql.append(" AND m.name < :afterName");
                jpql.parameters.put("afterName", keyOf(sort.token(), afterKey, 2).get(1));
            }
            return page(jpql.append(" ORDER BY m.name DESC"), limit,
                    mirror -> Cursors.join(sort.token(), mirror.getName()));
        }
        return sort.key() == MirrorSort.Key.LAST_PROBE ? byLastProbe(query, sort.descending(), afterKey, limit)
                : byRank(query, sort, afterKey, limit);
    }

    /**
     * One page of the list by country name, then name (both Z to A when {@code descending}); the key to
     * continue after is the last row's country and name.
     */
    public MirrorPage byCountry(MirrorQuery query, boolean descending, String afterKey, int limit) {
        String order = descending ? "-country" : "country";
        Jpql jpql = new Jpql(MIRRORS);
        where(query, jpql);
        if (afterKey != null) {
            List<String> key = keyOf(order, afterKey, 3);
            String after = descending ? " < " : " > ";
            jpql.append(" AND (c.name" + after + ":afterCountry OR (c.name = :afterCountry AND m.name" + after
                    + ":afterName))");
            jpql.parameters.put("afterCountry", key.get(1));
            jpql.parameters.put("afterName", key.get(2));
        }
        String direction = descending ? " DESC" : "";
        return page(jpql.append(" ORDER BY c.name" + direction + ", m.name" + direction), limit,
                mirror -> Cursors.join(order, mirror.getCountry().getName(), mirror.getName()));
    }

    /**
     * By freshness or speed: each value's place in its enum, which is the order people read (the freshest
     * first, the slowest first); the column holds the constant's name, whose alphabetical order means nothing.
     */
    private MirrorPage byRank(MirrorQuery query, MirrorSort sort, String afterKey, int limit) {
        String rank = sort.key() == MirrorSort.Key.FRESHNESS ? rank("m.probedFreshness", MirrorStatus.values())
                : rank("m.speed", MirrorSpeed.values());
        Jpql jpql = new Jpql("SELECT m, " + rank + " AS sortKey" + FROM);
        where(query, jpql);
        if (afterKey != null) {
            List<String> key = keyOf(sort.token(), afterKey, 3);
            jpql.append(" AND (" + rank + (sort.descending() ? " < " : " > ") + ":afterKey OR (" + rank
                    + " = :afterKey AND m.name > :afterName))");
            jpql.parameters.put("afterKey", rankOf(key.get(1)));
            jpql.parameters.put("afterName", key.get(2));
        }
        jpql.append(" ORDER BY sortKey" + (sort.descending() ? " DESC" : "") + ", m.name");
        return keyedPage(jpql, limit, row -> Cursors.join(sort.token(),
                String.valueOf(((Number) row[1]).intValue()), ((DistributionMirror) row[0]).getName()));
    }

    /**
     * By the last probe, the newest probe record (as everywhere). A mirror never probed has none, and counts
     * as probed longest ago: first when the oldest come first, last when the newest do.
     *
     * <p>The page's condition compares probe records' dates with the key, each in an EXISTS of its own,
     * rather than the last probe itself: a parameter compared with a subquery has no type EclipseLink can
     * bind an {@link Instant} by, while one compared with {@code dateCreated} takes the attribute's.
     */
    private MirrorPage byLastProbe(MirrorQuery query, boolean descending, String afterKey, int limit) {
        String token = new MirrorSort(MirrorSort.Key.LAST_PROBE, descending).token();
        Jpql jpql = new Jpql("SELECT m, " + LAST_PROBED + " AS sortKey" + FROM);
        where(query, jpql);
        if (afterKey != null) {
            List<String> key = keyOf(token, afterKey, 3);
            if (key.get(1).isEmpty()) {
                String neverProbed = "NOT " + probedWhere("r1", "");
                jpql.append(" AND ((" + neverProbed + " AND m.name > :afterName)"
                        + (descending ? ")" : " OR " + probedWhere("r2", "") + ")"));
            } else {
                String sameLastProbe = "(" + probedWhere("r3", " AND r3.dateCreated = :afterKey") + " AND NOT "
                        + probedWhere("r4", " AND r4.dateCreated > :afterKey") + " AND m.name > :afterName)";
                jpql.append(descending
                        ? " AND (NOT " + probedWhere("r5", " AND r5.dateCreated >= :afterKey") + " OR " + sameLastProbe
                                + ")"
                        : " AND (" + probedWhere("r5", " AND r5.dateCreated > :afterKey") + " OR " + sameLastProbe
                                + ")");
                jpql.parameters.put("afterKey", instantOf(key.get(1)));
            }
            jpql.parameters.put("afterName", key.get(2));
        }
        jpql.append(descending ? " ORDER BY sortKey DESC NULLS LAST, m.name" : " ORDER BY sortKey ASC NULLS FIRST, m.name");
        return keyedPage(jpql, limit, row -> {
            Instant lastProbed = SqlValues.instant(row[1]);
            return Cursors.join(token, lastProbed == null ? "" : lastProbed.toString(),
                    ((DistributionMirror) row[0]).getName());
        });
    }

    /**
     * Whether the mirror has a probe record that meets the condition (none: any at all). Descending, "probed
     * before the key" is "no record at or after it", which holds for mirrors never probed too, as it should.
     */
    private static String probedWhere(String alias, String condition) {
        return "EXISTS (SELECT " + alias + " FROM MirrorProbeRecord " + alias + " WHERE " + alias
                + ".distributionMirror = m" + condition + ")";
    }

    /** The constant's place in its enum, as a JPQL expression of the column that stores its name. */
    private static String rank(String column, Enum<?>[] constants) {
        StringBuilder rank = new StringBuilder("CASE");
        for (Enum<?> constant : constants) {
            rank.append(" WHEN ").append(column).append(" = ").append(constant.getDeclaringClass().getName())
                    .append('.').append(constant.name()).append(" THEN ").append(constant.ordinal());
        }
        return rank.append(" ELSE ").append(constants.length).append(" END").toString();
    }

    /** The parts of a key of this order; a key of another order, or none of ours, is refused. */
    private static List<String> keyOf(String order, String afterKey, int parts) {
        List<String> key = Cursors.split(afterKey, parts);
        if (!key.get(0).equals(order)) {
            throw notThisOrder();
        }
        return key;
    }

    private static int rankOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw notThisOrder();
        }
    }

    private static Instant instantOf(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw notThisOrder();
        }
    }

    private static InvalidInputException notThisOrder() {
        return new InvalidInputException("cursor", "The cursor belongs to another order of the list; pass the"
                + " \"next\" of the previous page unchanged, or leave it out for the first page.");
    }

    /** How many mirrors the query finds per country, with their summed speed, by country name. */
    public List<CountryCount> countByCountry(MirrorQuery query) {
        Jpql jpql = new Jpql("SELECT c.isoCode, c.name, COUNT(m), m.speed FROM DistributionMirror m"
                + " JOIN m.owner o JOIN m.country c JOIN m.distribution d WHERE 1 = 1");
        where(query, jpql);
        jpql.append(" GROUP BY c.isoCode, c.name, m.speed ORDER BY c.name");
        Map<String, CountryCount> counts = new LinkedHashMap<>();
        for (Object[] row : jpql.query(em, Object[].class).getResultList()) {
            long mirrorsOfSpeed = ((Number) row[2]).longValue();
            long kbps = mirrorsOfSpeed * ((MirrorSpeed) row[3]).kilobitsPerSecond();
            counts.merge((String) row[0], new CountryCount((String) row[0], (String) row[1], mirrorsOfSpeed, kbps),
                    (a, b) -> new CountryCount(a.isoCode(), a.name(), a.mirrors() + b.mirrors(), a.kbps() + b.kbps()));
        }
        return List.copyOf(counts.values());
    }

    /** Every mirror the caller may list, with its freshness as of its last probe, by name. */
    public List<FreshnessFeedEntry> freshnessFeed(String distribution) {
        Jpql jpql = new Jpql("SELECT m.name, d.name, m.content, c.isoCode, m.httpsBaseUrl, m.httpBaseUrl,"
                + " m.ftpBaseUrl, m.officialCandidate, m.reviewStatus, m.probedFreshness, " + LAST_PROBED
                + ", m.tls.state, m.tls.notAfter, m.families.ipv4, m.families.ipv6"
                + ", m.trace.traceAgeSeconds, m.trace.partialSync, m.trace.syncState, m.id"
                + " FROM DistributionMirror m JOIN m.owner o JOIN m.country c JOIN m.distribution d WHERE 1 = 1");
        jpql.filter(" AND d.name = :distribution", "distribution", distribution);
        visibleOnly(jpql);
        Map<Long, Set<String>> inconsistent = suiteConsistency.inconsistentSuitesByMirror();
        return jpql.append(" ORDER BY m.name").query(em, Object[].class).getResultStream()
                .map(row -> new FreshnessFeedEntry((String) row[0], (String) row[1], (MirrorContent) row[2],
                        (String) row[3], new MirrorUrls((MirrorUrl) row[5], (MirrorUrl) row[4], (MirrorUrl) row[6],
                                null).download(),
                        DistributionMirror.isOfficial((Boolean) row[7], (ReviewStatus) row[8]),
                        (MirrorStatus) row[9], SqlValues.instant(row[10]), (TlsState) row[11],
                        SqlValues.instant(row[12]), (FamilyState) row[13], (FamilyState) row[14],
                        row[15] == null ? null : ((Number) row[15]).longValue(),
                        Boolean.TRUE.equals(row[16]), row[17] == SyncState.SYNCING,
                        List.copyOf(inconsistent.getOrDefault((Long) row[18], Set.of()))))
                .toList();
    }

    /** The mirrors as read models, in the same order. */
    public List<MirrorSummary> summaries(List<DistributionMirror> mirrors) {
        List<Long> ids = mirrors.stream().map(DistributionMirror::getId).toList();
        Map<Long, Instant> lastProbed = lastProbed(ids);
        Map<Long, List<InconsistentSuite>> suites = inconsistentSuites(ids);
        return mirrors.stream().map(mirror -> MirrorSummary.of(mirror, lastProbed.get(mirror.getId()),
                suites.getOrDefault(mirror.getId(), List.of()))).toList();
    }

    public MirrorSummary summary(DistributionMirror mirror) {
        return MirrorSummary.of(mirror, lastProbed(List.of(mirror.getId())).get(mirror.getId()),
                inconsistentSuites(List.of(mirror.getId())).getOrDefault(mirror.getId(), List.of()));
    }

    /** The suites each of these mirrors serves inconsistently, by name; mirrors without any are absent. */
    private Map<Long, List<InconsistentSuite>> inconsistentSuites(List<Long> mirrorIds) {
        Map<Long, List<InconsistentSuite>> suites = new HashMap<>();
        suiteConsistency.ofMirrors(mirrorIds).forEach(row -> suites.computeIfAbsent(row.getMirrorId(),
                id -> new ArrayList<>()).add(InconsistentSuite.of(row)));
        return suites;
    }

    /** The mirror's probes, newest first. */
    public List<MirrorFacade.ProbeEntry> probes(long mirrorId, int limit) {
        return em.createNamedQuery("MirrorProbeRecord.findByMirror", MirrorProbeRecord.class)
                .setParameter("mirrorId", mirrorId).setMaxResults(limit).getResultStream()
                .map(record -> new MirrorFacade.ProbeEntry(record.getId(), record.getDateCreated(),
                        record.getLogFile().getId(), record.getLogFile().getDownloadPath()))
                .toList();
    }

    /** The date of each mirror's newest probe record; mirrors never probed are absent. */
    private Map<Long, Instant> lastProbed(Collection<Long> mirrorIds) {
        Map<Long, Instant> lastProbed = new HashMap<>();
        if (!mirrorIds.isEmpty()) {
            em.createQuery("SELECT m.id, " + LAST_PROBED + " FROM DistributionMirror m WHERE m.id IN :ids",
                    Object[].class).setParameter("ids", mirrorIds).getResultList()
                    .forEach(row -> lastProbed.put((Long) row[0], SqlValues.instant(row[1])));
        }
        return lastProbed;
    }

    private void where(MirrorQuery query, Jpql jpql) {
        jpql.filter(" AND d.name = :distribution", "distribution", query.distribution());
        jpql.filter(" AND c.isoCode = :country", "country",
                query.country() == null ? null : query.country().strip().toUpperCase(Locale.ROOT));
        jpql.filter(" AND m.content = :content", "content", query.content());
        jpql.filter(" AND m.enabled = :enabled", "enabled", query.enabled());
        jpql.filter(" AND m.probedFreshness = :freshness", "freshness", query.freshness());
        jpql.filter(" AND m.speed = :speed", "speed", query.speed());
        jpql.filter(" AND o.name = :owner", "owner", query.owner());
        if (query.official() != null) {
            jpql.append(query.official() ? " AND " + DistributionMirror.IS_OFFICIAL
                    : " AND NOT " + DistributionMirror.IS_OFFICIAL);
        }
        if (query.nameContains() != null && !query.nameContains().isBlank()) {
            jpql.append(" AND LOCATE(:nameContains, m.name) > 0");
            jpql.parameters.put("nameContains", query.nameContains().strip().toLowerCase(Locale.ROOT));
        }
        visibleOnly(jpql);
    }

    private void visibleOnly(Jpql jpql) {
        Optional<Caller> caller = rules.currentCaller();
        if (!AccessRules.listsEveryMirror(caller)) {
            jpql.append(" AND (m.enabled = TRUE OR o.name = :viewer)");
            jpql.parameters.put("viewer", AccessRules.ownListedBesidesEnabled(caller).orElse(""));
        }
    }

    /** A page of rows whose first column is the mirror, keyed by the whole row. */
    private MirrorPage keyedPage(Jpql jpql, int limit, Function<Object[], String> key) {
        List<Object[]> found = jpql.query(em, Object[].class).setMaxResults(limit + 1).getResultList();
        boolean more = found.size() > limit;
        List<Object[]> page = more ? found.subList(0, limit) : found;
        return new MirrorPage(summaries(page.stream().map(row -> (DistributionMirror) row[0]).toList()),
                more ? Optional.of(key.apply(page.get(page.size() - 1))) : Optional.empty());
    }

    private MirrorPage page(Jpql jpql, int limit, Function<DistributionMirror, String> key) {
        List<DistributionMirror> found = jpql.query(em, DistributionMirror.class).setMaxResults(limit + 1)
                .getResultList();
        boolean more = found.size() > limit;
        List<DistributionMirror> page = more ? found.subList(0, limit) : found;
        return new MirrorPage(summaries(page),
                more ? Optional.of(key.apply(page.get(page.size() - 1))) : Optional.empty());
    }

    /** A query being assembled from optional filters, with its named parameters. */
    private static final class Jpql {

        private final StringBuilder text;
        private final Map<String, Object> parameters = new HashMap<>();

        Jpql(String start) {
            text = new StringBuilder(start);
        }

        Jpql append(String clause) {
            text.append(clause);
            return this;
        }

        /** Adds the clause when there is a value to filter on. */
        void filter(String clause, String name, Object value) {
            if (value != null) {
                text.append(clause);
                parameters.put(name, value);
            }
        }

        <T> TypedQuery<T> query(EntityManager em, Class<T> type) {
            TypedQuery<T> query = em.createQuery(text.toString(), type);
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
