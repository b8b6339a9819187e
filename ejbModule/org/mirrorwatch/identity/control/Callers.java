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

/**
 * Who is calling: the logged-in person and whether they are a mirror administrator. A caller whose API
 * token is limited to a scope (see {@link Accounts#groupsOf(org.mirrorwatch.identity.entity.ApiToken)})
 * is the person for the facades that its scope opens, and no one on the public reads.
 */
@ApplicationScoped
public class Callers {

    @Inject
    SecurityContext security;

    @PersistenceContext
    EntityManager em;

    /** The person calling. Facades that need one are closed to anonymous callers by their roles. */
    public Caller caller() {
        Principal principal = loggedIn(Roles.PERSON).or(() -> loggedIn(Roles.PUBLISHER))
                .orElseThrow(() -> new AccessDeniedException("Log in first."));
        return find(principal).orElseThrow(() -> new AccessDeniedException("Your account no longer exists."));
    }

    /**
     * The person calling, if someone logged in with the rights of a person: public reads show a logged-in
     * owner a little more, and a token limited to a scope must not see that.
     */
    public Optional<Caller> currentCaller() {
        return loggedIn(Roles.PERSON).flatMap(this::find);
    }

    private Optional<Caller> find(Principal principal) {
        return em.createNamedQuery("Person.findByName", Person.class).setParameter("name", principal.getName())
                .getResultStream().findFirst()
                .map(person -> new Caller(person, security.isCallerInRole(Roles.MIRROR_ADMIN)));
    }

    /**
     * The caller's principal if someone logged in with this role: every login carries the role person,
     * and a token of the publish scope the role publisher. The principal alone does not tell, since
     * WildFly names an anonymous caller "anonymous", which is also a name someone may sign up with.
     */
    private Optional<Principal> loggedIn(String role) {
        Principal principal = security.getCallerPrincipal();
        return principal != null && security.isCallerInRole(role) ? Optional.of(principal) : Optional.empty();
    }
}
