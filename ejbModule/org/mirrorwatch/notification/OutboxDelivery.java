package org.mirrorwatch.notification;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what waits in the outbox: right after the transaction that queued a mail commits, and again on a
 * timer for the mails whose delivery failed. Delivery is at least once: a mail is marked sent only after
 * the SMTP server accepted it, so a crash between the two sends it again, with the same Message-ID.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    private static final int BATCH = 50;

    /** One delivery pass at a time in this instance; other instances are kept apart by the claims. */
    private final ReentrantLock pass = new ReentrantLock();

    /**
     * Set by every request for a pass. A request that finds a pass running cannot wait for it (it would
     * hold a managed thread for as long as the SMTP server is slow), so it leaves this flag instead, and
     * the running pass goes round again for the mail that was queued after it had claimed its batch.
     */
    private final AtomicBoolean requested = new AtomicBoolean();

    @Resource(lookup = "java:comp/env/mail/mirrorwatch")
    Session session;

    @Resource
    TimerService timers;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    OutboxStore store;

    @Inject
    Clock clock;

    @Inject
    MailSettings settings;

    @Inject
    @ConfigProperty(name = "mirrorwatch.mail.retry.enabled")
    boolean retryEnabled;

    @Inject
    @ConfigProperty(name = "mirrorwatch.mail.retry.interval")
    Duration retryInterval;

    @Inject
    @ConfigProperty(name = "mirrorwatch.mail.retry.first-backoff")
    Duration firstBackoff;

    @Inject
    @ConfigProperty(name = "mirrorwatch.mail.retry.max-backoff")
    Duration maxBackoff;

    @PostConstruct
    void scheduleRetries() {
        if (retryEnabled) {
            timers.createIntervalTimer(retryInterval.toMillis(), retryInterval.toMillis(),
                    new TimerConfig("mirrorwatch-mail-outbox", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        deliverDue();
    }

    /** Starts delivery on a managed thread once the transaction that queued a mail has committed. */
    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        executor.execute(this::deliverDue);
    }

    /**
     * Sends every due mail, including mail queued while this runs; returns how many were sent. When a
     * pass is already running in this instance, it returns 0 at once and that pass sends the mail.
     */
    public int deliverDue() {
        requested.set(true);
        int sent = 0;
        // The flag is read again after unlocking: a request that came between the holder's last look
        // and its unlock found the lock taken, so nobody else would run for it.
        while (requested.get() && pass.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    sent += deliverClaimed();
                }
            } finally {
                pass.unlock();
            }
        }
        return sent;
    }

    /**
     * Claims and sends batches until one comes back short. A batch that sent nothing ends the pass too:
     * the SMTP server is failing, and the retry timer takes over rather than this thread spinning.
     */
    private int deliverClaimed() {
        int sent = 0;
        List<Long> batch;
        int sentOfBatch;
        do {
            batch = store.claimDue(BATCH);
            sentOfBatch = 0;
            for (long id : batch) {
                if (deliver(id)) {
                    sentOfBatch++;
                }
            }
            sent += sentOfBatch;
        } while (batch.size() == BATCH && sentOfBatch > 0);
        return sent;
    }

    private boolean deliver(long id) {
        OutboxMail mail = store.find(id).orElse(null);
        if (mail == null || mail.isSent()) {
            return false;
        }
        try {
            Transport.send(toMessage(mail));
            store.delivered(id);
            LOG.info(() -> "Mail " + mail.getMessageId() + " \"" + mail.getSubject() + "\" sent to "
                    + String.join(", ", mail.getRecipients()));
            return true;
        } catch (MessagingException | RuntimeException e) {
            store.failed(id, e.toString(), firstBackoff, maxBackoff);
            LOG.warning(() -> "Mail " + mail.getMessageId() + " \"" + mail.getSubject()
                    + "\" not delivered, will retry: " + e);
            return false;
        }
    }

    private MimeMessage toMessage(OutboxMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.getMessageId());
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO,
                InternetAddress.parse(String.join(", ", mail.getRecipients()), true));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        message.setText(mail.getBody(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        return message;
    }

    /** A message whose Message-ID is the outbox's, not a fresh one per attempt. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
