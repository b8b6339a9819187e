package org.mirrorwatch.probing.control;

import java.time.Instant;
import java.util.Optional;
import org.mirrorwatch.registry.entity.TraceState;

/**
 * What a probe read of the trace file and the sync marker, before it is judged against the pool files.
 *
 * @param state          the trace's state; null when no trace was read
 * @param time           the time a FOUND trace names
 * @param problem        why the trace was not FOUND
 * @param markerFound    whether the marker was there; null when none was looked for
 * @param markerModified the marker's Last-Modified, when it had one
 */
public record TraceFinding(TraceState state, Instant time, String problem, Boolean markerFound,
        Optional<Instant> markerModified) {
}
