package org.mirrorwatch.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.AuditEvent;

/**
 * Writes audit rows in the caller's transaction, so a row exists exactly when its change was committed.
 * Each feature says which state of its subjects it audits (the registry's {@code MirrorAudit}). A caller
 * without a transaction (starting a probe round runs outside one) gets a transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AuditTrail {

    public static final String MIRROR = "mirror";
    public static final String PROBE_ROUND = "probe-round";
    public static final String PERSON = "person";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public AuditEvent record(Caller caller, AuditAction action, String subjectType, Long subjectId,
            String subjectName, JsonObject before, JsonObject after) {
        AuditEvent event = new AuditEvent(clock.instant(), caller.person(), action, subjectType, subjectId,
                subjectName, before == null ? null : before.toString(), after == null ? null : after.toString());
        em.persist(event);
        return event;
    }
}
