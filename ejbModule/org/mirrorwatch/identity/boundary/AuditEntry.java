package org.mirrorwatch.identity.boundary;

import java.time.Instant;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.AuditEvent;

/**
 * One audited change as the audit trail shows it: who did what to which subject, when, and the subject's
 * fields before and after as JSON text.
 *
 * @param subjectId null for a subject that has no id
 * @param beforeState null for a creation
 * @param afterState null for a deletion
 */
public record AuditEntry(long id, Instant occurredAt, String actorName, AuditAction action, String subjectType,
        Long subjectId, String subjectName, String beforeState, String afterState) {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.getId(), event.getOccurredAt(), event.getActorName(), event.getAction(),
                event.getSubjectType(), event.getSubjectId().orElse(null), event.getSubjectName(),
                event.getBeforeState().orElse(null), event.getAfterState().orElse(null));
    }
}
