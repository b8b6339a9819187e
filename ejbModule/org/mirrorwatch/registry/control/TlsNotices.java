package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MaintenanceWindow;
import org.mirrorwatch.registry.entity.TlsCertificate;
import org.mirrorwatch.registry.entity.TlsNotice;

/**
 * Mails a mirror's owner and its distribution's mirror administrators about its HTTPS certificate, once
 * per certificate and notice. What was sent is kept in {@code tls_notice}; the row is written in the
 * probe's transaction, before the mail is queued in the same one, so a notice and its record commit
 * together, and of two probes at once only the one that wrote the row mails. Nobody is told while the mirror
 * is in a maintenance window; the first probe after it tells the notice due then.
 */
@Stateless
public class TlsNotices {

    private static final Logger LOG = Logger.getLogger(TlsNotices.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MirrorNotifications notifications;

    @Inject
    MaintenanceWindows maintenanceWindows;

    /** @return the notice mailed, if one was due and not sent before for this certificate */
    public Optional<TlsNotice> noticeIfDue(DistributionMirror mirror, TlsCertificate certificate, Instant now) {
        Optional<TlsNotice> due = TlsNotice.dueFor(certificate, now);
        if (due.isEmpty() || certificate.getFingerprint().isEmpty()) {
            return Optional.empty();
        }
        Optional<MaintenanceWindow.Interval> maintenance = maintenanceWindows.current(mirror, now);
        if (maintenance.isPresent()) {
            // Nothing is written: the first probe after the window tells what is due then.
            LOG.info(() -> "Mirror " + mirror.getName() + ": TLS notice " + due.get() + " due, but the mirror is in"
                    + " maintenance until " + maintenance.get().end() + ": nobody told");
            return Optional.empty();
        }
        int written = em.createNativeQuery("INSERT INTO tls_notice (distribution_mirror_id, fingerprint, notice,"
                        + " date_sent) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, mirror.getId()).setParameter(2, certificate.getFingerprint().get())
                .setParameter(3, due.get().name()).setParameter(4, Timestamp.from(now)).executeUpdate();
        if (written == 0) {
            return Optional.empty();
        }
        notifications.tlsNotice(mirror, certificate, due.get(), now);
        LOG.info(() -> "Mirror " + mirror.getName() + ": TLS notice " + due.get() + " queued for certificate "
                + certificate.getFingerprint().get().substring(0, 16) + "… (" + certificate.describe() + ")");
        return due;
    }
}
