package org.mirrorwatch.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The active mirror administrators, of whom there is always one once the first was made: every change of
 * roles or of an account's state locks them first, so two changes at once cannot each take away what
 * the other counted on.
 */
@ApplicationScoped
public class Administrators {

    @PersistenceContext
    EntityManager em;

    /** Whether no active administrator exists, so that the setup of the first one is open. */
    public boolean noneActive() {
        return em.createNamedQuery("Person.countActiveAdmins", Long.class).getSingleResult() == 0;
    }

    /**
     * The ids of the active administrators, whose rows stay locked until the caller's transaction ends. A
     * transaction that waited for the lock reads them as the other one left them.
     */
    public List<Long> lockActive() {
        List<?> ids = em.createNativeQuery("SELECT id FROM person WHERE mirror_admin AND active ORDER BY id FOR UPDATE")
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }
}
