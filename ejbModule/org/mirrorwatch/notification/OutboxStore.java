package org.mirrorwatch.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's transactions, each its own: claiming due mails (so that two instances never send the same
 * mail at once), and recording how a delivery went.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /** How long a claim holds before another instance may take the mail over. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private static final String CLAIM_DUE = """
            UPDATE mail_outbox SET claimed_until = ?
            WHERE id IN (SELECT id FROM mail_outbox
                         WHERE sent_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                         ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public List<Long> claimDue(int limit) {
        Instant now = clock.instant();
        List<?> ids = em.createNativeQuery(CLAIM_DUE)
                .setParameter(1, Timestamp.from(now.plus(CLAIM)))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, limit)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    public Optional<OutboxMail> find(long id) {
        return Optional.ofNullable(em.find(OutboxMail.class, id));
    }

    public void delivered(long id) {
        find(id).ifPresent(mail -> mail.delivered(clock.instant()));
    }

    public void failed(long id, String error, Duration first, Duration maximum) {
        find(id).ifPresent(mail -> mail.deliveryFailed(error, clock.instant(), first, maximum));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long backlog() {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMail m WHERE m.sentAt IS NULL", Long.class)
                .getSingleResult();
    }
}
