package org.mirrorwatch.registry.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.JsonBuilders;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.control.AccessRules;
import org.mirrorwatch.registry.control.MaintenanceWindows;
import org.mirrorwatch.registry.control.MirrorsChanged;
import org.mirrorwatch.registry.control.VisibleMirrors;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MaintenanceWindow;

/**
 * Maintenance windows: anyone who may see a mirror sees its windows; its owner and the mirror
 * administrators schedule and cancel them, each change audited.
 */
@Stateless
@PermitAll
public class MaintenanceFacade {

    static final String WINDOW = "maintenance window";

    @PersistenceContext
    EntityManager em;

    @Inject
    VisibleMirrors visibleMirrors;

    @Inject
    MaintenanceWindows windows;

    @Inject
    AccessRules rules;

    @Inject
    AuditTrail audit;

    @Inject
    Event<MirrorsChanged> mirrorsChanged;

    @Inject
    Clock clock;

    /** The mirror's windows, by start, those that are over included. */
    public List<MaintenanceView> windows(String mirrorName) {
        return MaintenanceView.of(windows.of(visibleMirrors.get(mirrorName)), clock.instant());
    }

    @RolesAllowed(Roles.PERSON)
    public MaintenanceView schedule(String mirrorName, MaintenanceForm form) {
        DistributionMirror mirror = visibleMirrors.get(mirrorName);
        Caller caller = rules.requireMayEdit(mirror);
        Instant now = clock.instant();
        MaintenanceWindow window = MaintenanceWindow.schedule(mirror, instant("startsAt", form.startsAt()),
                instant("endsAt", form.endsAt()), Boolean.TRUE.equals(form.weekly()), form.note(), caller.person(), now,
                windows.of(mirror));
        em.persist(window);
        em.flush();
        audited(caller, AuditAction.MAINTENANCE_SCHEDULED, window, null, stateOf(window));
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        return MaintenanceView.of(window, now);
    }

    @RolesAllowed(Roles.PERSON)
    public void cancel(String mirrorName, long windowId) {
        DistributionMirror mirror = visibleMirrors.get(mirrorName);
        Caller caller = rules.requireMayEdit(mirror);
        MaintenanceWindow window = windows.of(mirror).stream().filter(candidate -> candidate.getId() == windowId)
                .findFirst().orElseThrow(() -> new NotFoundException(WINDOW, windowId));
        JsonObject before = stateOf(window);
        em.remove(window);
        audited(caller, AuditAction.MAINTENANCE_CANCELLED, window, before, null);
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
    }

    /** An instant with its offset, strictly; the field's error says the form expected. */
    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 40) {
            throw new InvalidInputException(field, "Give a date and time such as 2026-12-01T22:00:00Z.");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Give a date and time with its offset, such as"
                    + " 2026-12-01T22:00:00Z or 2026-12-01T23:00:00+01:00.");
        }
    }

    private void audited(Caller caller, AuditAction action, MaintenanceWindow window, JsonObject before,
            JsonObject after) {
        DistributionMirror mirror = window.getDistributionMirror();
        audit.record(caller, action, AuditTrail.MIRROR, mirror.getId(), mirror.getName(), before, after);
    }

    private static JsonObject stateOf(MaintenanceWindow window) {
        return JsonBuilders.object().add("maintenanceWindow", window.getId())
                .add("startsAt", window.getStartsAt().toString()).add("endsAt", window.getEndsAt().toString())
                .add("weekly", window.isWeekly()).add("note", window.getNote()).build();
    }
}
