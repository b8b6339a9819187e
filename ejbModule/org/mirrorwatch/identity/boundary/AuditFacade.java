package org.mirrorwatch.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditEvent;

/** The audit trail, for mirror administrators. */
@Stateless
@RolesAllowed(Roles.MIRROR_ADMIN)
public class AuditFacade {

    @PersistenceContext
    EntityManager em;

    /** The latest events, newest first. */
    public List<AuditEvent> recent(int limit) {
        return em.createNamedQuery("AuditEvent.findRecent", AuditEvent.class).setMaxResults(limit).getResultList();
    }

    /** The events of one mirror, newest first. */
    public List<AuditEvent> ofMirror(long mirrorId) {
        return em.createNamedQuery("AuditEvent.findBySubject", AuditEvent.class)
                .setParameter("subjectType", AuditTrail.MIRROR).setParameter("subjectId", mirrorId).getResultList();
    }
}
