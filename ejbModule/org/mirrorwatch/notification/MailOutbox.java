package org.mirrorwatch.notification;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Puts mail in the outbox within the caller's transaction: the mail exists exactly when the change it
 * reports was committed.
 */
@Stateless
public class MailOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    @Inject
    MailSettings settings;

    public OutboxMail queue(List<String> recipients, String subject, String body) {
        String from = settings.from();
        String domain = from.substring(from.indexOf('@') + 1).replace(">", "").strip();
        OutboxMail mail = new OutboxMail(recipients, subject, body, domain.isEmpty() ? "mirrorwatch" : domain,
                clock.instant());
        em.persist(mail);
        em.flush();
        queued.fire(new MailQueued(mail.getId()));
        return mail;
    }
}
