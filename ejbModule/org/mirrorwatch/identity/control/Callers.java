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
        if (loggedIn().isEmpty()) {
            throw new AccessDeniedException("Log in first.");
        }
        return currentCaller().orElseThrow(() -> new AccessDeniedException("Your account no longer exists."));
    }

    /** The person calling, if anyone is logged in: public reads show a logged-in owner a little more. */
    public Optional<Caller> currentCaller() {
        return loggedIn().flatMap(principal -> em.createNamedQuery("Person.findByName", Person.class)
                .setParameter("name", principal.getName()).getResultStream().findFirst())
                .map(person -> new Caller(person, security.isCallerInRole(Roles.MIRROR_ADMIN)));
    }

    /**
     * The caller's principal if someone logged in: every login carries the role person. The principal
     * alone does not tell, since WildFly names an anonymous caller "anonymous", which is also a name
     * someone may sign up with.
     */
    private Optional<Principal> loggedIn() {
        Principal principal = security.getCallerPrincipal();
        return principal != null && security.isCallerInRole(Roles.PERSON) ? Optional.of(principal) : Optional.empty();
    }
}
