package org.mirrorwatch.identity.boundary;

import org.mirrorwatch.platform.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.mirrorwatch.identity.control.Administrators;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.Callers;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.LaunchpadNames;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.platform.PlainText;

/**
 * The administrators' view of people: find them, give and take the mirror administrator and publisher
 * roles, and turn accounts off and on. Each change counts from the next request, since the identity store
 * reads roles and state at every one. The last active administrator can be neither demoted nor turned off.
 */
@Stateless
@RolesAllowed(Roles.MIRROR_ADMIN)
public class PeopleFacade {

    private static final Logger LOG = Logger.getLogger(PeopleFacade.class.getName());

    public static final String QUERY = "q";
    public static final String MIRROR_ADMIN = "mirrorAdmin";
    public static final String PUBLISHER = "publisher";
    public static final String ACTIVE = "active";
    /** As long as the longest field searched, an address. */
    public static final int MAXIMUM_QUERY = 254;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    @Inject
    Administrators administrators;

    @Inject
    AuditTrail audit;

    /**
     * One page of the people whose name, display name or address contains {@code query} (any case; all
     * people for none), by name, after {@code afterName} (null for the first page).
     */
    public PeoplePage search(String query, String afterName, int limit) {
        FieldErrors errors = new FieldErrors();
        String contains = errors.text(QUERY, query, MAXIMUM_QUERY, PlainText.Lines.ONE);
        errors.throwIfAny();
        StringBuilder jpql = new StringBuilder("SELECT p FROM Person p WHERE 1 = 1");
        if (contains != null) {
            jpql.append(" AND (LOCATE(:contains, LOWER(p.name)) > 0 OR LOCATE(:contains, LOWER(p.displayName)) > 0"
                    + " OR LOCATE(:contains, LOWER(p.email)) > 0)");
        }
        if (afterName != null) {
            jpql.append(" AND p.name > :afterName");
        }
        var select = em.createQuery(jpql.append(" ORDER BY p.name").toString(), Person.class).setMaxResults(limit + 1);
        if (contains != null) {
            select.setParameter("contains", contains.toLowerCase(Locale.ROOT));
        }
        if (afterName != null) {
            select.setParameter("afterName", afterName);
        }
        List<Person> found = select.getResultList();
        boolean more = found.size() > limit;
        List<Person> page = more ? found.subList(0, limit) : found;
        return new PeoplePage(page.stream().map(PersonSummary::of).toList(),
                more ? Optional.of(page.get(page.size() - 1).getName()) : Optional.empty());
    }

    public PersonSummary person(String name) {
        return PersonSummary.of(load(name));
    }

    /**
     * Gives the person exactly these roles; each role that changes is audited on its own. Taking the
     * administrator role from the last active administrator is refused.
     *
     * @throws ConflictException naming {@value #MIRROR_ADMIN} for the last active administrator
     */
    public PersonSummary changeRoles(String name, boolean mirrorAdmin, boolean publisher) {
        Caller caller = callers.caller();
        List<Long> admins = administrators.lockActive();
        Person person = lockedForChange(name);
        if (person.isActiveAdmin() && !mirrorAdmin && admins.equals(List.of(person.getId()))) {
            throw lastAdministrator(MIRROR_ADMIN, person, "without the role");
        }
        if (person.isMirrorAdmin() != mirrorAdmin) {
            JsonObject before = stateOf(person);
            person.changeRoles(mirrorAdmin, person.isPublisher());
            audited(caller, mirrorAdmin ? AuditAction.ROLE_GRANTED : AuditAction.ROLE_REVOKED, person, before);
        }
        if (person.isPublisher() != publisher) {
            JsonObject before = stateOf(person);
            person.changeRoles(person.isMirrorAdmin(), publisher);
            audited(caller, publisher ? AuditAction.ROLE_GRANTED : AuditAction.ROLE_REVOKED, person, before);
        }
        return PersonSummary.of(person);
    }

    /**
     * Turns the account off or on. Turned off, it cannot log in by any means, its API tokens are revoked
     * for good and its mailed links stop working; turned on again, it needs new tokens. Turning off the
     * last active administrator, oneself included, is refused.
     *
     * @throws ConflictException naming {@value #ACTIVE} for the last active administrator
     */
    public PersonSummary setActive(String name, boolean active) {
        Caller caller = callers.caller();
        List<Long> admins = administrators.lockActive();
        Person person = lockedForChange(name);
        if (person.isActive() == active) {
            return PersonSummary.of(person);
        }
        JsonObject before = stateOf(person);
        if (active) {
            person.reactivate();
            audited(caller, AuditAction.PERSON_REACTIVATED, person, before);
            return PersonSummary.of(person);
        }
        if (person.isActiveAdmin() && admins.equals(List.of(person.getId()))) {
            throw lastAdministrator(ACTIVE, person, "with the account off");
        }
        person.deactivate();
        var now = clock.instant();
        int tokens = em.createNamedQuery("ApiToken.revokeAllOf").setParameter("now", now)
                .setParameter("personId", person.getId()).executeUpdate();
        em.createNamedQuery("AccountToken.invalidateAllOpen").setParameter("now", now)
                .setParameter("personId", person.getId()).executeUpdate();
        audited(caller, AuditAction.PERSON_DEACTIVATED, person, before);
        LOG.info(() -> "Account " + person.getName() + " turned off by " + caller.person().getName() + "; " + tokens
                + " API tokens revoked");
        return PersonSummary.of(person);
    }

    /** What the audit trail keeps of a person: their roles and whether the account is on. */
    static JsonObject stateOf(Person person) {
        return JsonBuilders.object().add("name", person.getName()).add(MIRROR_ADMIN, person.isMirrorAdmin())
                .add(PUBLISHER, person.isPublisher()).add(ACTIVE, person.isActive()).build();
    }

    private void audited(Caller caller, AuditAction action, Person person, JsonObject before) {
        audit.record(caller, action, AuditTrail.PERSON, person.getId(), person.getName(), before, stateOf(person));
        // Written now, so that the rows of one change are numbered in the order they happened; the
        // provider would otherwise insert them at commit in an order of its own.
        em.flush();
        LOG.info(() -> action + " " + person.getName() + " by " + caller.person().getName() + ": " + stateOf(person));
    }

    /**
     * The person, read again under a lock: the caller's own row may have been read before the lock was
     * granted, and a change must start from what the transaction before it left.
     */
    private Person lockedForChange(String name) {
        Person person = load(name);
        em.refresh(person, LockModeType.PESSIMISTIC_WRITE);
        return person;
    }

    private Person load(String name) {
        String stripped = name == null ? null : name.strip();
        if (!LaunchpadNames.isValid(stripped)) {
            throw new NotFoundException("person", name);
        }
        return em.createNamedQuery("Person.findByName", Person.class).setParameter("name", stripped)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("person", name));
    }

    private static ConflictException lastAdministrator(String field, Person person, String change) {
        return new ConflictException(field, person.getName() + " is the last active mirror administrator; " + change
                + " nobody could administer Mirrorwatch. Make someone else an administrator first.");
    }
}
