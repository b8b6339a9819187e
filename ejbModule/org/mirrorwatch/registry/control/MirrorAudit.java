package org.mirrorwatch.registry.control;

import org.mirrorwatch.platform.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.AuditEvent;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.DistributionMirror;

/**
 * What the audit trail keeps of a mirror: its owner, review, enabled state, country DNS role and URLs,
 * before and after each change.
 */
@ApplicationScoped
public class MirrorAudit {

    @Inject
    AuditTrail audit;

    /** A change of a mirror: its state before (null when it was created) and after (null when deleted). */
    public AuditEvent mirrorChanged(Caller caller, AuditAction action, DistributionMirror mirror, JsonObject before,
            JsonObject after) {
        return audit.record(caller, action, AuditTrail.MIRROR, mirror.getId(), mirror.getName(), before, after);
    }

    /** The audited fields of a mirror, as they are now. */
    public static JsonObject stateOf(DistributionMirror mirror) {
        JsonObjectBuilder state = JsonBuilders.object()
                .add("name", mirror.getName())
                .add("owner", mirror.getOwner().getName())
                .add("reviewStatus", mirror.getReviewStatus().name())
                .add("enabled", mirror.isEnabled())
                .add("officialCandidate", mirror.isOfficialCandidate())
                .add("countryDnsMirror", mirror.isCountryDnsMirror());
        addOrNull(state, "whiteboard", mirror.getWhiteboard());
        addOrNull(state, "reviewer", mirror.getReviewer().map(Person::getName).orElse(null));
        addOrNull(state, "httpBaseUrl", mirror.getHttpBaseUrl().map(MirrorUrl::value).orElse(null));
        addOrNull(state, "httpsBaseUrl", mirror.getHttpsBaseUrl().map(MirrorUrl::value).orElse(null));
        addOrNull(state, "ftpBaseUrl", mirror.getFtpBaseUrl().map(MirrorUrl::value).orElse(null));
        addOrNull(state, "rsyncBaseUrl", mirror.getRsyncBaseUrl().map(MirrorUrl::value).orElse(null));
        return state.build();
    }

    private static void addOrNull(JsonObjectBuilder state, String key, String value) {
        if (value == null) {
            state.addNull(key);
        } else {
            state.add(key, value);
        }
    }
}
