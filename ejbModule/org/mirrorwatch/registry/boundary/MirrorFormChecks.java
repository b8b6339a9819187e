package org.mirrorwatch.registry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.registry.entity.Country;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorName;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.registry.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.MirrorUrls;

/**
 * Checks a submitted mirror form against the database: the country it names, and that no other mirror
 * already has its name or one of its URLs. Registration and editing share it.
 */
@ApplicationScoped
class MirrorFormChecks {

    @PersistenceContext
    EntityManager em;

    /**
     * Validates the form and checks that its name and URLs are free.
     *
     * @param self the mirror being edited, which may keep its own name and URLs; null for a new mirror
     */
    public MirrorRegistration check(MirrorForm form, DistributionMirror self) {
        MirrorRegistration registration = form.validate(findCountry(form.countryCode()));
        rejectTaken(registration.name(), registration.urls(), self);
        return registration;
    }

    private void rejectTaken(MirrorName name, MirrorUrls urls, DistributionMirror self) {
        if (em.createNamedQuery("DistributionMirror.findByName", DistributionMirror.class)
                .setParameter("name", name.value()).getResultStream().anyMatch(other -> other != self)) {
            throw new ConflictException(MirrorForm.NAME, "Another mirror is already called " + name
                    + ". Choose another name, such as your host name.");
        }
        checkUrlFree(MirrorForm.HTTP, urls.http(), self);
        checkUrlFree(MirrorForm.HTTPS, urls.https(), self);
        checkUrlFree(MirrorForm.FTP, urls.ftp(), self);
        checkUrlFree(MirrorForm.RSYNC, urls.rsync(), self);
    }

    private void checkUrlFree(String field, MirrorUrl url, DistributionMirror self) {
        if (url != null && em.createNamedQuery("DistributionMirror.findByUrl", DistributionMirror.class)
                .setParameter("url", url).getResultStream().anyMatch(other -> other != self)) {
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

}
