package org.mirrorwatch.registry.control;

import org.mirrorwatch.notification.MailOutbox;
import org.mirrorwatch.notification.MailSettings;
import org.mirrorwatch.notification.MailTemplates;
import org.mirrorwatch.notification.OutboxMail;
import org.mirrorwatch.platform.AddressFamily;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.MaintenanceWindow;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.TlsCertificate;
import org.mirrorwatch.registry.entity.TlsNotice;

/**
 * The mails about a mirror: one to its owner, and its own copy to the distribution's mirror
 * administrators when the distribution has an address for them. Built from the templates in
 * /notification and queued in the outbox.
 */
@Stateless
public class MirrorNotifications {

    /** How much of a probe log a mail quotes. */
    static final int QUOTED_LOG_LINES = 20;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    /** Tells the owner that the prober disabled the mirror: Launchpad's "Verification of ... failed". */
    public List<OutboxMail> mirrorDisabled(DistributionMirror mirror, Optional<MirrorProbeRecord> probe,
            Instant when) {
        return queueForEach(mirror, "Verification of " + mirror.getName() + " failed",
                fill("mirror-disabled.txt", mirror, probe, when));
    }

    /** Tells the owner that a mirror the prober had disabled carries content again. */
    public List<OutboxMail> mirrorReenabled(DistributionMirror mirror, Optional<MirrorProbeRecord> probe,
            Instant when) {
        return queueForEach(mirror, "Mirror " + mirror.getName() + " is enabled again",
                fill("mirror-reenabled.txt", mirror, probe, when));
    }

    /** Tells the owner that a maintenance window ended and the mirror is still broken, so it is disabled. */
    public List<OutboxMail> maintenanceOverran(DistributionMirror mirror, MaintenanceWindow.Interval window,
            Optional<MirrorProbeRecord> probe, Instant when) {
        Map<String, String> values = new HashMap<>(values(mirror, probe, when));
        values.put("start", window.start().toString());
        values.put("end", window.end().toString());
        return queueForEach(mirror, "Maintenance of " + mirror.getName() + " overran",
                MailTemplates.fill("maintenance-overran.txt", values));
    }

    /**
     * Tells the owner what a probe found of the mirror's HTTPS certificate: that it expires soon, has
     * expired, or is refused by clients for another reason.
     */
    public List<OutboxMail> tlsNotice(DistributionMirror mirror, TlsCertificate certificate, TlsNotice notice,
            Instant when) {
        String subject = "The HTTPS certificate of " + mirror.getName() + " " + switch (notice) {
            case EXPIRES_WITHIN_21_DAYS, EXPIRES_WITHIN_7_DAYS, EXPIRES_WITHIN_1_DAY -> expiresIn(certificate, when);
            case EXPIRED -> "has expired";
            case NAME_MISMATCH -> "is for another host name";
            case UNTRUSTED -> "is not trusted";
        };
        String finding = switch (notice) {
            case EXPIRES_WITHIN_21_DAYS, EXPIRES_WITHIN_7_DAYS, EXPIRES_WITHIN_1_DAY -> "Its certificate "
                    + expiresIn(certificate, when) + ".";
            case EXPIRED -> "Its certificate has expired, so every HTTPS client refuses it.";
            case NAME_MISMATCH -> "Its certificate is made out for another host name than the one in the HTTPS URL,"
                    + " so every HTTPS client refuses it.";
            case UNTRUSTED -> "Its certificate is not signed by an authority that clients trust (it may be"
                    + " self-signed, or the server may not send its intermediate certificates), so HTTPS clients"
                    + " refuse it.";
        };
        String consequence = certificate.getState().worksForClients()
                ? "Please renew it before then. Once it has expired, Mirrorwatch stops handing out the mirror's HTTPS"
                        + " URL to clients until a probe finds a valid certificate."
                : "Mirrorwatch no longer hands out the mirror's HTTPS URL to clients" + (mirror.getHttpBaseUrl()
                        .isPresent() ? " (its HTTP URL stays in the lists)" : "") + ". As soon as a probe finds a valid"
                        + " certificate, the HTTPS URL is handed out again.";
        Map<String, String> all = new HashMap<>(values(mirror, Optional.empty(), when));
        all.put("url", mirror.getHttpsBaseUrl().map(MirrorUrl::value).orElse(mirror.getBaseUrl().value()));
        all.put("finding", finding);
        all.put("issuer", certificate.getIssuer().orElse("unknown"));
        all.put("notAfter", certificate.getNotAfter().map(Instant::toString).orElse("unknown"));
        all.put("protocol", certificate.getProtocol().orElse("unknown"));
        all.put("fingerprint", certificate.getFingerprint().orElse("unknown"));
        all.put("consequence", consequence);
        return queueForEach(mirror, subject, MailTemplates.fill("tls-notice.txt", all));
    }

    /**
     * Tells the owner that the mirror's host publishes an address of this family that does not work, so
     * its clients of that family are sent elsewhere.
     */
    public List<OutboxMail> familyDegraded(DistributionMirror mirror, AddressFamily family, String failure,
            Instant when) {
        Map<String, String> all = new HashMap<>(values(mirror, Optional.empty(), when));
        all.put("family", family.title());
        all.put("otherFamily", family.other().title());
        all.put("recordType", family.recordType());
        all.put("failure", failure);
        return queueForEach(mirror, "Mirror " + mirror.getName() + " does not answer over " + family.title(),
                MailTemplates.fill("family-degraded.txt", all));
    }

    /** "expires in 5 days", "expires within a day". */
    private static String expiresIn(TlsCertificate certificate, Instant when) {
        long days = certificate.daysLeft(when).orElse(0L);
        return days < 1 ? "expires within a day" : "expires in " + days + (days == 1 ? " day" : " days");
    }

    /**
     * Tells the owner that a suite of the mirror was found inconsistent (index sizes other than its InRelease
     * promises) on two probes in a row.
     */
    public List<OutboxMail> suiteInconsistent(DistributionMirror mirror, String suite, String detail, Instant when) {
        Map<String, String> all = new HashMap<>(values(mirror, Optional.empty(), when));
        all.put("suite", suite);
        all.put("detail", detail);
        return queueForEach(mirror, "Suite " + suite + " of " + mirror.getName() + " is inconsistent",
                MailTemplates.fill("suite-inconsistent.txt", all));
    }

    /** One mail per recipient, so the owner's mail never shows the administrators' address and vice versa. */
    private List<OutboxMail> queueForEach(DistributionMirror mirror, String subject, String body) {
        List<String> recipients = new ArrayList<>(List.of(mirror.getOwner().getMailbox()));
        mirror.getDistribution().getMirrorAdminAddress().ifPresent(recipients::add);
        return recipients.stream().map(recipient -> outbox.queue(List.of(recipient), subject, body)).toList();
    }

    private String fill(String template, DistributionMirror mirror, Optional<MirrorProbeRecord> probe, Instant when) {
        return MailTemplates.fill(template, values(mirror, probe, when));
    }

    private Map<String, String> values(DistributionMirror mirror, Optional<MirrorProbeRecord> probe, Instant when) {
        return Map.of(
                "owner", mirror.getOwner().getDisplayName(),
                "distribution", mirror.getDistribution().getDisplayName(),
                "mirror", mirror.getName(),
                "url", mirror.getBaseUrl().value(),
                "date", when.toString(),
                "log", probe.map(this::logSection).orElse(""));
    }

    private String logSection(MirrorProbeRecord probe) {
        String log = new String(probe.getLogFile().getContent(), StandardCharsets.UTF_8);
        List<String> lines = log.lines().toList();
        String quoted = lines.stream().limit(QUOTED_LOG_LINES).map(line -> "  " + line)
                .collect(Collectors.joining("\n"));
        String more = lines.size() > QUOTED_LOG_LINES
                ? "\n  [" + (lines.size() - QUOTED_LOG_LINES) + " more lines in the full log]" : "";
        return "\nThe log of that probe is at " + settings.link(probe.getLogFile().getDownloadPath())
                + "\nIts first lines:\n\n" + quoted + more + "\n";
    }
}
