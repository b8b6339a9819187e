package org.mirrorwatch.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.mirrorwatch.platform.LaunchpadNames;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.identity.entity.Person;

/** The people who own and administer mirrors. */
@Stateless
public class PersonFacade {

    @PersistenceContext
    EntityManager em;

    /** The person of that account name; none for a text that cannot be one. */
    public Optional<Person> findByName(String name) {
        if (!LaunchpadNames.isValid(name)) {
            return Optional.empty();
        }
        return em.createNamedQuery("Person.findByName", Person.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    /** The id of the person of that account name, for the facades that take ids. */
    public Optional<Long> findIdByName(String name) {
        return findByName(name).map(Person::getId);
    }

    public Person getByName(String name) {
        return findByName(name).orElseThrow(() -> new NotFoundException("person", name));
    }
}
