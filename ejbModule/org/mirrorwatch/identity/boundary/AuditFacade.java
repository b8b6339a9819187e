package org.mirrorwatch.identity.boundary;

import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.PlainText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.AuditEvent;

/** The audit trail, for mirror administrators. */
@Stateless
@RolesAllowed(Roles.MIRROR_ADMIN)
public class AuditFacade {

    @PersistenceContext
    EntityManager em;

    /** The latest events, newest first. */
    public List<AuditEntry> recent(int limit) {
        return em.createNamedQuery("AuditEvent.findRecent", AuditEvent.class).setMaxResults(limit).getResultList()
                .stream().map(AuditEntry::of).toList();
    }

    /**
     * The latest events that match every given filter, newest first; a null or blank filter does not
     * filter. {@code subject} matches part of the subject's name.
     */
    public List<AuditEntry> search(AuditAction action, String actor, String subject, int limit) {
        FieldErrors errors = new FieldErrors();
        actor = errors.text("actor", actor, 254, PlainText.Lines.ONE);
        subject = errors.text("subject", subject, 254, PlainText.Lines.ONE);
        errors.throwIfAny();
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (action != null) {
            jpql.append(" AND e.action = :action");
            parameters.put("action", action);
        }
        if (actor != null && !actor.isBlank()) {
            jpql.append(" AND e.actorName = :actor");
            parameters.put("actor", actor.strip());
        }
        if (subject != null && !subject.isBlank()) {
            jpql.append(" AND LOCATE(:subject, e.subjectName) > 0");
            parameters.put("subject", subject.strip());
        }
        var query = em.createQuery(jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC").toString(), AuditEvent.class)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(AuditEntry::of).toList();
    }

    /** The events of one mirror, newest first. */
    public List<AuditEntry> ofMirror(long mirrorId) {
        return em.createNamedQuery("AuditEvent.findBySubject", AuditEvent.class)
                .setParameter("subjectType", AuditTrail.MIRROR).setParameter("subjectId", mirrorId).getResultList()
                .stream().map(AuditEntry::of).toList();
    }
}
