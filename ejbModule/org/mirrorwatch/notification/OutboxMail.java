package org.mirrorwatch.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail waiting in the outbox, or sent from it. Its Message-ID is fixed when it is queued, so a retry
 * after an uncertain delivery carries the same id and receivers can tell the duplicate.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, unique = true)
    private String messageId;

    /** RFC 5322 mailboxes, separated by ", ". */
    @Column(nullable = false)
    private String recipients;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMail() {
    }

    public OutboxMail(List<String> recipients, String subject, String body, String domain, Instant now) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("A mail needs a recipient");
        }
        this.recipients = String.join(", ", recipients);
        this.subject = Objects.requireNonNull(subject);
        this.body = Objects.requireNonNull(body);
        this.messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        this.dateCreated = now;
        this.nextAttemptAt = now;
    }

    /** Records a delivery that failed, and when to try again: the wait doubles up to {@code maximum}. */
    public void deliveryFailed(String error, Instant now, Duration first, Duration maximum) {
        attempts++;
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = first.multipliedBy(factor);
        nextAttemptAt = now.plus(wait.compareTo(maximum) > 0 ? maximum : wait);
        lastError = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        claimedUntil = null;
    }

    public void delivered(Instant now) {
        attempts++;
        sentAt = now;
        claimedUntil = null;
        lastError = null;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public List<String> getRecipients() {
        return Arrays.asList(recipients.split(", "));
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getDateCreated() {
        return dateCreated;
    }
}
