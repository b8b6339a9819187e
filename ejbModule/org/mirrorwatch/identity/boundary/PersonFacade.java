package org.mirrorwatch.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.identity.entity.Person;

/** The people who own and administer mirrors. */
@Stateless
public class PersonFacade {

    @PersistenceContext
    EntityManager em;

    public Optional<Person> findByName(String name) {
        return em.createNamedQuery("Person.findByName", Person.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    public Person getByName(String name) {
        return findByName(name).orElseThrow(() -> new NotFoundException("person", name));
    }
}
