package org.mirrorwatch.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.platform.AccessDeniedException;

/** Who is calling: the logged-in person and whether they are a mirror administrator. */
@ApplicationScoped
public class Callers {

    @Inject
    SecurityContext security;

    @PersistenceContext
    EntityManager em;

    /** The person calling. Facades that need one are closed to anonymous callers by their roles. */
    public Caller caller() {
        if (security.getCallerPrincipal() == null) {
            throw new AccessDeniedException("Log in first.");
        }
        return currentCaller().orElseThrow(() -> new AccessDeniedException("Your account no longer exists."));
    }

    /** The person calling, if anyone is logged in: public reads show a logged-in owner a little more. */
    public Optional<Caller> currentCaller() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("Person.findByName", Person.class)
                .setParameter("name", principal.getName()).getResultStream().findFirst()
                .map(person -> new Caller(person, security.isCallerInRole(Roles.MIRROR_ADMIN)));
    }
}
