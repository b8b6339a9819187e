package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.SyncState;
import org.mirrorwatch.registry.entity.TraceFacts;
import org.mirrorwatch.registry.entity.TraceState;

/**
 * What the newest probe found of a mirror's trace file and sync marker, as pages and the API show it, with
 * the pool files' freshness beside it (the two figures a partial sync compares).
 *
 * @param state         the trace's state; null when its distribution has no trace file
 * @param time          when the mirror last synced, by a FOUND trace
 * @param ageSeconds    the trace's age at the probe
 * @param problem       why the trace was not FOUND
 * @param partialSync   whether its age and the pool files' freshness disagree by more than the gap
 * @param poolFreshness the pool files' freshness at the same probe
 * @param sync          whether a sync was running, by its marker; null when its distribution names none
 * @param markerAgeSeconds the marker's age at the probe, when it had a date
 */
public record TraceSummary(TraceState state, Instant time, Long ageSeconds, String problem, boolean partialSync,
        MirrorStatus poolFreshness, SyncState sync, Long markerAgeSeconds) {

    /** The summary of a probe's facts; null when it read neither trace nor marker. */
    static TraceSummary of(TraceFacts facts, MirrorStatus poolFreshness) {
        if (facts.getTraceState().isEmpty() && facts.getSyncState().isEmpty()) {
            return null;
        }
        return new TraceSummary(facts.getTraceState().orElse(null), facts.getTraceTime().orElse(null),
                facts.getTraceAge().map(age -> age.toSeconds()).orElse(null), facts.getTraceProblem().orElse(null),
                facts.isPartialSync(), poolFreshness, facts.getSyncState().orElse(null),
                facts.getSyncMarkerAge().map(age -> age.toSeconds()).orElse(null));
    }

    /** The trace's age at the probe, as pages say it: "45 min", "7.5 h"; null without one. */
    public String ageText() {
        return ageSeconds == null ? null : TraceFacts.hours(java.time.Duration.ofSeconds(ageSeconds));
    }

    /** The marker's age at the probe, as pages say it; null without one. */
    public String markerAgeText() {
        return markerAgeSeconds == null ? null : TraceFacts.hours(java.time.Duration.ofSeconds(markerAgeSeconds));
    }

    /** The trace's state in words. */
    public String stateTitle() {
        return state == null ? null : switch (state) {
            case FOUND -> "Read";
            case MISSING -> "Missing";
            case MALFORMED -> "Malformed";
            case TOO_LARGE -> "Too large";
            case FAILED -> "Could not be read";
        };
    }

    /** Whether a sync was running at the probe. */
    public boolean syncing() {
        return sync == SyncState.SYNCING;
    }
}
