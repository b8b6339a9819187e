package org.mirrorwatch.registry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.registry.control.MirrorAudit;
import org.mirrorwatch.identity.boundary.PersonFacade;
import org.mirrorwatch.registry.control.ProbeQueue;
import org.mirrorwatch.registry.control.VisibleMirrors;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.librarian.LibraryFile;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.control.MirrorAvailability;
import org.mirrorwatch.registry.control.MirrorsChanged;
import org.mirrorwatch.registry.control.ProbeRecords;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorCDImageDistroRelease;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.MirrorUrls;
import org.mirrorwatch.registry.entity.PackagesIndexPath;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.registry.entity.ReviewStatus;
import org.mirrorwatch.registry.entity.SourcesIndexPath;

/** The seed's {@code IDistributionMirrorSet} and the use cases of one mirror. */
@Stateless
public class MirrorFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProbeRecords probeRecords;

    @Inject
    MirrorAvailability availability;

    @Inject
    AccessRules rules;

    @Inject
    MirrorFormChecks formChecks;

    @Inject
    AuditTrail audit;

    @Inject
    MirrorAudit mirrorAudit;

    @Inject
    Event<MirrorsChanged> mirrorsChanged;

    @Inject
    ProbeQueue probeQueue;

    @Inject
    VisibleMirrors visibleMirrors;

    @Inject
    PersonFacade people;


    public DistributionMirror getMirror(long id) {
        return findMirror(id).orElseThrow(() -> new NotFoundException("mirror", id));
    }

    public Optional<DistributionMirror> findMirror(long id) {
        return Optional.ofNullable(em.find(DistributionMirror.class, id));
    }

    /** The mirror of that name, if the caller may see it ({@link AccessRules#mayView}). */
    public Optional<DistributionMirror> findMirrorByName(String name) {
        return visibleMirrors.find(name);
    }

    public DistributionMirror getMirrorByName(String name) {
        return findMirrorByName(name).orElseThrow(() -> new NotFoundException("mirror", name));
    }

    /**
     * One page of the mirror list by name, after {@code afterName} (null for the first page). Anyone sees
     * enabled mirrors; owners also their own disabled ones, and administrators every mirror.
     */
    public MirrorPage list(MirrorQuery query, String afterName, int limit) {
        // Fetch joins may not have aliases (Hibernate holds to the JPA rule), so the filters join again.
        StringBuilder jpql = new StringBuilder("SELECT m FROM DistributionMirror m JOIN m.owner o JOIN m.country c"
                + " JOIN m.distribution d JOIN FETCH m.owner JOIN FETCH m.country JOIN FETCH m.distribution WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        where(query, jpql, parameters);
        filter(jpql, parameters, " AND m.name > :afterName", "afterName", afterName);
        jpql.append(" ORDER BY m.name");
        return page(jpql, parameters, limit, DistributionMirror::getName);
    }

    /**
     * The same list by country name, then name, for pages that group mirrors by country. The key to continue
     * after is {@link #countryKey}.
     */
    public MirrorPage listByCountry(MirrorQuery query, String afterKey, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT m FROM DistributionMirror m JOIN m.owner o JOIN m.country c"
                + " JOIN m.distribution d JOIN FETCH m.owner JOIN FETCH m.country JOIN FETCH m.distribution WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        where(query, jpql, parameters);
        if (afterKey != null) {
            int split = afterKey.indexOf('\n');
            if (split < 0) {
                throw new InvalidInputException("after", "The page link is damaged; start from the first page.");
            }
            jpql.append(" AND (c.name > :afterCountry OR (c.name = :afterCountry AND m.name > :afterName))");
            parameters.put("afterCountry", afterKey.substring(0, split));
            parameters.put("afterName", afterKey.substring(split + 1));
        }
        jpql.append(" ORDER BY c.name, m.name");
        return page(jpql, parameters, limit, MirrorFacade::countryKey);
    }

    /** The key of a mirror in the list by country: its country's name and its own. */
    public static String countryKey(DistributionMirror mirror) {
        return mirror.getCountry().getName() + "\n" + mirror.getName();
    }

    /** How many mirrors the query finds per country, with their summed speed, by country name. */
    public List<CountryCount> countByCountry(MirrorQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT c.isoCode, c.name, COUNT(m), m.speed FROM DistributionMirror m"
                + " JOIN m.owner o JOIN m.country c JOIN m.distribution d WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        where(query, jpql, parameters);
        jpql.append(" GROUP BY c.isoCode, c.name, m.speed ORDER BY c.name");
        var typed = em.createQuery(jpql.toString(), Object[].class);
        parameters.forEach(typed::setParameter);
        Map<String, CountryCount> counts = new LinkedHashMap<>();
        for (Object[] row : typed.getResultList()) {
            long mirrorsOfSpeed = ((Number) row[2]).longValue();
            long kbps = mirrorsOfSpeed * ((MirrorSpeed) row[3]).kilobitsPerSecond();
            counts.merge((String) row[0], new CountryCount((String) row[0], (String) row[1], mirrorsOfSpeed, kbps),
                    (a, b) -> new CountryCount(a.isoCode(), a.name(), a.mirrors() + b.mirrors(), a.kbps() + b.kbps()));
        }
        return List.copyOf(counts.values());
    }

    private void where(MirrorQuery query, StringBuilder jpql, Map<String, Object> parameters) {
        Optional<Caller> caller = rules.currentCaller();
        filter(jpql, parameters, " AND d.name = :distribution", "distribution", query.distribution());
        filter(jpql, parameters, " AND c.isoCode = :country",
                "country", query.country() == null ? null : query.country().strip().toUpperCase(Locale.ROOT));
        filter(jpql, parameters, " AND m.content = :content", "content", query.content());
        filter(jpql, parameters, " AND m.enabled = :enabled", "enabled", query.enabled());
        filter(jpql, parameters, " AND m.probedFreshness = :freshness", "freshness", query.freshness());
        filter(jpql, parameters, " AND m.speed = :speed", "speed", query.speed());
        filter(jpql, parameters, " AND o.name = :owner", "owner", query.owner());
        if (query.official() != null) {
            jpql.append(query.official()
                    ? " AND m.officialCandidate = TRUE AND m.reviewStatus = :officialStatus"
                    : " AND (m.officialCandidate = FALSE OR m.reviewStatus <> :officialStatus)");
            parameters.put("officialStatus", ReviewStatus.OFFICIAL);
        }
        if (query.nameContains() != null && !query.nameContains().isBlank()) {
            jpql.append(" AND LOCATE(:nameContains, m.name) > 0");
            parameters.put("nameContains", query.nameContains().strip().toLowerCase(Locale.ROOT));
        }
        if (!AccessRules.listsEveryMirror(caller)) {
            jpql.append(" AND (m.enabled = TRUE OR o.name = :viewer)");
            parameters.put("viewer", AccessRules.ownListedBesidesEnabled(caller).orElse(""));
        }
    }

    private MirrorPage page(StringBuilder jpql, Map<String, Object> parameters, int limit,
            Function<DistributionMirror, String> key) {
        var typed = em.createQuery(jpql.toString(), DistributionMirror.class).setMaxResults(limit + 1);
        parameters.forEach(typed::setParameter);
        List<DistributionMirror> found = typed.getResultList();
        boolean more = found.size() > limit;
        List<DistributionMirror> page = more ? found.subList(0, limit) : found;
        return new MirrorPage(List.copyOf(page), more ? Optional.of(key.apply(page.get(page.size() - 1)))
                : Optional.empty());
    }

    private static void filter(StringBuilder jpql, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            jpql.append(clause);
            parameters.put(name, value);
        }
    }

    /**
     * Every mirror the caller may list, with its freshness as of its last probe, in one query: the feed
     * that clients poll instead of paging through the list.
     */
    public List<FreshnessFeedEntry> freshnessFeed(String distribution) {
        Optional<Caller> caller = rules.currentCaller();
        StringBuilder jpql = new StringBuilder("SELECT m.name, d.name, m.content, c.isoCode, m.httpsBaseUrl,"
                + " m.httpBaseUrl, m.ftpBaseUrl, m.officialCandidate, m.reviewStatus, m.probedFreshness, m.lastProbed"
                + " FROM DistributionMirror m JOIN m.owner o JOIN m.country c JOIN m.distribution d WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        filter(jpql, parameters, " AND d.name = :distribution", "distribution", distribution);
        if (!AccessRules.listsEveryMirror(caller)) {
            jpql.append(" AND (m.enabled = TRUE OR o.name = :viewer)");
            parameters.put("viewer", AccessRules.ownListedBesidesEnabled(caller).orElse(""));
        }
        var query = em.createQuery(jpql.append(" ORDER BY m.name").toString(), Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultStream().map(row -> new FreshnessFeedEntry((String) row[0], (String) row[1],
                (MirrorContent) row[2], (String) row[3], new MirrorUrls((MirrorUrl) row[5], (MirrorUrl) row[4],
                        (MirrorUrl) row[6], null).download(),
                DistributionMirror.isOfficial((Boolean) row[7], (ReviewStatus) row[8]), (MirrorStatus) row[9],
                (Instant) row[10])).toList();
    }

    /** Whether the caller may edit the mirror and read its probe logs: its owner or an administrator. */
    public boolean mayEdit(long mirrorId) {
        DistributionMirror mirror = getMirror(mirrorId);
        return rules.currentCaller().map(caller -> AccessRules.mayEdit(caller, mirror)).orElse(false);
    }

    /** Launchpad's {@code getMirrorsToProbe}, at most {@code limit} of them. */
    public List<DistributionMirror> getMirrorsToProbe(MirrorContent content, int limit) {
        List<Long> order = probeQueue.due(content, limit);
        if (order.isEmpty()) {
            return List.of();
        }
        Map<Long, DistributionMirror> byId = em.createQuery(
                        "SELECT m FROM DistributionMirror m WHERE m.id IN :ids", DistributionMirror.class)
                .setParameter("ids", order).getResultStream()
                .collect(Collectors.toMap(DistributionMirror::getId, Function.identity()));
        return order.stream().map(byId::get).toList();
    }

    /** The mirror's probes, newest first. */
    public List<MirrorProbeRecord> probeRecords(long mirrorId, int limit) {
        return em.createNamedQuery("MirrorProbeRecord.findByMirror", MirrorProbeRecord.class)
                .setParameter("mirrorId", mirrorId).setMaxResults(limit).getResultList();
    }

    /** Turns a mirror on, as a mirror administrator does. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionMirror enable(long mirrorId) {
        return changeAsAdmin(mirrorId, AuditAction.MIRROR_ENABLED, DistributionMirror::enable);
    }

    /** Turns a mirror off as a mirror administrator; the prober never turns it back on. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionMirror disable(long mirrorId) {
        return changeAsAdmin(mirrorId, AuditAction.MIRROR_DISABLED, DistributionMirror::disableByAdmin);
    }

    /**
     * Takes the edited details of a mirror from its owner or an administrator. Every field is checked
     * first, and the name and URLs must stay free; nothing changes unless all pass.
     */
    @RolesAllowed(Roles.PERSON)
    public DistributionMirror edit(long mirrorId, MirrorForm form) {
        DistributionMirror mirror = getMirror(mirrorId);
        Caller caller = rules.requireMayEdit(mirror);
        MirrorRegistration registration = formChecks.check(form, mirror);
        JsonObject before = MirrorAudit.stateOf(mirror);
        boolean urlsChanged = !registration.urls().equals(mirror.getUrls());
        mirror.update(registration);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolations.asConflict(e).orElseThrow(() -> e);
        }
        mirrorAudit.mirrorChanged(caller, urlsChanged ? AuditAction.MIRROR_URLS_CHANGED : AuditAction.MIRROR_EDITED,
                mirror, before, MirrorAudit.stateOf(mirror));
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        return mirror;
    }

    /** Sends a mirror reviewed as broken back to the review queue; for its owner, or an administrator. */
    @RolesAllowed(Roles.PERSON)
    public DistributionMirror resubmitForReview(long mirrorId) {
        DistributionMirror mirror = getMirror(mirrorId);
        Caller caller = rules.requireMayEdit(mirror);
        JsonObject before = MirrorAudit.stateOf(mirror);
        mirror.resubmitForReview();
        mirrorAudit.mirrorChanged(caller, AuditAction.MIRROR_RESUBMITTED, mirror, before, MirrorAudit.stateOf(mirror));
        return mirror;
    }

    /** Gives the mirror a review status and whiteboard; the reviewer and date are recorded. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionMirror review(long mirrorId, ReviewStatus status, String whiteboard) {
        FieldErrors errors = new FieldErrors();
        errors.require("reviewStatus", status, "Choose a review status: " + List.of(ReviewStatus.values()) + ".");
        String note = errors.text("whiteboard", whiteboard, DistributionMirror.MAX_WHITEBOARD, PlainText.Lines.MANY);
        errors.throwIfAny();
        return changeAsAdmin(mirrorId, AuditAction.MIRROR_REVIEWED,
                (caller, mirror) -> mirror.review(caller.person(), status, note, clock.instant()));
    }

    /** Gives the mirror to another owner, named by their account name. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionMirror reassignOwner(long mirrorId, String newOwnerName) {
        Person newOwner = people.findByName(newOwnerName == null ? null : newOwnerName.strip())
                .orElseThrow(() -> new InvalidInputException("owner", "Nobody has that account name. Enter the"
                        + " name of an account, e.g. jane-doe."));
        return changeAsAdmin(mirrorId, AuditAction.MIRROR_OWNER_CHANGED, (caller, mirror) -> mirror.changeOwner(newOwner));
    }

    /**
     * Deletes a mirror that was never probed, with what it was recorded to carry. A probed mirror has a
     * history that owners and users rely on: disable it instead.
     */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public void delete(long mirrorId) {
        DistributionMirror mirror = getMirror(mirrorId);
        Caller caller = rules.caller();
        if (wasProbed(mirrorId)) {
            throw new ConflictException("mirror", mirror.getName()
                    + " has been probed, so its history is kept. Disable it instead of deleting it.");
        }
        JsonObject before = MirrorAudit.stateOf(mirror);
        mirrorAudit.mirrorChanged(caller, AuditAction.MIRROR_DELETED, mirror, before, null);
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        em.remove(mirror);
        em.flush();
    }

    /**
     * Makes the mirror the one its country's DNS name points at for its content. At most one mirror holds
     * that role per country and content; a holder must be official, enabled, on HTTP(S), and probed.
     */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionMirror designateCountryDnsMirror(long mirrorId) {
        DistributionMirror mirror = getMirror(mirrorId);
        em.createNamedQuery("DistributionMirror.findCountryDnsMirror", DistributionMirror.class)
                .setParameter("distribution", mirror.getDistribution()).setParameter("country", mirror.getCountry())
                .setParameter("content", mirror.getContent()).getResultStream()
                .filter(holder -> holder != mirror).findFirst().ifPresent(holder -> {
                    throw new ConflictException("countryDnsMirror", holder.getName() + " is already the "
                            + mirror.getCountry().getName() + " DNS mirror for " + mirror.getContent().name().toLowerCase(Locale.ROOT)
                            + ". Remove that first.");
                });
        boolean probed = wasProbed(mirrorId);
        DistributionMirror changed = changeAsAdmin(mirrorId, AuditAction.COUNTRY_DNS_MIRROR_DESIGNATED,
                (caller, target) -> target.designateCountryDnsMirror(probed));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolations.asConflict(e).orElseThrow(() -> e);
        }
        return changed;
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionMirror removeCountryDnsMirror(long mirrorId) {
        return changeAsAdmin(mirrorId, AuditAction.COUNTRY_DNS_MIRROR_REMOVED,
                DistributionMirror::removeCountryDnsMirror);
    }

    /**
     * A probe log, for the owner of its mirror and for administrators.
     *
     * @throws NotFoundException when the file is not a probe log
     */
    @RolesAllowed(Roles.PERSON)
    public LibraryFile probeLog(long libraryFileId) {
        MirrorProbeRecord record = em.createNamedQuery("MirrorProbeRecord.findByLogFile", MirrorProbeRecord.class)
                .setParameter("fileId", libraryFileId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("probe log", libraryFileId));
        rules.requireMayReadProbeLogs(record.getDistributionMirror());
        return record.getLogFile();
    }

    private boolean wasProbed(long mirrorId) {
        return em.createNamedQuery("MirrorProbeRecord.countByMirror", Long.class)
                .setParameter("mirrorId", mirrorId).getSingleResult() > 0;
    }

    private DistributionMirror changeAsAdmin(long mirrorId, AuditAction action, Consumer<DistributionMirror> change) {
        return changeAsAdmin(mirrorId, action, (caller, mirror) -> change.accept(mirror));
    }

    /** An administrator's change of one mirror, with its audit row. */
    private DistributionMirror changeAsAdmin(long mirrorId, AuditAction action,
            BiConsumer<Caller, DistributionMirror> change) {
        DistributionMirror mirror = getMirror(mirrorId);
        Caller caller = rules.caller();
        JsonObject before = MirrorAudit.stateOf(mirror);
        change.accept(caller, mirror);
        mirrorAudit.mirrorChanged(caller, action, mirror, before, MirrorAudit.stateOf(mirror));
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        return mirror;
    }

    /** The mirror's sources.list lines, read inside the transaction. */
    public List<String> sourcesList(long mirrorId) {
        return getMirror(mirrorId).sourcesList();
    }

    public List<PackagesIndexPath> guessPackagesPaths(long mirrorId) {
        return getMirror(mirrorId).guessPackagesPaths();
    }

    public List<SourcesIndexPath> guessSourcesPaths(long mirrorId) {
        return getMirror(mirrorId).guessSourcesPaths();
    }

    public MirrorStatus getOverallFreshness(long mirrorId) {
        return getMirror(mirrorId).getOverallFreshness();
    }

    /** The (series, flavour) pairs of CD images a release mirror carries, by series then flavour. */
    public List<MirrorCDImageDistroRelease> cdImages(long mirrorId) {
        return em.createQuery("SELECT i FROM MirrorCDImageDistroRelease i WHERE i.distributionMirror.id = :mirrorId"
                + " ORDER BY i.distroRelease.name, i.flavour", MirrorCDImageDistroRelease.class)
                .setParameter("mirrorId", mirrorId).getResultList();
    }
}
