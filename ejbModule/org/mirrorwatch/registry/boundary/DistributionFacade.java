package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.entity.Component;
import org.mirrorwatch.registry.entity.Country;
import org.mirrorwatch.registry.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.DistroArchRelease;
import org.mirrorwatch.registry.entity.DistroRelease;
import org.mirrorwatch.registry.entity.MirrorName;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.MirrorUrls;
import org.mirrorwatch.registry.entity.Person;
import org.mirrorwatch.registry.entity.UrlScheme;

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
        FieldErrors errors = new FieldErrors();
        MirrorName name = errors.parse("name", () -> new MirrorName(form.name()));
        errors.require("speed", form.speed(), "Choose the speed of the mirror's connection.");
        errors.require("content", form.content(),
                "Choose what the mirror carries: the package archive or the release images.");
        Country country = errors.require("countryCode", findCountry(form.countryCode()),
                "Choose the country the mirror is in.");
        MirrorUrl http = errors.parse("httpBaseUrl", () -> MirrorUrl.optional(UrlScheme.HTTP, form.httpBaseUrl()));
        MirrorUrl https = errors.parse("httpsBaseUrl",
                () -> MirrorUrl.optional(UrlScheme.HTTPS, form.httpsBaseUrl()));
        MirrorUrl ftp = errors.parse("ftpBaseUrl", () -> MirrorUrl.optional(UrlScheme.FTP, form.ftpBaseUrl()));
        MirrorUrl rsync = errors.parse("rsyncBaseUrl",
                () -> MirrorUrl.optional(UrlScheme.RSYNC, form.rsyncBaseUrl()));
        MirrorUrls urls = errors.isEmpty() ? errors.parse("httpBaseUrl", () -> new MirrorUrls(http, https, ftp, rsync))
                : null;
        errors.throwIfAny();

        rejectTaken(name, urls);
        MirrorPulseType pulseType = form.pulseType() == null ? MirrorPulseType.PULL : form.pulseType();
        DistributionMirror mirror = distribution.newMirror(owner, name, form.speed(), country, form.content(),
                pulseType, urls, clock.instant());
        mirror.describe(form.displayName(), form.description());
        mirror.applyForOfficialStatus(form.officialCandidate());
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
            throw new ConflictException("name", "Another mirror is already called " + name
                    + ". Choose another name, such as your host name.");
        }
        checkUrlFree("httpBaseUrl", urls.http());
        checkUrlFree("httpsBaseUrl", urls.https());
        checkUrlFree("ftpBaseUrl", urls.ftp());
        checkUrlFree("rsyncBaseUrl", urls.rsync());
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
                .setParameter("isoCode", isoCode.strip().toUpperCase(java.util.Locale.ROOT))
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
