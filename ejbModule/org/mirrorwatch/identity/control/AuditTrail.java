package org.mirrorwatch.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.AuditEvent;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.Person;

/**
 * Writes audit rows in the caller's transaction, so a row exists exactly when its change was committed.
 * A mirror's audited state is its owner, review, enabled state, country DNS role and URLs. A caller
 * without a transaction (starting a probe round runs outside one) gets a transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AuditTrail {

    public static final String MIRROR = "mirror";
    public static final String PROBE_ROUND = "probe-round";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A change of a mirror: its state before (null when it was created) and after (null when deleted). */
    public AuditEvent mirrorChanged(Caller caller, AuditAction action, DistributionMirror mirror, JsonObject before,
            JsonObject after) {
        return record(caller, action, MIRROR, mirror.getId(), mirror.getName(), before, after);
    }

    public AuditEvent record(Caller caller, AuditAction action, String subjectType, Long subjectId,
            String subjectName, JsonObject before, JsonObject after) {
        AuditEvent event = new AuditEvent(clock.instant(), caller.person(), action, subjectType, subjectId,
                subjectName, before == null ? null : before.toString(), after == null ? null : after.toString());
        em.persist(event);
        return event;
    }

    /** The audited fields of a mirror, as they are now. */
    public static JsonObject stateOf(DistributionMirror mirror) {
        JsonObjectBuilder state = Json.createObjectBuilder()
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
