package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.entity.Component;
import org.mirrorwatch.registry.entity.Country;
import org.mirrorwatch.registry.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.DistroArchRelease;
import org.mirrorwatch.registry.entity.DistroRelease;
import org.mirrorwatch.registry.entity.MirrorName;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.registry.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.MirrorUrls;
import org.mirrorwatch.registry.entity.Person;

/** Distributions, their series, and the mirrors registered for them. */
@Stateless
public class DistributionFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public List<Distribution> distributions() {
        return em.createQuery("SELECT d FROM Distribution d ORDER BY d.name", Distribution.class).getResultList();
    }

    public Distribution getDistribution(long id) {
        return Optional.ofNullable(em.find(Distribution.class, id))
                .orElseThrow(() -> new NotFoundException("distribution", id));
    }

    public Optional<Distribution> findDistributionByName(String name) {
        return em.createNamedQuery("Distribution.findByName", Distribution.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    public DistroRelease getRelease(long id) {
        return Optional.ofNullable(em.find(DistroRelease.class, id))
                .orElseThrow(() -> new NotFoundException("series", id));
    }

    public DistroArchRelease getArchRelease(long id) {
        return Optional.ofNullable(em.find(DistroArchRelease.class, id))
                .orElseThrow(() -> new NotFoundException("architecture series", id));
    }

    public Component getComponent(long id) {
        return Optional.ofNullable(em.find(Component.class, id))
                .orElseThrow(() -> new NotFoundException("component", id));
    }

    /**
     * Registers a mirror, as Launchpad's {@code Distribution.newMirror}. Every field is checked first;
     * nothing is saved unless all pass and the name and URLs are not taken.
     */
    public DistributionMirror newMirror(long distributionId, long ownerId, MirrorForm form) {
        Distribution distribution = getDistribution(distributionId);
        Person owner = Optional.ofNullable(em.find(Person.class, ownerId))
                .orElseThrow(() -> new NotFoundException("person", ownerId));
        MirrorRegistration registration = form.validate(findCountry(form.countryCode()));
        rejectTaken(registration.name(), registration.urls());
        DistributionMirror mirror = distribution.newMirror(owner, registration, clock.instant());
        try {
            em.persist(mirror);
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolations.asConflict(e).orElseThrow(() -> e);
        }
        return mirror;
    }

    private void rejectTaken(MirrorName name, MirrorUrls urls) {
        if (!em.createNamedQuery("DistributionMirror.findByName", DistributionMirror.class)
                .setParameter("name", name.value()).getResultList().isEmpty()) {
            throw new ConflictException(MirrorForm.NAME, "Another mirror is already called " + name
                    + ". Choose another name, such as your host name.");
        }
        checkUrlFree(MirrorForm.HTTP, urls.http());
        checkUrlFree(MirrorForm.HTTPS, urls.https());
        checkUrlFree(MirrorForm.FTP, urls.ftp());
        checkUrlFree(MirrorForm.RSYNC, urls.rsync());
    }

    private void checkUrlFree(String field, MirrorUrl url) {
        if (url != null && em.createNamedQuery("DistributionMirror.countByUrl", Long.class)
                .setParameter("url", url).getSingleResult() > 0) {
            throw new ConflictException(field, "Another mirror is already registered with " + url + ".");
        }
    }

    private Country findCountry(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return null;
        }
        return em.createNamedQuery("Country.findByIsoCode", Country.class)
                .setParameter("isoCode", isoCode.strip().toUpperCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
    }

    /** The distribution's enabled mirrors, in the order they were registered. */
    public List<DistributionMirror> enabledMirrors(long distributionId) {
        return em.createNamedQuery("DistributionMirror.findEnabled", DistributionMirror.class)
                .setParameter("distributionId", distributionId).getResultList();
    }

    /** The distribution's enabled official mirrors, in the order they were registered. */
    public List<DistributionMirror> enabledOfficialMirrors(long distributionId) {
        return em.createNamedQuery("DistributionMirror.findEnabledOfficial", DistributionMirror.class)
                .setParameter("distributionId", distributionId).getResultList();
    }
}
