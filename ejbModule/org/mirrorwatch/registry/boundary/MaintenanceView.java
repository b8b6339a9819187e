package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import java.util.List;
import org.mirrorwatch.registry.entity.MaintenanceWindow;

/**
 * A maintenance window as screens and the API show it.
 *
 * @param nextStart the start of the occurrence in progress or the next one; null when it is over
 * @param nextEnd its end
 * @param inProgress whether an occurrence holds the moment it was read
 */
public record MaintenanceView(long id, Instant startsAt, Instant endsAt, boolean weekly, String note, String createdBy,
        Instant nextStart, Instant nextEnd, boolean inProgress) {

    /** The windows as they stand at one instant. */
    public static List<MaintenanceView> of(List<MaintenanceWindow> windows, Instant now) {
        return windows.stream().map(window -> of(window, now)).toList();
    }

    public static MaintenanceView of(MaintenanceWindow window, Instant now) {
        var next = window.currentOrNext(now);
        return new MaintenanceView(window.getId(), window.getStartsAt(), window.getEndsAt(), window.isWeekly(),
                window.getNote(), window.getCreatedBy().getName(), next.map(MaintenanceWindow.Interval::start).orElse(null),
                next.map(MaintenanceWindow.Interval::end).orElse(null), window.occurrenceAt(now).isPresent());
    }
}
