package org.mirrorwatch.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.mirrorwatch.platform.AccessDeniedException;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.Person;

/**
 * Who may do what in the mirror registry: every rule is here, as Launchpad has them.
 * <ul>
 * <li>Anyone can view the public data. Lists show enabled mirrors to everyone, an owner's own disabled
 * mirrors to that owner, and every mirror to administrators.</li>
 * <li>A person can register mirrors, which they then own; a mirror administrator can register one for
 * anyone.</li>
 * <li>The owner of a mirror, and any mirror administrator, can edit it, resubmit it for review when it is
 * broken, and read its probe logs.</li>
 * <li>Only mirror administrators review mirrors, give them to another owner, delete mirrors that were
 * never probed, designate country DNS mirrors, turn mirrors on and off, see the disabled, pending and
 * unofficial lists, read the audit trail and run the prober.</li>
 * </ul>
 * Facades guard the role part with {@code @RolesAllowed}, and call this class for the part that depends
 * on the mirror. The rule methods are pure, so they can be tested without a container.
 */
@ApplicationScoped
public class AccessRules {

    @Inject
    SecurityContext security;

    @PersistenceContext
    EntityManager em;

    /** Whether the caller may edit the mirror: its owner, or a mirror administrator. */
    public static boolean mayEdit(Caller caller, DistributionMirror mirror) {
        return caller.mirrorAdmin() || caller.is(mirror.getOwner());
    }

    /**
     * Whether the caller may see the mirror at all: anyone an enabled one, and a disabled one only its
     * owner and the administrators. Lists, the mirror page and the API all ask this.
     */
    public static boolean mayView(Optional<Caller> caller, DistributionMirror mirror) {
        return mirror.isEnabled() || caller.map(known -> mayEdit(known, mirror)).orElse(false);
    }

    /** Reading probe logs follows editing: they are the owner's tool for fixing the mirror. */
    public static boolean mayReadProbeLogs(Caller caller, DistributionMirror mirror) {
        return mayEdit(caller, mirror);
    }

    /**
     * The owner whose disabled mirrors a list may show besides the enabled ones: the caller's own; empty
     * for administrators, who see every mirror, and for anonymous callers, who see enabled mirrors only.
     */
    public static Optional<String> ownListedBesidesEnabled(Optional<Caller> caller) {
        return caller.filter(known -> !known.mirrorAdmin()).map(known -> known.person().getName());
    }

    /** Whether a list shows the caller every mirror, enabled or not. */
    public static boolean listsEveryMirror(Optional<Caller> caller) {
        return caller.map(Caller::mirrorAdmin).orElse(false);
    }

    /** Whether the caller may register a mirror owned by {@code owner}: their own, or anyone's for admins. */
    public static boolean mayRegisterFor(Caller caller, Person owner) {
        return caller.mirrorAdmin() || caller.is(owner);
    }

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

    public Caller requireMayEdit(DistributionMirror mirror) {
        Caller caller = caller();
        if (!mayEdit(caller, mirror)) {
            throw new AccessDeniedException("Only the owner of " + mirror.getName()
                    + " or a mirror administrator can change it.");
        }
        return caller;
    }

    public Caller requireMayReadProbeLogs(DistributionMirror mirror) {
        Caller caller = caller();
        if (!mayReadProbeLogs(caller, mirror)) {
            throw new AccessDeniedException("Only the owner of " + mirror.getName()
                    + " or a mirror administrator can read its probe logs.");
        }
        return caller;
    }

    public Caller requireMayRegisterFor(Person owner) {
        Caller caller = caller();
        if (!mayRegisterFor(caller, owner)) {
            throw new AccessDeniedException("You can register mirrors for yourself only; a mirror"
                    + " administrator can register one for " + owner.getName() + ".");
        }
        return caller;
    }
}
