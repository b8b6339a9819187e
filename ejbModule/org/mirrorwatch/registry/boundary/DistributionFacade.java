package org.mirrorwatch.registry.boundary;

import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionChoice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.registry.control.MirrorAudit;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.reference.control.Distributions;
import org.mirrorwatch.reference.entity.Continent;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.registry.entity.ReviewStatus;

/** Distributions, their series, and the mirrors registered for them. */
@Stateless
public class DistributionFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccessRules rules;

    @Inject
    MirrorFormChecks formChecks;

    @Inject
    AuditTrail audit;

    @Inject
    MirrorAudit mirrorAudit;

    @Inject
    Distributions distributions;

    @Inject
    MirrorQueries queries;

    /** Every distribution, for menus and for pages that show the first. */
    public List<DistributionChoice> distributions() {
        return distributions.all().stream().map(DistributionChoice::of).toList();
    }

    public Distribution getDistribution(long id) {
        return distributions.get(id);
    }

    public Optional<DistributionChoice> findDistributionByName(String name) {
        return distributions.findByName(name).map(DistributionChoice::of);
    }

    public DistroRelease getRelease(long id) {
        return distributions.getRelease(id);
    }

    public DistroArchRelease getArchRelease(long id) {
        return distributions.getArchRelease(id);
    }

    /**
     * Registers a mirror, as Launchpad's {@code Distribution.newMirror}. Every field is checked first;
     * nothing is saved unless all pass and the name and URLs are not taken. People register mirrors for
     * themselves; mirror administrators for anyone.
     */
    @RolesAllowed(Roles.PERSON)
    public MirrorSummary newMirror(long distributionId, long ownerId, MirrorForm form) {
        Distribution distribution = getDistribution(distributionId);
        Person owner = Optional.ofNullable(em.find(Person.class, ownerId))
                .orElseThrow(() -> new NotFoundException("person", ownerId));
        Caller caller = rules.requireMayRegisterFor(owner);
        MirrorRegistration registration = formChecks.check(form, null);
        DistributionMirror mirror = DistributionMirror.newMirror(distribution, owner, registration, clock.instant());
        try {
            em.persist(mirror);
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolations.asConflict(e).orElseThrow(() -> e);
        }
        mirrorAudit.mirrorChanged(caller, AuditAction.MIRROR_REGISTERED, mirror, null, MirrorAudit.stateOf(mirror));
        return queries.summary(mirror);
    }

    /** The summed speed of the distribution's enabled mirrors per continent, in kbit/s, by continent. */
    public SortedMap<Continent, Long> throughputByContinent(long distributionId) {
        SortedMap<Continent, Long> throughput = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT c.continent, m.speed, COUNT(m) FROM DistributionMirror m"
                + " JOIN m.country c WHERE m.distribution.id = :d AND m.enabled = TRUE GROUP BY c.continent, m.speed",
                Object[].class).setParameter("d", distributionId).getResultList()) {
            throughput.merge((Continent) row[0], ((MirrorSpeed) row[1]).kilobitsPerSecond() * ((Number) row[2]).longValue(),
                    Long::sum);
        }
        return throughput;
    }

    /** Launchpad's {@code disabled_mirrors}: official mirrors that are turned off, by name. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public List<MirrorSummary> disabledMirrors(long distributionId) {
        return queries.summaries(em.createNamedQuery("DistributionMirror.findDisabledOfficial", DistributionMirror.class)
                .setParameter("distributionId", distributionId).getResultList());
    }

    /** Launchpad's {@code pending_review_mirrors}: the review queue, oldest first. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public List<MirrorSummary> pendingReviewMirrors(long distributionId) {
        return mirrorsInReview(distributionId, ReviewStatus.PENDING_REVIEW);
    }

    /** Launchpad's {@code unofficial_mirrors}: mirrors reviewed and kept out of the official lists. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public List<MirrorSummary> unofficialMirrors(long distributionId) {
        return mirrorsInReview(distributionId, ReviewStatus.UNOFFICIAL);
    }

    private List<MirrorSummary> mirrorsInReview(long distributionId, ReviewStatus status) {
        return queries.summaries(em.createNamedQuery("DistributionMirror.findByReviewStatus", DistributionMirror.class)
                .setParameter("distributionId", distributionId).setParameter("reviewStatus", status).getResultList());
    }
}
