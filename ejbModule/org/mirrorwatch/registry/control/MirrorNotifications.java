package org.mirrorwatch.registry.control;

import org.mirrorwatch.notification.MailOutbox;
import org.mirrorwatch.notification.MailSettings;
import org.mirrorwatch.notification.MailTemplates;
import org.mirrorwatch.notification.OutboxMail;

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
import org.mirrorwatch.registry.entity.MaintenanceWindow;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;

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
