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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.registry.control.MirrorAudit;
import org.mirrorwatch.identity.boundary.PersonFacade;
import org.mirrorwatch.registry.control.VisibleMirrors;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.librarian.StoredFile;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.control.MirrorsChanged;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.registry.entity.ReviewStatus;

/** The seed's {@code IDistributionMirrorSet} and the use cases of one mirror. */
@Stateless
public class MirrorFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccessRules rules;

    @Inject
    MirrorFormChecks formChecks;

    @Inject
    MirrorAudit mirrorAudit;

    @Inject
    Event<MirrorsChanged> mirrorsChanged;

    @Inject
    VisibleMirrors visibleMirrors;

    @Inject
    PersonFacade people;

    @Inject
    MirrorQueries queries;


    /** The mirror of that name, if the caller may see it ({@link AccessRules#mayView}). */
    public Optional<MirrorSummary> findMirror(String name) {
        return visibleMirrors.find(name).map(queries::summary);
    }

    public MirrorSummary mirror(String name) {
        return queries.summary(visibleMirrors.get(name));
    }

    /** The mirror with that id, if the caller may see it. */
    public MirrorSummary mirror(long id) {
        DistributionMirror mirror = load(id);
        if (!AccessRules.mayView(rules.currentCaller(), mirror)) {
            throw new NotFoundException("mirror", id);
        }
        return queries.summary(mirror);
    }

    /** One page of the mirror list by name, after {@code afterName} (null for the first page). */
    public MirrorPage list(MirrorQuery query, String afterName, int limit) {
        return queries.byName(query, afterName, limit);
    }

    /**
     * The same list in another order, after the key of the previous page's last mirror.
     *
     * @throws org.mirrorwatch.platform.InvalidInputException for the {@code cursor} when the key belongs
     *     to another order
     */
    public MirrorPage list(MirrorQuery query, MirrorSort sort, String afterKey, int limit) {
        return queries.sorted(query, sort, afterKey, limit);
    }

    /**
     * The same list by country name, then name (both Z to A when {@code descending}), for pages that group
     * mirrors by country.
     */
    public MirrorPage listByCountry(MirrorQuery query, boolean descending, String afterKey, int limit) {
        return queries.byCountry(query, descending, afterKey, limit);
    }

    /** How many mirrors the query finds per country, with their summed speed, by country name. */
    public List<CountryCount> countByCountry(MirrorQuery query) {
        return queries.countByCountry(query);
    }

    /**
     * Every mirror the caller may list, with its freshness as of its last probe, in one query: the feed
     * that clients poll instead of paging through the list.
     */
    public List<FreshnessFeedEntry> freshnessFeed(String distribution) {
        return queries.freshnessFeed(distribution);
    }

    /** Whether the caller may edit the mirror and read its probe logs: its owner or an administrator. */
    public boolean mayEdit(long mirrorId) {
        DistributionMirror mirror = load(mirrorId);
        return rules.currentCaller().map(caller -> AccessRules.mayEdit(caller, mirror)).orElse(false);
    }

    /**
     * A probe of a mirror, with its log's id for {@link #probeLog} and its download path (the owner and
     * administrators may read it).
     */
    public record ProbeEntry(long id, Instant dateCreated, long logFileId, String log) {
    }

    /** The mirror's probes, newest first. */
    public List<ProbeEntry> probeRecords(long mirrorId, int limit) {
        return queries.probes(mirrorId, limit);
    }

    /** Turns a mirror on, as a mirror administrator does. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public MirrorSummary enable(long mirrorId) {
        return changeAsAdmin(mirrorId, AuditAction.MIRROR_ENABLED, DistributionMirror::enable);
    }

    /** Turns a mirror off as a mirror administrator; the prober never turns it back on. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public MirrorSummary disable(long mirrorId) {
        return changeAsAdmin(mirrorId, AuditAction.MIRROR_DISABLED, DistributionMirror::disableByAdmin);
    }

    /**
     * Takes the edited details of a mirror from its owner or an administrator. Every field is checked
     * first, and the name and URLs must stay free; nothing changes unless all pass.
     */
    @RolesAllowed(Roles.PERSON)
    public MirrorSummary edit(long mirrorId, MirrorForm form) {
        DistributionMirror mirror = load(mirrorId);
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
        return queries.summary(mirror);
    }

    /** Sends a mirror reviewed as broken back to the review queue; for its owner, or an administrator. */
    @RolesAllowed(Roles.PERSON)
    public MirrorSummary resubmitForReview(long mirrorId) {
        DistributionMirror mirror = load(mirrorId);
        Caller caller = rules.requireMayEdit(mirror);
        JsonObject before = MirrorAudit.stateOf(mirror);
        mirror.resubmitForReview();
        mirrorAudit.mirrorChanged(caller, AuditAction.MIRROR_RESUBMITTED, mirror, before, MirrorAudit.stateOf(mirror));
        return queries.summary(mirror);
    }

    /** Gives the mirror a review status and whiteboard; the reviewer and date are recorded. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public MirrorSummary review(long mirrorId, ReviewStatus status, String whiteboard) {
        FieldErrors errors = new FieldErrors();
        errors.require("reviewStatus", status, "Choose a review status: " + List.of(ReviewStatus.values()) + ".");
        String note = errors.text("whiteboard", whiteboard, DistributionMirror.MAX_WHITEBOARD, PlainText.Lines.MANY);
        errors.throwIfAny();
        return changeAsAdmin(mirrorId, AuditAction.MIRROR_REVIEWED,
                (caller, mirror) -> mirror.review(caller.person(), status, note, clock.instant()));
    }

    /** Gives the mirror to another owner, named by their account name. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public MirrorSummary reassignOwner(long mirrorId, String newOwnerName) {
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
        DistributionMirror mirror = load(mirrorId);
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
    public MirrorSummary designateCountryDnsMirror(long mirrorId) {
        DistributionMirror mirror = load(mirrorId);
        em.createNamedQuery("DistributionMirror.findCountryDnsMirror", DistributionMirror.class)
                .setParameter("distribution", mirror.getDistribution()).setParameter("country", mirror.getCountry())
                .setParameter("content", mirror.getContent()).getResultStream()
                .filter(holder -> holder != mirror).findFirst().ifPresent(holder -> {
                    throw new ConflictException("countryDnsMirror", holder.getName() + " is already the "
                            + mirror.getCountry().getName() + " DNS mirror for " + mirror.getContent().name().toLowerCase(Locale.ROOT)
                            + ". Remove that first.");
                });
        boolean probed = wasProbed(mirrorId);
        MirrorSummary changed = changeAsAdmin(mirrorId, AuditAction.COUNTRY_DNS_MIRROR_DESIGNATED,
                (caller, target) -> target.designateCountryDnsMirror(probed));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolations.asConflict(e).orElseThrow(() -> e);
        }
        return changed;
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public MirrorSummary removeCountryDnsMirror(long mirrorId) {
        return changeAsAdmin(mirrorId, AuditAction.COUNTRY_DNS_MIRROR_REMOVED,
                DistributionMirror::removeCountryDnsMirror);
    }

    /**
     * A probe log, for the owner of its mirror and for administrators.
     *
     * @throws NotFoundException when the file is not a probe log
     */
    @RolesAllowed(Roles.PERSON)
    public StoredFile probeLog(long libraryFileId) {
        MirrorProbeRecord record = em.createNamedQuery("MirrorProbeRecord.findByLogFile", MirrorProbeRecord.class)
                .setParameter("fileId", libraryFileId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("probe log", libraryFileId));
        rules.requireMayReadProbeLogs(record.getDistributionMirror());
        return StoredFile.of(record.getLogFile());
    }

    private boolean wasProbed(long mirrorId) {
        return em.createNamedQuery("MirrorProbeRecord.countByMirror", Long.class)
                .setParameter("mirrorId", mirrorId).getSingleResult() > 0;
    }

    private MirrorSummary changeAsAdmin(long mirrorId, AuditAction action, Consumer<DistributionMirror> change) {
        return changeAsAdmin(mirrorId, action, (caller, mirror) -> change.accept(mirror));
    }

    /** An administrator's change of one mirror, with its audit row. */
    private MirrorSummary changeAsAdmin(long mirrorId, AuditAction action,
            BiConsumer<Caller, DistributionMirror> change) {
        DistributionMirror mirror = load(mirrorId);
        Caller caller = rules.caller();
        JsonObject before = MirrorAudit.stateOf(mirror);
        change.accept(caller, mirror);
        mirrorAudit.mirrorChanged(caller, action, mirror, before, MirrorAudit.stateOf(mirror));
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        return queries.summary(mirror);
    }

    private DistributionMirror load(long id) {
        return Optional.ofNullable(em.find(DistributionMirror.class, id))
                .orElseThrow(() -> new NotFoundException("mirror", id));
    }
}
