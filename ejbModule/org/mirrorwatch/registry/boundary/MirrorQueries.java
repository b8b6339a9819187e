package org.mirrorwatch.registry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.SqlValues;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorUrls;
import org.mirrorwatch.registry.entity.ReviewStatus;

/**
 * The mirror list's queries and the read models they answer with, for the facades to run inside their
 * transaction. Every list holds to {@link AccessRules}: enabled mirrors for anyone, an owner's own disabled
 * ones for the owner, every mirror for administrators.
 */
@ApplicationScoped
public class MirrorQueries {

    /** The filters join what they filter on; fetch joins may not have aliases (Hibernate holds to that rule). */
    private static final String MIRRORS = "SELECT m FROM DistributionMirror m JOIN m.owner o JOIN m.country c"
            + " JOIN m.distribution d JOIN FETCH m.owner JOIN FETCH m.country JOIN FETCH m.distribution WHERE 1 = 1";

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

    /** One page of the list by name, after {@code afterName} (null for the first page). */
    public MirrorPage byName(MirrorQuery query, String afterName, int limit) {
        Jpql jpql = new Jpql(MIRRORS);
        where(query, jpql);
        jpql.filter(" AND m.name > :afterName", "afterName", afterName);
        return page(jpql.append(" ORDER BY m.name"), limit, DistributionMirror::getName);
    }

    /** One page of the list by country name, then name; the key to continue after is the last row's. */
    public MirrorPage byCountry(MirrorQuery query, String afterKey, int limit) {
        Jpql jpql = new Jpql(MIRRORS);
        where(query, jpql);
        if (afterKey != null) {
            int split = afterKey.indexOf('\n');
            if (split < 0) {
                throw new InvalidInputException("after", "The page link is damaged; start from the first page.");
            }
            jpql.append(" AND (c.name > :afterCountry OR (c.name = :afterCountry AND m.name > :afterName))");
            jpql.parameters.put("afterCountry", afterKey.substring(0, split));
            jpql.parameters.put("afterName", afterKey.substring(split + 1));
        }
        return page(jpql.append(" ORDER BY c.name, m.name"), limit,
                mirror -> mirror.getCountry().getName() + "\n" + mirror.getName());
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
                + " FROM DistributionMirror m JOIN m.owner o JOIN m.country c JOIN m.distribution d WHERE 1 = 1");
        jpql.filter(" AND d.name = :distribution", "distribution", distribution);
        visibleOnly(jpql);
        return jpql.append(" ORDER BY m.name").query(em, Object[].class).getResultStream()
                .map(row -> new FreshnessFeedEntry((String) row[0], (String) row[1], (MirrorContent) row[2],
                        (String) row[3], new MirrorUrls((MirrorUrl) row[5], (MirrorUrl) row[4], (MirrorUrl) row[6],
                                null).download(),
                        DistributionMirror.isOfficial((Boolean) row[7], (ReviewStatus) row[8]),
                        (MirrorStatus) row[9], SqlValues.instant(row[10])))
                .toList();
    }

    /** The mirrors as read models, in the same order. */
    public List<MirrorSummary> summaries(List<DistributionMirror> mirrors) {
        Map<Long, Instant> lastProbed = lastProbed(mirrors.stream().map(DistributionMirror::getId).toList());
        return mirrors.stream().map(mirror -> MirrorSummary.of(mirror, lastProbed.get(mirror.getId()))).toList();
    }

    public MirrorSummary summary(DistributionMirror mirror) {
        return MirrorSummary.of(mirror, lastProbed(List.of(mirror.getId())).get(mirror.getId()));
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
