package org.mirrorwatch.registry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.ProbedAddresses;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorName;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.MirrorUrls;

/**
 * Checks a submitted mirror form against the database: the country it names, and that no other mirror
 * already has its name or one of its URLs. Registration and editing share it.
 */
@ApplicationScoped
class MirrorFormChecks {

    @PersistenceContext
    EntityManager em;

    @Inject
    ProbedAddresses addresses;

    /**
     * Validates the form and checks that its name and URLs are free.
     *
     * @param self the mirror being edited, which may keep its own name and URLs; null for a new mirror
     */
    public MirrorRegistration check(MirrorForm form, DistributionMirror self) {
        MirrorRegistration registration = form.validate(findCountry(form.countryCode()));
        rejectUnprobable(registration.urls());
        rejectTaken(registration.name(), registration.urls(), self);
        return registration;
    }

    /** URLs on hosts the prober may never fetch are refused here, not found out at the first probe. */
    private void rejectUnprobable(MirrorUrls urls) {
        FieldErrors errors = new FieldErrors();
        refuseIfUnprobable(errors, MirrorForm.HTTP, urls.http());
        refuseIfUnprobable(errors, MirrorForm.HTTPS, urls.https());
        refuseIfUnprobable(errors, MirrorForm.FTP, urls.ftp());
        refuseIfUnprobable(errors, MirrorForm.RSYNC, urls.rsync());
        errors.throwIfAny();
    }

    private void refuseIfUnprobable(FieldErrors errors, String field, MirrorUrl url) {
        if (url != null) {
            addresses.refusalOf(url.host()).ifPresent(refusal -> errors.add(field, "The mirror cannot be on this"
                    + " host: " + refusal + ". Give the host name the public reaches the mirror by."));
        }
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
